import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';
import { replaceInString } from '../definition/ops-shared.js';
import { isInternal, operationLabel } from './shared.js';

/** Sentence ends: punctuation, or a closing bracket/quote after it ("(deprecated)", "…'."). */
const SENTENCE_END = /[.!?…:)\]"'”’]$/;

export default defineRule({
  meta: {
    id: 'op-description-style',
    criterion: 'completeness',
    description: 'Operation descriptions of more than one word are sentences that end in punctuation.',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      if (isInternal(operation.node)) continue; // never shown
      const node = prop(operation.node, 'description');
      const description = str(node);
      if (!node || description === undefined) continue; // op-description
      const trimmed = description.trimEnd();
      // Learn: "No period required if there's a single word."
      if (!/\S\s+\S/.test(trimmed) || SENTENCE_END.test(trimmed)) continue;
      report({
        file,
        node,
        message: `the description of ${operationLabel(operation)} (${quote(trimmed.slice(-40))}) does not end in punctuation; write it as a full sentence ending with '.'`,
        fix: replaceInString(file.doc.text, node, trimmed.length, description.length, '.'),
      });
    }
  },
});
