import { prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';

/** Microsoft's limit (Swagger Validator FieldLengthExceeded on /info/title). */
export const MAX_TITLE_LENGTH = 30;

export default defineRule({
  meta: {
    id: 'info-title-length',
    criterion: 'metadata',
    description: `info.title has at most ${MAX_TITLE_LENGTH} characters.`,
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const title = prop(prop(file.doc.root, 'info'), 'title');
    const text = str(title);
    if (!title || text === undefined || text.length <= MAX_TITLE_LENGTH) return;
    report({
      file,
      node: title,
      message: `the title ${quote(text)} has ${text.length} characters; shorten it to ${MAX_TITLE_LENGTH} or fewer (keep the product name, drop taglines and version suffixes)`,
    });
  },
});
