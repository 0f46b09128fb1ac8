import { defineRule, ERROR_EVERYWHERE } from '../define.js';
import { codeOnly } from './csharp.js';

/** Microsoft's documented limit for script.csx. */
export const MAX_SCRIPT_BYTES = 1024 * 1024;
const NEW_HTTP_CLIENT = /\bnew[ \t\r\n]+(?:global::)?(?:System\.Net\.Http\.)?HttpClient[ \t\r\n]*\(/g;

export default defineRule({
  meta: {
    id: 'script-limits',
    criterion: 'definition',
    description: 'script.csx is at most 1 MB and sends requests with Context.SendAsync, not `new HttpClient` (recommendation).',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = connector.files.script;
    if (!file || file.readProblem) return;
    const bytes = Buffer.byteLength(file.text, 'utf8');
    if (bytes > MAX_SCRIPT_BYTES) {
      report({
        file,
        message: `script.csx is ${(bytes / 1048576).toFixed(2)} MB; the platform limit is 1 MB: move logic into the API or into policies`,
      });
    }
    const uses = [...codeOnly(file).matchAll(NEW_HTTP_CLIENT)];
    const first = uses[0];
    if (!first) return;
    const more = uses.length > 1 ? ` (and ${uses.length - 1} more place${uses.length > 2 ? 's' : ''})` : '';
    report({
      file,
      offset: first.index as number,
      length: (first[0] as string).trimEnd().length - 1,
      recommended: true,
      message: `script.csx creates its own HttpClient${more}; send requests with this.Context.SendAsync(request, this.CancellationToken), which Microsoft plans to require`,
    });
  },
});
