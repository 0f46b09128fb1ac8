import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { replaceInString } from '../definition/ops-shared.js';
import { isInternal, operationLabel } from './shared.js';

/** RestrictedCharactersInSummary: the Swagger Validator's set. */
const RESTRICTED = /[/\\<>*%&?]/g;
/** What a summary may end with: a letter, a digit or a closing parenthesis ("(preview)"). */
const TRAILING = /[^\p{L}\p{N})]+$/u;
/**
 * Learn: "only alphanumeric characters or parentheses". Hyphens and apostrophes inside a word
 * ("Part-of-speech", "company's") are part of the word and stay allowed.
 */
const OTHER = /(?<=\p{L})['’-](?=\p{L})|[\p{L}\p{N}\s()]/gu;

function list(chars: Iterable<string>): string {
  return [...new Set(chars)].map((c) => `'${c}'`).join(', ');
}

export default defineRule({
  meta: {
    id: 'op-summary-chars',
    criterion: 'completeness',
    description: "Operation summaries contain none of / \\ < > * % & ? and end with a letter, digit or ')'; other punctuation is a warning.",
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const node = prop(operation.node, 'summary');
      const summary = str(node);
      if (!node || summary === undefined || summary.trim() === '') continue; // op-summary-required
      const label = operationLabel(operation);
      const restricted = summary.match(RESTRICTED);
      if (restricted) {
        report({
          file,
          node,
          message: `the summary of ${label} (${quote(summary)}) contains ${list(restricted)}; remove or reword them (e.g. "and"/"or" for '/', "percent" for '%')`,
        });
      }
      const trailing = TRAILING.exec(summary);
      if (trailing) {
        const kept = summary.slice(0, trailing.index);
        report({
          file,
          node,
          message: `the summary of ${label} (${quote(summary)}) ends with ${JSON.stringify(trailing[0])}; end it with a letter, a digit or ')'${kept.trim() ? `: ${quote(kept)}` : ''}`,
          ...(kept.trim() ? { fix: replaceInString(file.doc.text, node, trailing.index, summary.length, '') } : {}),
        });
      }
      if (isInternal(operation.node)) continue;
      const body = trailing ? summary.slice(0, trailing.index) : summary;
      const other = body.replace(OTHER, '').replace(RESTRICTED, '');
      if (other !== '') {
        report({
          file,
          node,
          recommended: true,
          message: `the summary of ${label} (${quote(summary)}) contains ${list(other)}; Microsoft asks for letters, digits, spaces and parentheses only: reword it`,
        });
      }
    }
  },
});
