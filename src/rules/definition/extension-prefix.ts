import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { misprefixedExtension, unusualKeys } from './extensions.js';

/** apiProperties.json keys that sometimes land in the swagger (PR #3810: scriptOperations). */
const API_PROPERTIES_KEYS = new Set(['scriptOperations', 'iconBrandColor', 'capabilities', 'policyTemplateInstances', 'connectionParameters', 'connectionParameterSets', 'publisher', 'stackOwner']);

export default defineRule({
  meta: {
    id: 'extension-prefix',
    criterion: 'definition',
    description: 'Keys that are not Swagger 2.0 fields are extensions and start with "x-".',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    // Another version (OpenAPI 3) has other fields: swagger-version explains that once.
    if (str(prop(root, 'swagger')) !== '2.0') return;
    // swagger-schema validates every object outside extension values and already reports unknown
    // keys there ("is not allowed here"). This rule reports what it cannot see (schemas held by an
    // extension) and, everywhere, keys that are a known extension with a broken prefix, because
    // those come with a safe rename.
    for (const { key, keyNode, object } of unusualKeys(root)) {
      const { node, kind, inExtension } = object;
      // "x-" keys are extensions; a paths key without its leading "/" is a path, not an extension
      // (path-syntax's business).
      if (key.startsWith('x-') || kind === 'paths') continue;
      const meant = misprefixedExtension(key);
      if (meant !== undefined) {
        const taken = prop(node, meant) !== undefined;
        report({
          file,
          node: keyNode,
          message: taken
            ? `${quote(key)} is not a valid extension name (extensions begin with "x-") and ${quote(meant)} is already set here; remove this copy`
            : `${quote(key)} is not a valid extension name: extensions begin with "x-"; rename it ${quote(meant)}`,
          ...(taken ? {} : { fix: { offset: keyNode.offset, length: keyNode.length, text: JSON.stringify(meant) } }),
        });
        continue;
      }
      if (!inExtension) continue;
      const hint = API_PROPERTIES_KEYS.has(key)
        ? `it belongs in apiProperties.json ("properties.${key}"): move it there`
        : `rename it with an "x-" prefix if it is your own extension, or remove it`;
      report({ file, node: keyNode, message: `${quote(key)} is not a ${kind} field and not an extension (extensions begin with "x-"); ${hint}` });
    }
  },
});
