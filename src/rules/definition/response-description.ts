import { prop, str } from '../../engine/json/tree.js';
import { operations, responsesOf, type Operation } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';
import { replaceInString } from './ops-shared.js';

/** Reason phrases for a mechanical rewording of a placeholder description. */
const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '409': 'Conflict',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
};

/** Placeholders that say nothing about the response. */
const PLACEHOLDERS = /^(default|response|description|string|todo|tbd|n\/?a|none|null|undefined|-+|\.+)$/i;

/** "the '404' response of GET /items (ListItems)": built only for a finding. */
function responseName(code: string, operation: Operation): string {
  return `the ${quote(code)} response of ${operationLabel(operation)}`;
}

export default defineRule({
  meta: {
    id: 'response-description',
    criterion: 'definition',
    description: "Every response has a description, and it says something (\"OK\", \"Not Found\"), not 'default' or blank.",
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const seen = new Set<object>();
    for (const operation of operations(root)) {
      for (const response of responsesOf(root, operation)) {
        if (response.node.type !== 'object' || seen.has(response.node)) continue;
        seen.add(response.node);
        const node = prop(response.node, 'description');
        const text = str(node);
        const reason = REASONS[response.code];
        if (!node || text === undefined) {
          report({
            file,
            node: node ?? response.node,
            at: node ? 'value' : 'key',
            message: `${responseName(response.code, operation)} has ${node ? 'a description that is not a string' : 'no description'}; add "description": ${reason ? `"${reason}"` : 'what this response means'}`,
          });
        } else if (text.trim() === '' || PLACEHOLDERS.test(text.trim()) || text.trim() === response.code) {
          // Wording is the reviewers' request (PR #2433), not a validator error: a warning.
          report({
            file,
            node,
            recommended: true,
            message: `${responseName(response.code, operation)} has the description ${quote(text)}, which says nothing; describe the response${reason ? `, e.g. "${reason}"` : ''}`,
            ...(reason ? { fix: replaceInString(file.doc.text, node, 0, text.length, reason) } : {}),
          });
        }
      }
    }
  },
});
