import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonDocument } from '../../src/engine/json/document.js';
import { atPointer, pointerOf, type Node } from '../../src/engine/json/tree.js';

/** Every node of a tree with the pointer worked out from the root down. */
function nodesWithPointers(node: Node, pointer = '', into: [Node, string][] = []): [Node, string][] {
  into.push([node, pointer]);
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, value] = property.children as [Node, Node];
      const child = `${pointer}/${String(key.value).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      into.push([key, child]); // a key node's pointer is its value's
      nodesWithPointers(value, child, into);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((item, index) => nodesWithPointers(item, `${pointer}/${index}`, into));
  }
  return into;
}

describe('pointerOf', () => {
  const text = JSON.stringify({
    paths: { '/pets/{id}': { get: { parameters: [{ name: 'a~b' }, { name: 'c', schema: { items: [1, [2, { 'x/y': true }]] } }] } } },
    '': { '~': null, '~1': [] },
  });

  it('gives the RFC 6901 pointer of every node, asked in any order (container pointers are kept)', () => {
    const root = parseJsonDocument(text).root as Node;
    const all = nodesWithPointers(root);
    for (const [node, pointer] of [...all, ...all.reverse()]) expect(pointerOf(node)).toBe(pointer);
  });

  it('leads back to the node with atPointer', () => {
    const root = parseJsonDocument(text).root as Node;
    for (const [node, pointer] of nodesWithPointers(root)) {
      if (node.parent?.type === 'property' && node.parent.children?.[0] === node) continue; // key nodes
      expect(atPointer(root, pointer)).toBe(node);
    }
  });

  it('works out a container pointer from its container, at the deepest nesting the parser takes', () => {
    // Objects and arrays alternate down to the limit; the innermost value is asked first, so every
    // container's pointer is worked out on the way up (one frame per container).
    let text = '7';
    let expected = '';
    for (let depth = MAX_JSON_DEPTH; depth > 0; depth--) {
      text = depth % 2 === 0 ? `[${text}]` : `{"k/${depth}":${text}}`;
      expected = depth % 2 === 0 ? `/0${expected}` : `/k~1${depth}${expected}`;
    }
    const doc = parseJsonDocument(text);
    expect(doc.problems).toEqual([]);
    let innermost = doc.root as Node;
    while (innermost.children) innermost = innermost.type === 'array' ? (innermost.children[0] as Node) : (innermost.children[0]?.children?.[1] as Node);
    expect(innermost.value).toBe(7);
    expect(pointerOf(innermost)).toBe(expected);
  });
});
