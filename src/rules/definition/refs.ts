import type { Node } from '../../engine/json/tree.js';
import { resolveRef } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';

/** Where Swagger 2.0 lets a connector's refs point. */
const REF_TARGETS = /^#\/(definitions|parameters|responses)\/[^/]+$/;

export default defineRule({
  meta: {
    id: 'refs',
    criterion: 'definition',
    description: '$refs point inside the file, to #/definitions, #/parameters or #/responses, and resolve.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      if (node.type === 'property') {
        const [key, value] = node.children ?? [];
        if (key?.value === '$ref' && value) {
          if (value.type !== 'string') report({ file, node: value, message: '$ref must be a string' });
          else {
            const ref = value.value as string;
            const { error } = resolveRef(root, ref);
            if (error) report({ file, node: value, message: error });
            else if (!REF_TARGETS.test(ref)) {
              report({ file, node: value, message: `"${ref}" must point to an entry of #/definitions, #/parameters or #/responses` });
            }
          }
          continue;
        }
      }
      if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
    }
  },
});
