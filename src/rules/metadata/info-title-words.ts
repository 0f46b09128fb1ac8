import { prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { API_WORD, findWords, PRODUCT_NAMES, withoutWords } from './shared.js';

/** Words the title must not contain: "API", "Connector" and Power Platform product names. */
const TITLE_WORDS = [...API_WORD, { name: 'Connector', pattern: 'connectors?' }, ...PRODUCT_NAMES];

export default defineRule({
  meta: {
    id: 'info-title-words',
    criterion: 'metadata',
    description: 'info.title does not contain "API", "Connector", "Copilot Studio" or a Power Platform product name (whole word, any case).',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const title = prop(prop(file.doc.root, 'info'), 'title');
    const text = str(title);
    if (!title || text === undefined) return;
    const matches = findWords(text, TITLE_WORDS);
    if (matches.length === 0) return;
    const found = [...new Set(matches.map((m) => m.found))];
    const suggestion = withoutWords(text, matches)
      .replace(/\s+/g, ' ')
      .replace(/^[\s\-–—:,;/|&+.]+|[\s\-–—:,;/|&+.]+$/g, '')
      .replace(/\s+(?:for|by|and|with|of|to|in|on|from|the)$/i, '');
    const hint = /[\p{L}\p{N}]$/u.test(suggestion) ? `e.g. ${quote(suggestion)}` : 'name the service or product instead';
    report({
      file,
      node: title,
      message: `the title ${quote(text)} contains the restricted word${found.length > 1 ? 's' : ''} ${found.map((w) => quote(w)).join(', ')}; remove ${found.length > 1 ? 'them' : 'it'} (${hint})`,
    });
  },
});
