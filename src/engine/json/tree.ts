// Small, allocation-light accessors over jsonc-parser nodes. Rules read the tree through these so
// that every value they look at still knows where it sits in the file.
import type { Node } from 'jsonc-parser';

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

/** Properties of an object node, in file order. */
export function entries(node: Node | undefined): Entry[] {
  if (!node || node.type !== 'object') return [];
  const result: Entry[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (keyNode && value) result.push({ key: String(keyNode.value), keyNode, value });
  }
  return result;
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
  const segments: string[] = [];
  let current: Node | undefined = node;
  while (current?.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property') {
      segments.push(escapePointerSegment(String(parent.children?.[0]?.value)));
      current = parent.parent;
    } else if (parent.type === 'array') {
      segments.push(String(parent.children?.indexOf(current)));
      current = parent;
    } else current = parent;
  }
  return segments.length === 0 ? '' : '/' + segments.reverse().join('/');
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
