import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';
import { isTrigger } from '../definition/ops-shared.js';
import { isInternal, operationLabel } from './shared.js';
import { isCodeToken, spaced } from './text-style.js';

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export default defineRule({
  meta: {
    id: 'op-summary-human',
    criterion: 'completeness',
    description: 'Summaries read as phrases, not the operationId or a CamelCase token; trigger summaries start with "When".',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      if (isInternal(operation.node)) continue; // never shown
      const node = prop(operation.node, 'summary');
      const summary = str(node);
      if (!node || summary === undefined || summary.trim() === '') continue;
      const label = operationLabel(operation);
      const id = str(prop(operation.node, 'operationId'));
      const trigger = isTrigger(operation.node);
      // Written only into a finding: most summaries have none.
      const example = (): string => (trigger ? '"When a frame is created"' : quote(spaced(id ?? summary)));
      // One word first: most summaries have several, and then squash is not needed.
      if (id !== undefined && !/\s/.test(summary.trim()) && squash(id) !== '' && squash(id) === squash(summary)) {
        report({ file, node, message: `the summary of ${label} repeats its operationId ${quote(summary)}; write a short phrase users read, e.g. ${example()}` });
      } else if (isCodeToken(summary)) {
        report({ file, node, message: `the summary of ${label} is the code-style token ${quote(summary)}, which is not translated; write it as words in sentence case, e.g. ${example()}` });
      } else if (trigger && !/^when\b/i.test(summary.trim())) {
        report({ file, node, message: `the summary of trigger ${label} is ${quote(summary)}; trigger names read "When …", e.g. ${example()}` });
      }
    }
  },
});
