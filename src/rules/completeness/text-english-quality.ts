import { prop, str, type Node } from '../../engine/json/tree.js';
import { forEachSchemaProperty, operations, parametersOf, responsesOf } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';
import { isSuccessCode, replaceInString } from '../definition/ops-shared.js';
import { allParameters, isInternal, operationLabel, parameterLabel } from './shared.js';
import { doubledWord, isCodeToken, spaced } from './text-style.js';

interface Checks {
  /** Report an identifier-like token (not for summaries: op-summary-human does). */
  code: boolean;
  /** Report a present but blank value (only where no other rule does). */
  blank: boolean;
}

const TOKENS_ALLOWED: Checks = { code: false, blank: false };
const WORDS_ONLY: Checks = { code: true, blank: false };
// Request properties: no other rule looks at their text, so blank values are reported here.
const REQUEST_TOKENS_ALLOWED: Checks = { code: false, blank: true };
const REQUEST_WORDS_ONLY: Checks = { code: true, blank: true };

export default defineRule({
  meta: {
    id: 'text-english-quality',
    criterion: 'completeness',
    description: 'User-facing strings are words, not CamelCase or snake_case tokens, without repeated words or blank values.',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const text = file.doc.text;
    const done = new Set<Node>();
    /** `what` names the owner in a message: built only when there is one to write. */
    const check = (owner: Node, key: string, checks: Checks, what: () => string): void => {
      const node = prop(owner, key);
      const value = str(node);
      if (!node || value === undefined || done.has(node)) return;
      done.add(node);
      if (value.trim() === '') {
        if (checks.blank) report({ file, node, message: `the ${key} of ${what()} is blank; write it or remove the key` });
        return;
      }
      if (checks.code && isCodeToken(value)) {
        report({ file, node, message: `the ${key} of ${what()} is the code-style token ${quote(value)}, which is not translated; write it as words, e.g. ${quote(spaced(value))}` });
        return;
      }
      const doubled = doubledWord(value);
      if (doubled) {
        report({
          file,
          node,
          message: `the ${key} of ${what()} repeats the word ${quote(doubled.word)} (${quote(value.slice(Math.max(0, doubled.start - 30), doubled.end + 10))}); remove the repetition`,
          fix: replaceInString(text, node, doubled.start, doubled.end, ''),
        });
      }
    };

    const schemasSeen = new Set<Node>();
    for (const operation of operations(root)) {
      if (isInternal(operation.node)) continue; // never shown
      const label = (): string => operationLabel(operation);
      check(operation.node, 'summary', TOKENS_ALLOWED, label);
      check(operation.node, 'description', WORDS_ONLY, label);
      const visit = (where: () => string, request: boolean) => (name: string, _keyNode: Node, schema: Node) => {
        if (isInternal(schema)) return;
        const what = (): string => `property ${quote(name)} in ${where()}`;
        // Property descriptions that repeat the JSON name ("firstName") are what the wizard generates:
        // thousands in merged connectors. Only the label (x-ms-summary) is held to the token check.
        check(schema, 'x-ms-summary', request ? REQUEST_WORDS_ONLY : WORDS_ONLY, what);
        check(schema, 'description', request ? REQUEST_TOKENS_ALLOWED : TOKENS_ALLOWED, what);
      };
      for (const parameter of parametersOf(root, operation)) {
        if (parameter.in !== 'body' || isInternal(parameter.node)) continue;
        forEachSchemaProperty(root, prop(parameter.node, 'schema'), visit(() => `the body of ${label()}`, true), schemasSeen);
      }
      for (const response of responsesOf(root, operation)) {
        if (!isSuccessCode(response.code)) continue;
        forEachSchemaProperty(root, prop(response.node, 'schema'), visit(() => `the ${response.code} response of ${label()}`, false), schemasSeen);
      }
    }
    for (const site of allParameters(root)) {
      if (isInternal(site.node) || (site.usedBy.length > 0 && site.usedBy.every((op) => isInternal(op.node)))) continue;
      const label = (): string => parameterLabel(site);
      for (const key of ['x-ms-summary', 'description']) check(site.node, key, WORDS_ONLY, label);
    }
  },
});

