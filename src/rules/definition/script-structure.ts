import { defineRule, ERROR_EVERYWHERE } from '../define.js';
import { codeOnly } from './csharp.js';

const CLASS = /\bclass\s+([A-Za-z_]\w*)\s*(?:<[^>{]*>)?\s*:\s*([^{]*)\{/g;
const EXECUTE_ASYNC = /\boverride\b[^;{}()=]*\bExecuteAsync\s*\(/;

export default defineRule({
  meta: {
    id: 'script-structure',
    criterion: 'definition',
    description: 'script.csx declares `public class Script : ScriptBase` overriding `ExecuteAsync` (static check; compiling is the platform\'s job).',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = connector.files.script;
    if (!file || file.readProblem) return;
    const code = codeOnly(file);
    let script: { name: string; offset: number } | undefined;
    for (const match of code.matchAll(CLASS)) {
      const bases = (match[2] as string).split(',').map((base) => base.trim().replace(/^global::/, ''));
      if (!bases.some((base) => base === 'ScriptBase' || base.endsWith('.ScriptBase'))) continue;
      const name = match[1] as string;
      const offset = (match.index as number) + (match[0] as string).indexOf(name, 5);
      if (!script || (script.name !== 'Script' && name === 'Script')) script = { name, offset };
    }
    if (!script) {
      report({
        file,
        message: 'script.csx declares no class deriving from ScriptBase; the platform runs `public class Script : ScriptBase { public override async Task<HttpResponseMessage> ExecuteAsync() { … } }`',
      });
      return;
    }
    if (script.name !== 'Script') {
      report({
        file,
        offset: script.offset,
        length: script.name.length,
        recommended: true,
        message: `the script class is named '${script.name}'; Microsoft's contract is a class named 'Script' deriving from ScriptBase: rename it to Script`,
      });
    }
    if (!EXECUTE_ASYNC.test(code)) {
      report({
        file,
        offset: script.offset,
        length: script.name.length,
        message: `class '${script.name}' does not override ExecuteAsync; add \`public override async Task<HttpResponseMessage> ExecuteAsync()\`, which the platform calls for every script operation`,
      });
    }
  },
});
