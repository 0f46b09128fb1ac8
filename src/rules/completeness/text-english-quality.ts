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
    const check = (owner: Node, key: string, what: string, checks: Checks): void => {
      const node = prop(owner, key);
      const value = str(node);
      if (!node || value === undefined || done.has(node)) return;
      done.add(node);
      if (value.trim() === '') {
        if (checks.blank) report({ file, node, message: `the ${key} of ${what} is blank; write it or remove the key` });
        return;
      }
      if (checks.code && isCodeToken(value)) {
        report({ file, node, message: `the ${key} of ${what} is the code-style token ${quote(value)}, which is not translated; write it as words, e.g. ${quote(spaced(value))}` });
        return;
      }
      const doubled = doubledWord(value);
      if (doubled) {
        report({
          file,
          node,
          message: `the ${key} of ${what} repeats the word ${quote(doubled.word)} (${quote(value.slice(Math.max(0, doubled.start - 30), doubled.end + 10))}); remove the repetition`,
          fix: replaceInString(text, node, doubled.start, doubled.end, ''),
        });
      }
    };

    const schemasSeen = new Set<Node>();
    for (const operation of operations(root)) {
      if (isInternal(operation.node)) continue; // never shown
      const label = operationLabel(operation);
      check(operation.node, 'summary', label, { code: false, blank: false });
      check(operation.node, 'description', label, { code: true, blank: false });
      const visit = (where: string, blank: boolean) => ({ name, schema }: { name: string; schema: Node }) => {
        if (isInternal(schema)) return;
        const what = `property ${quote(name)} in ${where}`;
        // Property descriptions that repeat the JSON name ("firstName") are what the wizard generates:
        // thousands in merged connectors. Only the label (x-ms-summary) is held to the token check.
        check(schema, 'x-ms-summary', what, { code: true, blank });
        check(schema, 'description', what, { code: false, blank });
      };
      for (const parameter of parametersOf(root, operation)) {
        if (parameter.in !== 'body' || isInternal(parameter.node)) continue;
        // Request properties: no other rule looks at their text, so blank values are reported here.
        forEachSchemaProperty(root, prop(parameter.node, 'schema'), visit(`the body of ${label}`, true), schemasSeen);
      }
      for (const response of responsesOf(root, operation)) {
        if (!isSuccessCode(response.code)) continue;
        forEachSchemaProperty(root, prop(response.node, 'schema'), visit(`the ${response.code} response of ${label}`, false), schemasSeen);
      }
    }
    for (const site of allParameters(root)) {
      if (isInternal(site.node) || (site.usedBy.length > 0 && site.usedBy.every((op) => isInternal(op.node)))) continue;
      for (const key of ['x-ms-summary', 'description']) check(site.node, key, parameterLabel(site), { code: true, blank: false });
    }
  },
});

