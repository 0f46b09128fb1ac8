// Small, allocation-light accessors over jsonc-parser nodes. Rules read the tree through these so
// that every value they look at still knows where it sits in the file.
import type { Node } from 'jsonc-parser';
import { memoizeByObject } from '../memo.js';

export type { Node } from 'jsonc-parser';

/**
 * Object nodes built by our parser carry their property index (name → property node, the last
 * one winning, as in JSON.parse): a plain field is much cheaper than a WeakMap on the hot path.
 */
export type IndexedNode = Node & { index?: Map<string, Node> };

/** Value node of `key` in an object node (the last one wins, as in JSON.parse). */
export function prop(node: Node | undefined, key: string): Node | undefined {
  if (!node || node.type !== 'object') return undefined;
  const indexed = node as IndexedNode;
  let index = indexed.index;
  if (!index) {
    // Nodes from elsewhere (none today): index them once.
    index = new Map();
    for (const property of node.children ?? []) index.set(String(property.children?.[0]?.value), property);
    (indexed as { index?: Map<string, Node> }).index = index;
  }
  return index.get(key)?.children?.[1];
}

/** The first of `properties` (an object node's children) named `name`: for duplicate keys, which are rare. */
export function firstPropertyNamed(properties: readonly Node[], name: string): Node | undefined {
  return properties.find((property) => property.children?.[0]?.value === name);
}

/** Follows a path of keys and array indexes. */
export function at(node: Node | undefined, ...path: (string | number)[]): Node | undefined {
  let current = node;
  for (const segment of path) {
    if (!current) return undefined;
    current = typeof segment === 'number' ? current.children?.[segment] : prop(current, segment);
  }
  return current;
}

export interface Entry {
  key: string;
  keyNode: Node;
  value: Node;
}

/** Properties of an object node, in file order. Hot loops use forEachEntry, which allocates nothing per property. */
export function entries(node: Node | undefined): Entry[] {
  if (!node || node.type !== 'object') return [];
  const result: Entry[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (keyNode && value) result.push({ key: String(keyNode.value), keyNode, value });
  }
  return result;
}

/**
 * Calls `visit` with each property of an object node, in file order, without building entries
 * (and with an indexed loop: a for-of iterator allocates per step until the loop is optimized).
 */
export function forEachEntry(node: Node | undefined, visit: (key: string, value: Node, keyNode: Node) => void): void {
  if (!node || node.type !== 'object') return;
  const properties = node.children ?? [];
  for (let i = 0; i < properties.length; i++) {
    const keyNode = properties[i]?.children?.[0];
    const value = properties[i]?.children?.[1];
    if (keyNode && value) visit(String(keyNode.value), value, keyNode);
  }
}

export function items(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

export function str(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function num(node: Node | undefined): number | undefined {
  return node?.type === 'number' ? (node.value as number) : undefined;
}

export function bool(node: Node | undefined): boolean | undefined {
  return node?.type === 'boolean' ? (node.value as boolean) : undefined;
}

/**
 * Every property node named `key` anywhere under `root`, in file order. The first call walks the
 * whole tree once and indexes all its properties, so rules that look for a few keys wherever they
 * are (`$ref`, samples, dynamic extensions) share one walk instead of one each.
 */
export function propertiesNamed(root: Node, key: string): readonly Node[] {
  return propertiesByKey(root).get(key) ?? [];
}

const propertiesByKey = memoizeByObject(indexProperties);

/**
 * Iterative (no recursion, however deep the file), in file order: children are pushed last to
 * first, so they are popped first to last. Only containers are pushed: leaves hold no properties.
 */
function indexProperties(root: Node): Map<string, Node[]> {
  const index = new Map<string, Node[]>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const children = node.children;
    if (!children) continue;
    if (node.type === 'property') {
      const key = String(children[0]?.value);
      const list = index.get(key);
      if (list) list.push(node);
      else index.set(key, [node]);
      const value = children[1];
      if (value?.children) stack.push(value);
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as Node;
      if (child.children) stack.push(child);
    }
  }
  return index;
}

/**
 * The properties named one of `keys` that have a value, in file order, except those inside the
 * value of another one: a walk that takes such a value whole (a `$ref`, a sample) never looks
 * inside it. Linear: only the values of the outermost ones are walked, each once.
 */
export function outermostPropertiesNamed(root: Node, keys: ReadonlySet<string>): Node[] {
  const found = [...keys].flatMap((key) => propertiesNamed(root, key)).sort((a, b) => a.offset - b.offset);
  const inside = new Set<Node>();
  const result: Node[] = [];
  for (const property of found) {
    const value = property.children?.[1];
    if (!value || inside.has(property)) continue;
    result.push(property);
    if (value.children) markPropertiesNamed(value, keys, inside);
  }
  return result;
}

/** Adds the properties named one of `keys` under `node` to `into` (iterative). */
function markPropertiesNamed(node: Node, keys: ReadonlySet<string>, into: Set<Node>): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (current.type === 'property' && keys.has(String(current.children?.[0]?.value))) into.add(current);
    for (const child of current.children ?? []) if (child.children) stack.push(child);
  }
}

/** The key node of a property value, or undefined for the root and array items. */
export function keyOf(value: Node): Node | undefined {
  const parent = value.parent;
  return parent?.type === 'property' && parent.children?.[1] === value ? parent.children[0] : undefined;
}

function escapePointerSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** RFC 6901 JSON pointer of a node. */
export function pointerOf(node: Node): string {
  const parent = node.parent;
  if (parent?.type === 'property') return `${pointerOfContainer(parent.parent as Node)}/${escapePointerSegment(String(parent.children?.[0]?.value))}`;
  if (parent?.type === 'array') return `${pointerOfContainer(parent)}/${String(parent.children?.indexOf(node))}`;
  return walkPointer(node);
}

/**
 * Findings come in runs under one object (a response schema's hundred properties, say): each
 * object's or array's own pointer is worked out once, from its own container's (so in one step;
 * the recursion is bounded by the parser's nesting limit).
 */
const pointerOfContainer = memoizeByObject(pointerOf);

function walkPointer(node: Node): string {
  const segments = keyPath(node);
  return segments.length === 0 ? '' : `/${segments.map(escapePointerSegment).join('/')}`;
}

/** The keys and array indexes from the root down to a node: its JSON pointer's segments, unescaped. */
export function keyPath(node: Node): string[] {
  const segments: string[] = [];
  let current: Node | undefined = node;
  while (current?.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property') {
      segments.push(String(parent.children?.[0]?.value));
      current = parent.parent;
    } else if (parent.type === 'array') {
      segments.push(String(parent.children?.indexOf(current)));
      current = parent;
    } else current = parent;
  }
  return segments.reverse();
}

/** Node at an RFC 6901 pointer ("" is the root). */
export function atPointer(root: Node | undefined, pointer: string): Node | undefined {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let current = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!current) return undefined;
    if (current.type === 'array') {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current.children?.[Number(segment)];
    } else current = prop(current, segment);
  }
  return current;
}

/**
 * Plain JavaScript value of a node (duplicate keys: the last wins). Keys such as "__proto__" become
 * ordinary own properties, never prototypes. Depth is bounded by the parser's nesting limit.
 */
export function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        if (name === '__proto__') Object.defineProperty(object, name, { value: toValue(value), enumerable: true, writable: true, configurable: true });
        else object[name] = toValue(value);
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}
