import { prop } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';
import { allParameters, parameterLabel } from '../completeness/shared.js';

/** Keywords of non-body parameters that a body parameter must express inside its schema instead. */
const NON_BODY_KEYWORDS = [
  'type', 'format', 'items', 'collectionFormat', 'default', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'enum', 'multipleOf', 'allowEmptyValue',
];

export default defineRule({
  meta: {
    id: 'param-body-schema',
    criterion: 'definition',
    description: 'Body parameters define a schema and nothing of a non-body parameter; other parameters define no schema.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const site of allParameters(file.doc.root)) {
      if (site.in === undefined) continue;
      const schema = prop(site.node, 'schema');
      const label = parameterLabel(site);
      if (site.in === 'body') {
        if (!schema) {
          report({ file, node: site.node, at: 'key', message: `${label} has no schema; add "schema" with the body's type (BodyParameterSchemaRequired)` });
        }
        for (const keyword of NON_BODY_KEYWORDS) {
          const value = prop(site.node, keyword);
          if (value) {
            report({
              file,
              node: value,
              at: 'key',
              message: `${label} uses "${keyword}", which body parameters cannot; move it into "schema" (BodyParameterPropertyNotValid)`,
            });
          }
        }
      } else if (schema) {
        report({
          file,
          node: schema,
          at: 'key',
          message: `${label} is in ${site.in} but defines "schema", which only body parameters can; use "type" (and "items") instead (NonBodyParameterSchemaNotValid)`,
        });
      }
    }
  },
});
