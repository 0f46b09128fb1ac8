import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';
import { appendToString, insertFirstPropertyFix, isDeprecated } from '../definition/ops-shared.js';
import { operationLabel } from './shared.js';

/** Text that marks an operation as deprecated: "(deprecated)", or the word at the start or end. */
const MARKED = /\(deprecated\)|^\W*deprecated\b|\bdeprecated\W*$/i;

export default defineRule({
  meta: {
    id: 'deprecation-style',
    criterion: 'completeness',
    description: 'Deprecated operations set "deprecated": true and append "(deprecated)" to their summary and description.',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const text = file.doc.text;
    for (const operation of operations(file.doc.root)) {
      const label = operationLabel(operation);
      const summary = prop(operation.node, 'summary');
      const description = prop(operation.node, 'description');
      if (isDeprecated(operation.node)) {
        for (const [key, node] of [['summary', summary], ['description', description]] as const) {
          const value = str(node);
          if (!node || value === undefined || value.trim() === '' || MARKED.test(value)) continue;
          report({
            file,
            node,
            message: `${label} is deprecated but its ${key} ${quote(value, 40)} does not say so; append " (deprecated)"`,
            fix: appendToString(text, node, ' (deprecated)'),
          });
        }
        continue;
      }
      const marked = [summary, description].find((node) => MARKED.test(str(node) ?? ''));
      if (!marked) continue;
      const flag = prop(operation.node, 'deprecated');
      report({
        file,
        node: marked,
        message: `${label} reads as deprecated (${quote(str(marked) as string, 40)}) but does not set "deprecated": true; add it so the designer hides the operation from new flows`,
        ...(!flag
          ? { fix: insertFirstPropertyFix(text, operation.node, '"deprecated": true') }
          : flag.value === false
            ? { fix: { offset: flag.offset, length: flag.length, text: 'true' } }
            : {}),
      });
    }
  },
});
