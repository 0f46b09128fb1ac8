import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { operationLabel } from './shared.js';

/** Learn ([CS], [CSG]): 80 characters. The longest merged summary has exactly 80 (15,922 operations). */
export const MAX_SUMMARY_LENGTH = 80;

export default defineRule({
  meta: {
    id: 'op-summary-length',
    criterion: 'completeness',
    description: 'Operation summaries have at most 80 characters.',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const node = prop(operation.node, 'summary');
      const summary = str(node);
      if (!node || summary === undefined) continue;
      const length = [...summary].length;
      if (length <= MAX_SUMMARY_LENGTH) continue;
      report({
        file,
        node,
        message: `the summary of ${operationLabel(operation)} has ${length} characters (${quote(summary, 40)}); shorten it to ${MAX_SUMMARY_LENGTH} or fewer and move details to the description`,
      });
    }
  },
});
