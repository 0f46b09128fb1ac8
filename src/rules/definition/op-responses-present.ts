import { entries, prop } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';
import { isExtensionKey, isSuccessCode } from './ops-shared.js';

export default defineRule({
  meta: {
    id: 'op-responses-present',
    criterion: 'definition',
    description: "Every operation has responses keyed by HTTP status codes or 'default', including a 2xx one (certification).",
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const label = operationLabel(operation);
      const responses = prop(operation.node, 'responses');
      const codes = entries(responses).filter((entry) => !isExtensionKey(entry.key));
      if (!responses || responses.type !== 'object' || codes.length === 0) {
        report({
          file,
          node: responses ?? operation.node,
          at: 'key',
          message: `${label} has no responses; add at least "200": {"description": "OK"} (with a schema when it returns a body)`,
        });
        continue;
      }
      for (const { key, keyNode } of codes) {
        if (!/^([1-5]\d\d|default)$/.test(key)) {
          report({
            file,
            node: keyNode,
            message: `${label} has a response keyed ${quote(key)}; use a three-digit HTTP status code (e.g. "200") or "default"`,
          });
        }
      }
      if (!codes.some(({ key }) => isSuccessCode(key))) {
        report({
          file,
          node: responses,
          at: 'key',
          // The validator's OperationShouldHaveSuccessfulResponse; reviewers refuse default-only responses.
          // Private connectors import without one: advice there.
          recommended: connector.profile === 'custom',
          message: `${label} has no 2xx response (only ${codes.map(({ key }) => quote(key)).join(', ')}); add the success response, e.g. "200" with a description and schema`,
        });
      }
    }
  },
});
