import { outermostPropertiesNamed, prop, str, type Node } from '../../engine/json/tree.js';
import { MAX_SCHEMA_DEPTH, resolveRef, shortRef } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';

const REF_KEY: ReadonlySet<string> = new Set(['$ref']);

/** Where Swagger 2.0 lets a connector's refs point. */
const REF_TARGETS = /^#\/(definitions|parameters|responses)\/[^/]+$/;

/**
 * How many `$ref` hops lead from `target` to something that is not a bare `$ref` (a schema, or a
 * broken ref reported on its own); Infinity when they come back to a node already on the way (a
 * loop, e.g. "A": {"$ref": "#/definitions/A"}). Recursive schemas (a property referring to its own
 * definition) are fine. Memoised per document, so the refs along a chain of N cost O(N) in all,
 * not O(N²) (a chain of 10,000 definitions took minutes).
 */
function hopsFrom(root: Node, target: Node, memo: Map<Node, number>): number {
  // Most refs point to a target whose count is known already: no path to build.
  const known = memo.get(target);
  if (known !== undefined) return known;
  const path: Node[] = [];
  const onPath = new Set<Node>();
  let current: Node | undefined = target;
  let end = 0;
  while (current) {
    const known = memo.get(current);
    if (known !== undefined) {
      end = known;
      break;
    }
    if (onPath.has(current)) {
      end = Infinity;
      break;
    }
    const ref = str(prop(current, '$ref'));
    if (ref === undefined) break;
    path.push(current);
    onPath.add(current);
    current = resolveRef(root, ref).target;
  }
  let hops = end;
  for (let i = path.length - 1; i >= 0; i--) memo.set(path[i] as Node, ++hops);
  return hops;
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
    const sites: { value: Node; object: Node | undefined; ref: string; target: Node }[] = [];
    const targets = new Set<Node>();
    // What a $ref's value holds is no reference of its own.
    for (const property of outermostPropertiesNamed(root, REF_KEY)) {
      const value = property.children?.[1];
      if (!value) continue;
      if (value.type !== 'string') report({ file, node: value, message: '$ref must be a string' });
      else {
        const ref = value.value as string;
        const resolved = resolveRef(root, ref);
        if (resolved.error !== undefined) report({ file, node: value, message: resolved.error });
        else if (!REF_TARGETS.test(ref)) {
          report({ file, node: value, message: `"${shortRef(ref)}" must point to an entry of #/definitions, #/parameters or #/responses` });
        } else {
          sites.push({ value, object: property.parent, ref, target: resolved.target });
          targets.add(resolved.target);
        }
      }
    }
    const memo = new Map<Node, number>();
    for (const { value, object, ref, target } of sites) {
      const hops = 1 + hopsFrom(root, target, memo);
      if (hops === Infinity) {
        report({ file, node: value, message: `"${shortRef(ref)}" leads into a loop of $refs that never reaches a schema; give the definition real content` });
      } else if (hops > MAX_SCHEMA_DEPTH && !(object && targets.has(object))) {
        // Reported once, where the chain starts: tools stop following long chains, so what lies beyond goes unchecked.
        report({
          file,
          node: value,
          message: `"${shortRef(ref)}" starts a chain of ${hops} $refs before it reaches a schema; connector-gate follows at most ${MAX_SCHEMA_DEPTH}, so the schema is not checked: point to the final definition directly`,
        });
      }
    }
  },
});
