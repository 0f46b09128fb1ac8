import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';

export default defineRule({
  meta: {
    id: 'basepath-format',
    criterion: 'definition',
    description: 'basePath, when present, is a path that starts with "/" (no scheme, host, query or spaces).',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const basePath = prop(file.doc.root, 'basePath');
    const value = str(basePath);
    // No basePath means "/"; a non-string one is swagger-schema's business.
    if (!basePath || value === undefined) return;
    const shown = quote(value);
    if (value === '') {
      report({
        file,
        node: basePath,
        message: 'basePath is empty; write "/" (or the common path prefix such as "/v1"), or remove it',
        fix: { offset: basePath.offset, length: basePath.length, text: '"/"' },
      });
      return;
    }
    // "https://api.contoso.com/v1": the scheme and host belong in "schemes" and "host".
    const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(value.trim());
    if (url) {
      const path = url[1] ?? '/';
      report({
        file,
        node: basePath,
        message: `basePath ${shown} is a URL; keep only the path ${quote(path)} (the host goes in "host", the scheme in "schemes")`,
        fix: { offset: basePath.offset, length: basePath.length, text: JSON.stringify(path) },
      });
      return;
    }
    if (/[?#]/.test(value)) {
      report({ file, node: basePath, message: `basePath ${shown} has a query or fragment; keep only the path, and declare query values as operation parameters` });
      return;
    }
    if (/\s/.test(value)) {
      report({ file, node: basePath, message: `basePath ${shown} contains whitespace; remove it (encode a real space in the path as %20)` });
      return;
    }
    const first = value.split('/')[0] as string;
    if (!value.startsWith('/') && /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?$/i.test(first)) {
      const path = value.slice(first.length) || '/';
      report({
        file,
        node: basePath,
        message: `basePath ${shown} starts with the host name ${quote(first)}; keep only the path ${quote(path)} (the host goes in "host")`,
        fix: { offset: basePath.offset, length: basePath.length, text: JSON.stringify(path) },
      });
      return;
    }
    if (!value.startsWith('/')) {
      report({
        file,
        node: basePath,
        message: `basePath ${shown} must start with "/"; write ${quote(`/${value}`)}`,
        fix: { offset: basePath.offset, length: basePath.length, text: JSON.stringify(`/${value}`) },
      });
    }
  },
});
