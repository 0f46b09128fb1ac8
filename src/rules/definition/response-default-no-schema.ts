import { prop } from '../../engine/json/tree.js';
import { operations, responsesOf } from '../../engine/swagger.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger } from '../define.js';
import { operationLabel } from '../completeness/shared.js';
import { isSuccessCode, removePropertyFix } from './ops-shared.js';

export default defineRule({
  meta: {
    id: 'response-default-no-schema',
    criterion: 'definition',
    description: "The 'default' response has no schema: schemas belong on the expected status codes.",
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const reported = new Set<object>();
    for (const operation of operations(root)) {
      const responses = responsesOf(root, operation);
      const fallback = responses.find((response) => response.code === 'default');
      const schema = prop(fallback?.node, 'schema');
      if (!fallback || !schema || reported.has(schema)) continue;
      reported.add(schema);
      const shared = fallback.node !== fallback.keyNode.parent?.children?.[1];
      const successSchema = responses.some((response) => isSuccessCode(response.code) && prop(response.node, 'schema'));
      // Dropping the schema is safe when the success response already describes the output and
      // the default response is this operation's own (not a #/responses entry others share).
      const fix = successSchema && !shared ? removePropertyFix(schema) : undefined;
      report({
        file,
        node: schema,
        at: 'key',
        message: `the 'default' response of ${operationLabel(operation)} has a schema; remove it${successSchema ? '' : ' and define the schema on the success response (e.g. "200")'}: schemas belong on expected status codes only`,
        ...(fix ? { fix } : {}),
      });
    }
  },
});
