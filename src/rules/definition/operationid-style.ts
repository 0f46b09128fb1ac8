import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';

/** Microsoft does not publish the limit (OperationIdTooLong); the longest merged operationId has 77 characters. */
export const MAX_OPERATION_ID_LENGTH = 80;

export default defineRule({
  meta: {
    id: 'operationid-style',
    criterion: 'definition',
    description: 'operationIds use letters and digits only (equal to their sanitized form) and stay within 80 characters.',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const node = prop(operation.node, 'operationId');
      const id = str(node);
      if (!node || id === undefined || id.trim() === '') continue; // operationid-required-unique
      const where = `${operation.method.toUpperCase()} ${operation.path}`;
      // The revision suffix "_V2" is Microsoft's own convention for operation families (operational versioning).
      const stem = id.replace(/_V\d+$/, '');
      const sanitized = stem.replace(/[^A-Za-z0-9]/g, '');
      if (sanitized !== stem) {
        const suggestion = sanitized + id.slice(stem.length);
        report({
          file,
          node,
          message: `operationId ${quote(id)} of ${where} differs from its sanitized form ${quote(suggestion)}; use letters and digits only, e.g. ${quote(suggestion)} (renaming a published operation breaks existing flows)`,
        });
      }
      if (id.length > MAX_OPERATION_ID_LENGTH) {
        report({
          file,
          node,
          message: `operationId ${quote(id)} of ${where} has ${id.length} characters; keep it within ${MAX_OPERATION_ID_LENGTH} (the validator's limit is unpublished)`,
        });
      }
    }
  },
});
