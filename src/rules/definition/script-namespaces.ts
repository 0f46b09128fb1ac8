import { defineRule, ERROR_EVERYWHERE, quote } from '../define.js';
import { codeOnly } from './csharp.js';

/** The namespaces custom code may use (Microsoft Learn, "Write code in a custom connector"). */
export const SUPPORTED_NAMESPACES: readonly string[] = [
  'System',
  'System.Collections',
  'System.Collections.Generic',
  'System.Diagnostics',
  'System.IO',
  'System.IO.Compression',
  'System.Linq',
  'System.Net',
  'System.Net.Http',
  'System.Net.Http.Headers',
  'System.Net.Security',
  'System.Security.Authentication',
  'System.Security.Cryptography',
  'System.Text',
  'System.Text.RegularExpressions',
  'System.Threading',
  'System.Threading.Tasks',
  'System.Web',
  'System.Xml',
  'System.Xml.Linq',
  'System.Drawing',
  'System.Drawing.Drawing2D',
  'System.Drawing.Imaging',
  'Microsoft.Extensions.Logging',
  'Newtonsoft.Json',
  'Newtonsoft.Json.Linq',
];
const SUPPORTED = new Set(SUPPORTED_NAMESPACES);

/** `using X;`, `using static X.T;`, `using A = X.T;`, `global using X;` at the start of a line. */
const USING = /^[ \t]*(?:global[ \t]+)?using[ \t]+(static[ \t]+)?(?:([A-Za-z_]\w*)[ \t]*=[ \t]*)?((?:global::)?[A-Za-z_][\w.]*)[ \t]*;/gm;

export default defineRule({
  meta: {
    id: 'script-namespaces',
    criterion: 'definition',
    description: 'script.csx imports only the namespaces custom code supports (`using` directives).',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = connector.files.script;
    if (!file || file.readProblem) return;
    const code = codeOnly(file);
    for (const match of code.matchAll(USING)) {
      const written = match[3] as string;
      const name = written.replace(/^global::/, '');
      // `using static` and aliases name a type: its namespace must be supported.
      const isType = match[1] !== undefined || match[2] !== undefined;
      const parent = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
      if (SUPPORTED.has(name) || (isType && SUPPORTED.has(parent))) continue;
      const offset = (match.index as number) + (match[0] as string).lastIndexOf(written);
      report({
        file,
        offset,
        length: written.length,
        message: `script.csx uses the namespace ${quote(isType ? parent || name : name)}, which custom code does not support; remove the directive and use the supported ones (System.*, e.g. System.Net.Http and System.Text, Microsoft.Extensions.Logging, Newtonsoft.Json(.Linq))`,
      });
    }
  },
});
