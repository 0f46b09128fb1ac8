import { prop, str } from '../../engine/json/tree.js';
import { titleKey } from '../../engine/repository.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';

/** Other folders named in one message at most (the rest are counted). */
const MAX_NAMED = 3;

export default defineRule({
  meta: {
    id: 'pr-not-duplicate',
    criterion: 'definition',
    description: 'No other connector in the checked repository has the same info.title (ignoring letter case and spaces).',
    level: levels('error', 'error', 'off'),
  },
  check({ connector, repository, report }) {
    if (!repository) return; // a connector checked alone has nothing to compare with
    const file = parsedSwagger(connector);
    if (!file) return;
    const title = prop(prop(file.doc.root, 'info'), 'title');
    const text = str(title);
    if (!title || text === undefined || text.trim() === '') return; // info-title-present reports those
    const others = repository
      .withTitleKey(titleKey(text))
      .filter((entry) => entry.dir !== connector.dir)
      .map((entry) => entry.dir);
    if (others.length === 0) return;
    const named = others.slice(0, MAX_NAMED).map((dir) => `'${dir}'`).join(', ');
    const more = others.length > MAX_NAMED ? ` and ${others.length - MAX_NAMED} more` : '';
    report({
      file,
      node: title,
      message: `the title ${quote(text)} is also the title of the connector in ${named}${more} (titles are compared ignoring letter case and spaces); a connector must not duplicate one already in the repository: extend the existing connector instead, or give this one its service's distinct name`,
    });
  },
});
