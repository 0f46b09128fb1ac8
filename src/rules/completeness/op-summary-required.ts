import { prop } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger } from '../define.js';
import { describeProblem, isInternal, operationLabel, textState } from './shared.js';

export default defineRule({
  meta: {
    id: 'op-summary-required',
    criterion: 'completeness',
    description: 'Every operation has a non-empty summary (the action or trigger name users see).',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const summary = prop(operation.node, 'summary');
      const state = textState(summary);
      if (state === 'ok') continue;
      report({
        file,
        node: summary ?? operation.node,
        at: summary ? 'value' : 'key',
        // Internal operations never appear in the designer: advice there (all 7 merged certified
        // operations without a summary or description are internal; 0 of 1,471 visible ones).
        recommended: isInternal(operation.node),
        message: `${operationLabel(operation)} ${describeProblem(state, 'summary')}; add "summary": a short action name in sentence case, e.g. "Get a frame"`,
      });
    }
  },
});
