import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { allParameters, parameterLabel } from '../completeness/shared.js';
import { removeFix, typeOf } from './schema-shared.js';

const SWAGGER_FORMATS = ['csv', 'ssv', 'tsv', 'pipes', 'multi'];
/** What merged connectors use; the validator's supported list (CollectionFormatValueNotSupported) is not published. */
const KNOWN_SUPPORTED = ['csv', 'multi'];

export default defineRule({
  meta: {
    id: 'param-keywords',
    criterion: 'definition',
    description: 'allowEmptyValue only on query/formData; collectionFormat a supported value where it applies; no uniqueItems on parameters.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const site of allParameters(file.doc.root)) {
      if (site.in === undefined || site.in === 'body') continue;
      const label = parameterLabel(site);
      const allowEmpty = prop(site.node, 'allowEmptyValue');
      if (allowEmpty && site.in !== 'query' && site.in !== 'formData') {
        const fix = removeFix(allowEmpty);
        report({
          file,
          node: allowEmpty,
          at: 'key',
          message: `${label} is in ${site.in} but uses "allowEmptyValue", which only query and formData parameters can; remove it (AllowEmptyValueOnlyValidForQueryFormData)`,
          ...(fix ? { fix } : {}),
        });
      }
      const formatNode = prop(site.node, 'collectionFormat');
      const format = str(formatNode);
      if (formatNode && format !== undefined) {
        if (!SWAGGER_FORMATS.includes(format)) {
          report({ file, node: formatNode, message: `${label} has collectionFormat ${quote(format)}; use "csv" or "multi" (CollectionFormatValueNotSupported)` });
        } else if (format === 'multi' && site.in !== 'query' && site.in !== 'formData') {
          report({ file, node: formatNode, message: `${label} is in ${site.in} but has collectionFormat "multi", which only query and formData parameters can; use "csv"` });
        } else if (!KNOWN_SUPPORTED.includes(format)) {
          report({
            file,
            node: formatNode,
            recommended: true,
            message: `${label} has collectionFormat ${quote(format)}, which the platform may not support (its list is not published); prefer "csv" or "multi" (CollectionFormatValueNotSupported)`,
          });
        } else if (typeOf(site.node) !== undefined && typeOf(site.node) !== 'array') {
          report({ file, node: formatNode, recommended: true, message: `${label} has collectionFormat but is not an array; remove it or make the parameter "type": "array"` });
        }
      }
      const unique = prop(site.node, 'uniqueItems');
      if (unique) {
        const fix = removeFix(unique);
        report({
          file,
          node: unique,
          at: 'key',
          recommended: true,
          message: `${label} uses "uniqueItems", which the validator rejects on parameters (where it does so exactly is not published); remove it and deduplicate in the service (SwaggerKeywordNotSupported)`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
