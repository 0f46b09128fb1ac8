import { prop } from '../../engine/json/tree.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';
import { closestMsExtensions, unusualKeys } from './extensions.js';

export default defineRule({
  meta: {
    id: 'unknown-ms-extension',
    criterion: 'definition',
    description: 'Every x-ms-* key is an extension Microsoft documents (catches typos such as x-ms-visibilty, which the platform silently ignores).',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const { key, keyNode, object } of unusualKeys(file.doc.root)) {
      // Only keys that mean to be Microsoft extensions: "x-ms-…" in any case or separator style.
      if (!/^x-ms/i.test(key)) continue;
      const names = closestMsExtensions(key);
      const [name] = names;
      if (names.length === 1 && name !== undefined) {
        const taken = prop(object.node, name) !== undefined;
        report({
          file,
          node: keyNode,
          message: taken
            ? `${quote(key)} is not a known extension and this object already has ${quote(name)}; remove the misspelt copy`
            : `${quote(key)} is not a known extension, so the platform ignores it; did you mean ${quote(name)}?`,
          ...(taken ? {} : { fix: { offset: keyNode.offset, length: keyNode.length, text: JSON.stringify(name) } }),
        });
      } else {
        const hint = names.length > 1 ? `did you mean ${names.map((n) => quote(n)).join(' or ')}?` : 'check the spelling against Microsoft\'s OpenAPI extensions, or rename a private one without the "x-ms-" prefix';
        report({ file, node: keyNode, message: `${quote(key)} is not a known extension, so the platform ignores it; ${hint}` });
      }
    }
  },
});
