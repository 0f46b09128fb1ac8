// The strict-JSON fast path must build exactly the tree and problems of the jsonc-parser path, on
// every real file we have and on the edge cases of the grammar; anything not strict falls back.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers.js';
import { decodeText } from '../../src/engine/files.js';
import { MAX_JSON_DEPTH, parseJsonDocument, type JsonDocument } from '../../src/engine/json/document.js';
import { parseStrictJson } from '../../src/engine/json/strict-parser.js';
import { prop, toValue, type IndexedNode, type Node } from '../../src/engine/json/tree.js';

const REPO = path.resolve(__dirname, '../..');
const CONTROL_CHARACTER = 'control character inside a string (escape it, e.g. \\n or \\t)';

/** Whether the fast path takes `text` (it returns undefined when it gives up). */
function takesFastPath(text: string): boolean {
  return parseStrictJson(text, MAX_JSON_DEPTH, () => undefined) !== undefined;
}

/** Where two trees first differ (fields and their order, values, children, parents, index), or undefined. */
function difference(a: Node, b: Node, where = '#'): string | undefined {
  const fieldsA = Object.keys(a).join();
  const fieldsB = Object.keys(b).join();
  if (fieldsA !== fieldsB) return `${where}: fields ${fieldsA} vs ${fieldsB}`;
  for (const field of ['type', 'offset', 'length', 'value'] as const) {
    if (!Object.is(a[field], b[field])) return `${where}: ${field} ${String(a[field])} vs ${String(b[field])}`;
  }
  const childrenA = a.children ?? [];
  const childrenB = b.children ?? [];
  if (childrenA.length !== childrenB.length) return `${where}: ${childrenA.length} vs ${childrenB.length} children`;
  for (let i = 0; i < childrenA.length; i++) {
    const childA = childrenA[i] as Node;
    const childB = childrenB[i] as Node;
    if (childA.parent !== a || childB.parent !== b) return `${where}/${i}: parent link`;
    const found = difference(childA, childB, `${where}/${i}`);
    if (found) return found;
  }
  const indexA = (a as IndexedNode).index;
  const indexB = (b as IndexedNode).index;
  if (indexA && indexB) {
    if ([...indexA.keys()].join('\0') !== [...indexB.keys()].join('\0')) return `${where}: index keys`;
    for (const [key, property] of indexA) {
      const i = childrenA.indexOf(property);
      if (i < 0 || childrenB[i] !== indexB.get(key)) return `${where}: index entry "${key}"`;
    }
  }
  return undefined;
}

/** Parses with both paths, expects the same result, and returns the fast path's. */
function same(text: string): JsonDocument {
  const fast = parseJsonDocument(text);
  const jsonc = parseJsonDocument(text, false);
  expect(fast.problems).toEqual(jsonc.problems);
  expect(fast.plainTree).toBe(jsonc.plainTree);
  expect(fast.root === undefined).toBe(jsonc.root === undefined);
  if (fast.root && jsonc.root) {
    expect('parent' in fast.root).toBe(false);
    expect(difference(fast.root, jsonc.root)).toBeUndefined();
  }
  return fast;
}

/** The problems the fast path finds itself: duplicate keys and raw control characters in strings. */
const FAST_PATH_PROBLEM = /^(duplicate key|control character inside a string)/;

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function jsonFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.join(folder, file))
    .sort();
}

describe('every JSON file of the corpus, the examples and the sources', () => {
  const files = [...jsonFiles(CORPUS), ...jsonFiles(path.join(REPO, 'examples')), ...jsonFiles(path.join(REPO, 'src'))];

  it('finds them all, strict or not', () => {
    expect(files.length).toBeGreaterThan(260);
    const notStrict = files.filter((file) => !isStrictJson(decodeText(readFileSync(file)).text));
    expect(notStrict.length).toBeGreaterThanOrEqual(6); // the corpus README lists six, the examples add more
  });

  it.each(files.map((file) => [path.relative(path.dirname(REPO), file)]))('%s', (file) => {
    const text = decodeText(readFileSync(path.join(path.dirname(REPO), file))).text;
    const strict = isStrictJson(text);
    // The fast path also takes raw control characters in strings (Easyvista has one), nothing else.
    const onlyControlCharacters = !strict && parseJsonDocument(text, false).problems.every((problem) => FAST_PATH_PROBLEM.test(problem.message));
    expect(takesFastPath(text)).toBe(strict || onlyControlCharacters);
    const doc = same(text);
    if (strict && doc.root) expect(toValue(doc.root)).toEqual(JSON.parse(text));
    // The schema checks read a plain tree directly: strict JSON, or raw control characters only.
    const duplicates = doc.problems.some((problem) => problem.message.startsWith('duplicate key'));
    expect(doc.plainTree).toBe(doc.root !== undefined && (strict || onlyControlCharacters) && !duplicates);
  });

  it('says which trees are plain: the whole value, nothing recovered and no duplicate keys', () => {
    const plain = (text: string): boolean => same(text).plainTree;
    expect(plain('{"a":[1,{"b":null}]}')).toBe(true);
    // Raw control characters (a tab, U+0001) inside strings: problems, but the tree is the value.
    expect(plain('{"a":"raw\ttab","b":"and\u0001"}')).toBe(true);
    expect(plain('{"a":1,"a":2}')).toBe(false);
    expect(plain('{"a":"raw\ttab","a":2}')).toBe(false);
    expect(plain('{"a":1,}')).toBe(false);
    expect(plain('{"a":1 // note\n}')).toBe(false);
    expect(plain('{"a":}')).toBe(false);
    expect(plain('   ')).toBe(false);
    expect(plain(`${'['.repeat(1000)}${']'.repeat(1000)}`)).toBe(false);
  });
});

describe('strings', () => {
  it('unescapes every escape as jsonc-parser does', () => {
    const doc = same(String.raw`{"a":"q\" b\\ s\/ \b\f\n\r\t \u00e9\u20AC\u20ac end", "\u0041\n": "key escaped"}`);
    expect(prop(doc.root, 'a')?.value).toBe('q" b\\ s/ \b\f\n\r\t é€€ end');
    expect(prop(doc.root, 'A\n')?.value).toBe('key escaped');
  });

  it('joins surrogate pairs and keeps lone surrogates', () => {
    const doc = same(String.raw`["\ud83d\ude00", "\ud800", "x\udc00y", "\ude00\ud83d", "\uD83D\uDE00"]`);
    expect(doc.root?.children?.map((child) => child.value)).toEqual(['😀', '\ud800', 'x\udc00y', '\ude00\ud83d', '😀']);
  });

  it('takes raw non-ASCII text and U+2028 as they are', () => {
    const doc = same('{"é":"\u2028 😀 \u00a0"}');
    expect(prop(doc.root, 'é')?.value).toBe('\u2028 😀 \u00a0');
  });

  it.each([
    ['an unknown escape', String.raw`{"a":"\x41"}`],
    ['a short \\u escape', String.raw`{"a":"\u12"}`],
    ['a \\u escape with a non-hex digit', String.raw`{"a":"\u12G4"}`],
    ['\\U', String.raw`{"a":"\U0041"}`],
    ['a backslash at the end', '{"a":"\\'],
    ['a raw line feed', '{"a":"x\ny"}'],
    ['a raw carriage return', '{"a":"x\ry"}'],
    ['a raw line feed after a raw tab', '{"a":"x\ty\nz"}'],
    ['a raw tab, then the end of the text', '{"a":"x\t'],
    ['a raw tab after an escape, then the end of the text', '{"a":"\\n\t'],
    ['an unterminated string', '{"a":"abc'],
    ['single quotes', "{'a':1}"],
  ])('falls back on %s, with the errors of today', (_name, text) => {
    expect(takesFastPath(text)).toBe(false);
    expect(same(text).problems.length).toBeGreaterThan(0);
  });

  it('points at the raw control character, as before', () => {
    expect(same('{"a":"x\ty"}').problems).toEqual([{ offset: 7, length: 1, message: CONTROL_CHARACTER }]);
  });

  it.each([
    ['a raw tab', '{"a":"x\ty"}', [7]],
    ['a raw NUL', '{"a":"x\u0000y"}', [7]],
    ['a raw control character in a key', '{"a\u001f":1}', [3]],
    ['two in one string (one problem, at the first)', '{"a":"\tx\u0001"}', [6]],
    ['one after an escape', '{"a":"\\n\tx"}', [8]],
    ['escapes on both sides', '{"a":"\\u0041\t\\"\u0002"}', [12]],
    ['one in each of two strings', '["\t","x\u0007"]', [2, 7]],
    ['one before a duplicate key', '{"a":1,"b":"\t","a":2}', [12, 15]],
  ])('takes %s, with the tree and problems of jsonc-parser', (_name, text, offsets) => {
    expect(takesFastPath(text)).toBe(true);
    expect(same(text).problems.map((problem) => problem.offset)).toEqual(offsets);
  });

  it('keeps the raw control characters in the value, as jsonc-parser does', () => {
    const doc = same('{"a":"x\ty\\n\u0000"}');
    expect(prop(doc.root, 'a')?.value).toBe('x\ty\n\u0000');
  });
});

describe('numbers', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['7', 7],
    ['-12', -12],
    ['1.5e-3', 0.0015],
    ['1E+2', 100],
    ['1e2', 100],
    ['0.1', 0.1],
    ['-0.0', -0],
    ['123456789012345', 123456789012345],
    ['-999999999999999', -999999999999999],
    ['1234567890123456', 1234567890123456],
    ['9007199254740993', 9007199254740992],
    ['12345678901234567890', 12345678901234567168],
    ['1e400', Infinity],
    ['-1e400', -Infinity],
    ['1e-400', 0],
    ['2.5E-1', 0.25],
  ])('%s is %d, as Number() of the token', (token, value) => {
    for (const text of [token, `[${token}]`, `{"n": ${token} }`]) {
      expect(takesFastPath(text)).toBe(true);
      const doc = same(text);
      const node = doc.root?.type === 'number' ? doc.root : (doc.root?.children?.[0]?.children?.[1] ?? doc.root?.children?.[0]);
      expect(Object.is(node?.value, value)).toBe(true);
      expect(node?.length).toBe(token.length);
    }
  });

  it.each(['01', '-01', '00', '1.', '1.e3', '.5', '+1', '-', '-a', '1e', '1e+', '1E-', '0x1', '1_000', 'NaN', 'Infinity', '-Infinity', '1.5.2'])('%s is not strict JSON', (token) => {
    for (const text of [token, `[${token}]`, `{"n":${token}}`]) {
      expect(takesFastPath(text)).toBe(false);
      expect(same(text).problems.length).toBeGreaterThan(0);
    }
  });
});

describe('structure', () => {
  it('gives key nodes the fields of string value nodes, in the same order, in both paths (one hidden class)', () => {
    for (const strictFastPath of [true, false]) {
      const root = parseJsonDocument('{"key": "value"}', strictFastPath).root as Node;
      const [key, value] = root.children?.[0]?.children ?? [];
      expect(Object.keys(key as Node)).toEqual(['type', 'offset', 'length', 'parent', 'value']);
      expect(Object.keys(value as Node)).toEqual(Object.keys(key as Node));
    }
  });

  it.each([
    ['an empty object', '{}'],
    ['an empty object with spaces', '{ \n }'],
    ['an empty array', '[]'],
    ['nested arrays', '[[[]],[[1,[2]]],[]]'],
    ['whitespace between every token', ' [ 1 ,\t{ "a" : [ ] , "b":{ } } ,\r\n"x" ] '],
    ['a string root', '"x"'],
    ['a number root', ' 42 '],
    ['keywords', '[true,false,null,{"t":true,"f":false,"n":null}]'],
    ['trailing whitespace', '{"a":1} \n\t\r\n'],
    ['CRLF line endings', '{\r\n  "a": 1,\r\n  "b": [\r\n    2\r\n  ]\r\n}\r\n'],
    ['CR-only line endings', '{\r  "a": 1,\r  "b": [\r    2\r  ]\r}\r'],
  ])('builds the same tree for %s', (_name, text) => {
    expect(takesFastPath(text)).toBe(true);
    expect(same(text).problems).toEqual([]);
  });

  it.each([
    ['a trailing comma in an object', '{"a":1,}'],
    ['a trailing comma in an array', '[1,]'],
    ['a missing comma', '[1 2]'],
    ['a missing colon', '{"a" 1}'],
    ['an unquoted key', '{a:1}'],
    ['a missing value', '{"a":}'],
    ['an unclosed object', '{"a":1'],
    ['an unclosed array', '[1,2'],
    ['a mismatched bracket', '[1}'],
    ['a line comment', '{"a":1 // no\n}'],
    ['a block comment', '/* no */ {}'],
    ['trailing garbage', '{"a":1} x'],
    ['a second value', '{}{}'],
    ['a misspelt keyword', '[tru]'],
    ['a keyword with a tail', '[truex]'],
    ['a keyword followed by a digit', '[null1]'],
    ['a form feed as whitespace', '{\f}'],
    ['a vertical tab as whitespace', '\u000b{}'],
    ['a no-break space as whitespace', '\u00a0{}'],
    ['a BOM kept in the text', '\uFEFF{"a":1}'],
  ])('falls back on %s, with the errors of today', (_name, text) => {
    expect(takesFastPath(text)).toBe(false);
    expect(same(text).problems.length).toBeGreaterThan(0);
  });

  it('reports empty and whitespace-only text as before', () => {
    for (const text of ['', ' \n\t\r ']) expect(same(text).problems).toEqual([{ offset: 0, length: 0, message: 'the file is empty; a JSON object is expected' }]);
  });

  it('takes a file decoded with a UTF-8 BOM (the BOM is dropped when reading)', () => {
    const text = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])).text;
    expect(text).toBe('{"a":1}');
    expect(takesFastPath(text)).toBe(true);
    same(text);
  });
});

describe('depth', () => {
  const arrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
  const objects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it(`takes ${MAX_JSON_DEPTH} levels`, () => {
    for (const text of [arrays(MAX_JSON_DEPTH), objects(MAX_JSON_DEPTH)]) {
      expect(takesFastPath(text)).toBe(true);
      expect(same(text).problems).toEqual([]);
    }
  });

  it(`leaves ${MAX_JSON_DEPTH + 1} levels to the jsonc path, which refuses them as before`, () => {
    for (const [text, offset] of [
      [arrays(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH],
      [objects(MAX_JSON_DEPTH + 1), 5 * MAX_JSON_DEPTH],
      ['[{"a":'.repeat(100_000), 6 * 256],
    ] as const) {
      expect(takesFastPath(text)).toBe(false);
      const doc = same(text);
      expect(doc.root).toBeUndefined();
      expect(doc.problems).toEqual([{ offset, length: 1, message: `nesting deeper than ${MAX_JSON_DEPTH} levels; the file was not parsed` }]);
    }
  });
});

describe('duplicate keys', () => {
  it('reports each later occurrence at its key and indexes the last', () => {
    const text = '{\n  "a": 1,\n  "b": {"a": 2},\n  "a": 3,\n  "a": 4\n}';
    const doc = same(text);
    expect(doc.problems).toEqual([
      { offset: text.indexOf('"a": 3'), length: 3, message: 'duplicate key "a" (first defined at line 2, column 3); parsers keep only one of them' },
      // The third names the first too, not the one before it.
      { offset: text.indexOf('"a": 4'), length: 3, message: 'duplicate key "a" (first defined at line 2, column 3); parsers keep only one of them' },
    ]);
    expect(prop(doc.root, 'a')?.value).toBe(4);
    expect(doc.root?.children).toHaveLength(4);
  });

  it('counts lines with CRLF and CR-only endings', () => {
    for (const eol of ['\r\n', '\r']) {
      const doc = same(`{${eol}"x": 0,${eol}  "k": 1,${eol}"k": 2}`);
      expect(doc.problems.map((problem) => problem.message)).toEqual(['duplicate key "k" (first defined at line 3, column 3); parsers keep only one of them']);
    }
  });

  it('compares unescaped keys and shortens a long one', () => {
    const long = 'k'.repeat(200);
    const doc = same(`{"\\u0061":1,"a":2,"${long}":3,"${long}":4}`);
    expect(doc.problems.map((problem) => problem.message)).toEqual([
      'duplicate key "a" (first defined at line 1, column 2); parsers keep only one of them',
      `duplicate key "${'k'.repeat(119)}…" (first defined at line 1, column 19); parsers keep only one of them`,
    ]);
  });

  it('keeps problems only once when a file with duplicates is not strict further on', () => {
    const doc = same('{"a":1,"a":2,}');
    expect(doc.problems.filter((problem) => problem.message.startsWith('duplicate key'))).toHaveLength(1);
  });

  it('treats "__proto__" as an ordinary key', () => {
    const doc = same('{"__proto__":{"x":1},"y":2,"__proto__":{"z":3}}');
    expect(doc.problems).toHaveLength(1);
    expect(prop(prop(doc.root, '__proto__'), 'z')?.value).toBe(3);
    const value = toValue(doc.root as Node) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ z: 3 });
  });
});
