import { prop } from '../../engine/json/tree.js';
import { operations, responsesOf } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger } from '../define.js';
import { operationLabel } from '../completeness/shared.js';
import { isSuccessCode } from './ops-shared.js';

export default defineRule({
  meta: {
    id: 'response-one-schema',
    criterion: 'definition',
    description: 'At most one status-code response of an operation has a schema (the designer shows one).',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    for (const operation of operations(root)) {
      // 'default' is response-default-no-schema's business.
      const withSchema = responsesOf(root, operation).filter((r) => r.code !== 'default' && prop(r.node, 'schema'));
      if (withSchema.length < 2) continue;
      const keep = withSchema.find((r) => isSuccessCode(r.code)) ?? withSchema[0];
      const others = withSchema.filter((r) => r !== keep).map((r) => r.code);
      report({
        file,
        node: prop(operation.node, 'responses'),
        at: 'key',
        message: `${operationLabel(operation)} has schemas on ${withSchema.length} responses (${withSchema.map((r) => r.code).join(', ')}); the designer uses only one: keep the ${keep?.code} schema and remove it from ${others.join(', ')}`,
      });
    }
  },
});
