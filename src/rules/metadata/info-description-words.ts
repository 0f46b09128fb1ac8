import { prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { API_WORD, findWords, PRODUCT_NAMES } from './shared.js';

function listed(words: string[]): string {
  return words.map((w) => quote(w)).join(', ');
}

export default defineRule({
  meta: {
    id: 'info-description-words',
    criterion: 'metadata',
    description: 'info.description names no Power Platform product (error) and avoids the word "API" (recommendation).',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const description = prop(prop(file.doc.root, 'info'), 'description');
    const text = str(description);
    if (!description || text === undefined) return;
    const products = [...new Set(findWords(text, PRODUCT_NAMES).map((m) => m.found))];
    if (products.length > 0) {
      report({
        file,
        node: description,
        message: `the description ${quote(text, 60)} names ${listed(products)}; remove Power Platform product names and describe the service itself`,
      });
    }
    const api = [...new Set(findWords(text, API_WORD).map((m) => m.found))];
    if (api.length > 0) {
      report({
        file,
        node: description,
        recommended: true,
        message: `the description ${quote(text, 60)} uses ${listed(api)}; Microsoft's string guidance avoids "API": describe the service and what users can do with it`,
      });
    }
  },
});
