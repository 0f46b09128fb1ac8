import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';

/** Fewer words than this is a one-liner reviewers ask to expand (no merged certified description is shorter than 4). */
export const MIN_DESCRIPTION_WORDS = 8;

function normal(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export default defineRule({
  meta: {
    id: 'info-description-quality',
    criterion: 'metadata',
    description: `info.description differs from the title and explains the service in more than a one-liner (at least ${MIN_DESCRIPTION_WORDS} words).`,
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const info = prop(file.doc.root, 'info');
    const description = prop(info, 'description');
    const text = str(description);
    // Missing, empty or too long: info-description-length's business.
    if (!description || text === undefined || text.trim() === '') return;
    const title = str(prop(info, 'title'));
    if (title !== undefined && normal(title) !== '' && normal(title) === normal(text)) {
      report({
        file,
        node: description,
        message: `the description ${quote(text)} repeats the title; say what the service does and what users can do with the connector`,
      });
      return;
    }
    const words = text.trim().split(/\s+/).length;
    if (words < MIN_DESCRIPTION_WORDS) {
      report({
        file,
        node: description,
        message: `the description ${quote(text)} has ${words} word${words === 1 ? '' : 's'}; expand it to a sentence or two on what the service does and what the connector lets users do`,
      });
    }
  },
});
