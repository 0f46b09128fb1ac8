import { prop } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { nonExtensionEntries, replaceInString } from './ops-shared.js';

/** What is wrong with the `{…}` template variables of a path, or undefined. */
function templateProblem(path: string): string | undefined {
  let open = -1;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '{') {
      if (open >= 0) return "has a '{' inside a template variable; variables cannot nest";
      open = i;
    } else if (c === '}') {
      if (open < 0) return "has a '}' that closes no template variable; %-encode a literal brace as %7D";
      const name = path.slice(open + 1, i);
      if (name.trim() === '') return "has an empty template variable '{}'; name it after its path parameter";
      if (name.includes('=')) return `sets a default value in the template variable {${name}}; remove the '=…' and give the parameter a "default" instead`;
      open = -1;
    } else if (c === '/' && open >= 0) {
      return `has a template variable that spans more than one segment ({${path.slice(open + 1, i)}/…); close it with '}' before the next '/'`;
    }
  }
  return open >= 0 ? "has a '{' that is never closed; close the variable with '}' or %-encode a literal brace as %7B" : undefined;
}

export default defineRule({
  meta: {
    id: 'path-syntax',
    criterion: 'definition',
    description: "Paths start with '/', have no query, fragment or '*', and well-formed {variables} without defaults.",
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const { key: path, keyNode } of nonExtensionEntries(prop(file.doc.root, 'paths'))) {
      const label = `path ${quote(path)}`;
      if (!path.startsWith('/')) {
        report({
          file,
          node: keyNode,
          message: `${label} does not start with '/'; write ${quote('/' + path)}`,
          fix: replaceInString(file.doc.text, keyNode, 0, 0, '/'),
        });
      }
      const query = /[?#]/.exec(path);
      if (query) {
        report({
          file,
          node: keyNode,
          message: `${label} contains '${query[0]}'; paths cannot carry a query or fragment: declare query values as "in": "query" parameters, or %-encode the character`,
        });
      }
      if (path.includes('*')) {
        report({ file, node: keyNode, message: `${label} contains the wildcard '*'; replace it with a {variable} backed by a path parameter` });
      }
      const problem = templateProblem(path);
      if (problem) report({ file, node: keyNode, message: `${label} ${problem}` });
    }
  },
});
