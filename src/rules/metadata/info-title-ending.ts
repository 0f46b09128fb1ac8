import { prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';

export default defineRule({
  meta: {
    id: 'info-title-ending',
    criterion: 'metadata',
    description: 'info.title ends with a letter or a digit (no trailing space, line break or punctuation).',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const title = prop(prop(file.doc.root, 'info'), 'title');
    const text = str(title);
    // An empty title is info-title-present's business.
    if (!title || text === undefined || text.trim() === '') return;
    const last = [...text].pop() as string;
    if (/^[\p{L}\p{N}]$/u.test(last)) return;
    const shown = /\s/.test(last) ? (last === ' ' ? 'a space' : 'whitespace') : quote(last);
    report({
      file,
      node: title,
      message: `the title ${quote(text)} ends with ${shown}; it must end with a letter or digit (remove trailing spaces, punctuation and suffixes like "(V1)")`,
    });
  },
});
