import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';

export default defineRule({
  meta: {
    id: 'operationid-required-unique',
    criterion: 'definition',
    description: 'Every operation has an operationId, unique in the file.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const firstLine = new Map<string, number>();
    for (const operation of operations(file.doc.root)) {
      const idNode = prop(operation.node, 'operationId');
      const id = str(idNode);
      if (!idNode || id === undefined || id.trim() === '') {
        report({
          file,
          node: idNode ?? operation.node,
          at: idNode ? 'value' : 'key',
          message: `${operation.method.toUpperCase()} ${operation.path} has no operationId`,
        });
        continue;
      }
      const seenAt = firstLine.get(id);
      if (seenAt !== undefined) {
        report({ file, node: idNode, message: `operationId "${id}" is already used on line ${seenAt}; operationIds must be unique` });
      } else firstLine.set(id, file.doc.lines.position(idNode.offset).line);
    }
  },
});
