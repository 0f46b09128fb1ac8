import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';

/** Microsoft's pattern for `host` (repository schema; Swagger Validator HostNameNotValid). */
export const HOST_PATTERN = /^[^{}/ :\\]+(?::\d+)?$/;

export default defineRule({
  meta: {
    id: 'host-format',
    criterion: 'definition',
    description: 'host is a bare host name with an optional port: no scheme, path, spaces or {placeholders}.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const host = prop(file.doc.root, 'host');
    const value = str(host);
    // No host is allowed (dynamic hosts); a non-string host is swagger-schema's business.
    if (!host || value === undefined || HOST_PATTERN.test(value)) return;
    const shown = quote(value);
    if (value.trim() === '') {
      report({ file, node: host, message: 'host is empty; give the API host name (e.g. "api.contoso.com") or remove "host" and set it with the dynamichosturl policy' });
      return;
    }
    if (/[{}]/.test(value)) {
      report({
        file,
        node: host,
        message: `host ${shown} has a {placeholder}; give a fixed host name and set per-connection hosts with the dynamichosturl policy template in apiProperties.json`,
      });
      return;
    }
    // "https://api.contoso.com/v1" → host "api.contoso.com", path "/v1" (which belongs in basePath).
    const url = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#\s\\{}]+?)(?::(\d+))?(\/[^?#]*)?(?:[?#].*)?\s*$/i.exec(value) ?? /^\s*([^/?#\s\\:{}]+)(?::(\d+))?(\/[^?#]*)?\s*$/.exec(value);
    const name = url?.[1];
    if (url && name !== undefined && HOST_PATTERN.test(`${name}${url[2] ? `:${url[2]}` : ''}`)) {
      const bare = `${name}${url[2] ? `:${url[2]}` : ''}`;
      const path = url[3] && url[3] !== '/' ? url[3].replace(/\/$/, '') : '';
      const basePath = str(prop(file.doc.root, 'basePath'));
      const move = path !== '' && basePath !== path ? ` and put ${quote(path)} in basePath` : '';
      const parts = [
        ...(/^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value) ? ['a scheme'] : []),
        ...(url[3] !== undefined || /[?#]/.test(value) ? ['a path'] : []),
        ...(/\s/.test(value) ? ['spaces'] : []),
      ];
      const what = parts.length > 0 ? parts.join(' and ') : 'extra characters';
      report({
        file,
        node: host,
        message: `host ${shown} has ${what}; it must be the bare host name: write ${quote(bare)}${move} (the scheme goes in "schemes")`,
        fix: { offset: host.offset, length: host.length, text: JSON.stringify(bare) },
      });
      return;
    }
    report({
      file,
      node: host,
      message: `host ${shown} is not a valid host name; give the bare host and optional port, e.g. "api.contoso.com" or "api.contoso.com:8443", without scheme, path, spaces or backslashes`,
    });
  },
});
