import { items, prop, str, toValue, type Node } from '../../engine/json/tree.js';
import type { Fix } from '../../engine/types.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';

/** Removes an array item with the separator before it (or after it, for the first item), keeping the rest of the layout. */
function removeItem(list: Node, index: number): Fix {
  const siblings = list.children ?? [];
  const item = siblings[index] as Node;
  const previous = siblings[index - 1];
  if (previous) return { offset: previous.offset + previous.length, length: item.offset + item.length - (previous.offset + previous.length), text: '' };
  const next = siblings[index + 1];
  return next ? { offset: item.offset, length: next.offset - item.offset, text: '' } : { offset: item.offset, length: item.length, text: '' };
}

export default defineRule({
  meta: {
    id: 'tags-unique',
    criterion: 'definition',
    description: 'Each tag in the root "tags" list is defined once.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const list = prop(file.doc.root, 'tags');
    const first = new Map<string, Node>();
    items(list).forEach((tag, index) => {
      const nameNode = prop(tag, 'name');
      const name = str(nameNode);
      if (!nameNode || name === undefined) return; // a missing or non-string name is swagger-schema's business
      const earlier = first.get(name);
      if (!earlier) {
        first.set(name, tag);
        return;
      }
      // Removing the copy is safe only when it says nothing the first one does not.
      const same = JSON.stringify(toValue(tag)) === JSON.stringify(toValue(earlier));
      report({
        file,
        node: nameNode,
        message: same
          ? `tag ${quote(name)} is defined twice with the same content; remove this copy`
          : `tag ${quote(name)} is already defined above; merge the two entries into one`,
        ...(same && list ? { fix: removeItem(list, index) } : {}),
      });
    });
  },
});
