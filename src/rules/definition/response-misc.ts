import { entries, prop } from '../../engine/json/tree.js';
import { operations, responsesOf } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';
import { mimeBase, producesOf } from './ops-shared.js';

export default defineRule({
  meta: {
    id: 'response-misc',
    criterion: 'definition',
    description: 'Response headers are unique ignoring case; response examples use MIME types the operation produces.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    for (const operation of operations(root)) {
      const label = operationLabel(operation);
      let produced: string[] | undefined;
      for (const response of responsesOf(root, operation)) {
        const where = `the ${quote(response.code)} response of ${label}`;
        const names = new Map<string, string>();
        for (const { key, keyNode } of entries(prop(response.node, 'headers'))) {
          const lower = key.toLowerCase();
          const first = names.get(lower);
          // Identical keys are duplicate JSON keys: pkg-json-strict reports them.
          if (first !== undefined && first !== key) {
            report({ file, node: keyNode, message: `${where} declares the header ${quote(key)} twice (also as ${quote(first)}); header names ignore case: keep one` });
          } else if (first === undefined) names.set(lower, key);
        }
        for (const { key, keyNode } of entries(prop(response.node, 'examples'))) {
          produced ??= producesOf(root, operation);
          if (!produced.includes(mimeBase(key))) {
            report({
              file,
              node: keyNode,
              message: `${where} has an example for ${quote(key)}, which the operation does not produce (${produced.length ? produced.map((m) => quote(m)).join(', ') : 'nothing'}); key the example by a produced MIME type or add it to "produces"`,
            });
          }
        }
      }
    }
  },
});
