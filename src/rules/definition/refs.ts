import { prop, str, type Node } from '../../engine/json/tree.js';
import { resolveRef } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';

/** Where Swagger 2.0 lets a connector's refs point. */
const REF_TARGETS = /^#\/(definitions|parameters|responses)\/[^/]+$/;

/**
 * True when following `$ref`s from `target` comes back to a node already visited before reaching
 * anything that is not a bare `$ref` (e.g. "A": {"$ref": "#/definitions/A"}). Each hop visits a new
 * node, so the walk ends. Recursive schemas (a property referring to its own definition) are fine.
 */
function refLoop(root: Node, target: Node): boolean {
  const seen = new Set<Node>();
  let current: Node | undefined = target;
  while (current) {
    if (seen.has(current)) return true;
    seen.add(current);
    const ref = str(prop(current, '$ref'));
    if (ref === undefined) return false;
    current = resolveRef(root, ref).target;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'refs',
    criterion: 'definition',
    description: '$refs point inside the file, to #/definitions, #/parameters or #/responses, resolve, and do not loop.',
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
            const resolved = resolveRef(root, ref);
            if (resolved.error !== undefined) report({ file, node: value, message: resolved.error });
            else if (!REF_TARGETS.test(ref)) {
              report({ file, node: value, message: `"${ref}" must point to an entry of #/definitions, #/parameters or #/responses` });
            } else if (refLoop(root, resolved.target)) {
              report({ file, node: value, message: `"${ref}" leads into a loop of $refs that never reaches a schema; give the definition real content` });
            }
          }
          continue;
        }
      }
      if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
    }
  },
});
