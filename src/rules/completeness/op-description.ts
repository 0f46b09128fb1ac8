import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { describeProblem, isInternal, operationLabel, textState } from './shared.js';

/** Case, surrounding space and a final period do not make a description say more than the summary. */
function normalize(text: string): string {
  const trimmed = text.trim();
  // The final run of '.' and '!' (what /[.!]+$/ removed), found from the end: a regex tries every
  // position of a long description.
  let end = trimmed.length;
  while (end > 0 && (trimmed[end - 1] === '.' || trimmed[end - 1] === '!')) end--;
  return trimmed.slice(0, end).trim().toLowerCase();
}

export default defineRule({
  meta: {
    id: 'op-description',
    criterion: 'completeness',
    description: 'Every operation has a non-empty description that says more than its summary.',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const description = prop(operation.node, 'description');
      const state = textState(description);
      if (state !== 'ok') {
        report({
          file,
          node: description ?? operation.node,
          at: description ? 'value' : 'key',
          // Internal operations never appear in the designer: advice there (all 7 merged certified
          // operations without a summary or description are internal; 0 of 1,471 visible ones).
          recommended: isInternal(operation.node),
          message: `${operationLabel(operation)} ${describeProblem(state, 'description')}; add "description": a full sentence saying what the operation does`,
        });
        continue;
      }
      const summary = str(prop(operation.node, 'summary'));
      const text = str(description) as string;
      if (summary !== undefined && summary.trim() !== '' && normalize(summary) === normalize(text)) {
        report({
          file,
          node: description,
          recommended: true,
          message: `${operationLabel(operation)} has a description identical to its summary ${quote(summary)}; write a full sentence that adds what the summary cannot say`,
        });
      }
    }
  },
});
