import { describe, expect, it } from 'vitest';
import { LineMap, MAX_JSON_DEPTH, parseJsonDocument } from '../../src/engine/json/document.js';
import { parseStrictJson } from '../../src/engine/json/strict-parser.js';

/** Line and column of every offset, counted the slow, obvious way (CRLF, CR and LF each end a line). */
function reference(text: string): { line: number; column: number }[] {
  const result: { line: number; column: number }[] = [];
  let line = 1;
  let column = 1;
  for (let i = 0; i <= text.length; i++) {
    result.push({ line, column });
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      column = 1;
    } else column++;
  }
  return result;
}

describe('LineMap', () => {
  const texts = {
    'LF only': '{\n  "a": 1,\n\n  "b": [\n]\n}\n',
    'CRLF': '{\r\n  "a": 1,\r\n\r\n  "b": 2\r\n}',
    'CR only': '{\r  "a": 1,\r\r}\r',
    'mixed': '\n\r\n\r\r\n\n x\r',
    'no line break': '{"a":1}',
    'empty': '',
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`gives 1-based line and column of every offset (${name})`, () => {
      const lines = new LineMap(text);
      expect(Array.from({ length: text.length + 1 }, (_, offset) => lines.position(offset))).toEqual(reference(text));
    });
  }

  it('answers offsets asked in any order the same (it remembers the last line)', () => {
    const text = Object.values(texts).join('\n');
    const expected = reference(text);
    const lines = new LineMap(text);
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const offset = seed % (text.length + 1);
      expect(lines.position(offset)).toEqual(expected[offset]);
    }
  });
});

describe('LineMap of a strict JSON file (line starts found by the parser)', () => {
  const texts = {
    'LF only': '{\n  "a": 1,\n\n  "b": [\n]\n}\n',
    'CRLF': '{\r\n  "a": 1,\r\n\r\n  "b": 2\r\n}',
    'CR only': '{\r  "a": 1,\r\r  "b": 2}\r',
    'mixed, with breaks before and after the value': '\n\r\n\r{"a":\r\n\n[1,\r2]}\r\n\r',
    'line separators inside a string are not line breaks': '{"a": "x\u2028y\u2029z",\n"b": 1}',
    'no line break': '{"a":1}',
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`gives the same positions as scanning the text (${name})`, () => {
      expect(parseStrictJson(text, MAX_JSON_DEPTH, () => undefined)?.lineStarts).toBeDefined(); // the fast path took it
      const lines = parseJsonDocument(text).lines;
      expect(Array.from({ length: text.length + 1 }, (_, offset) => lines.position(offset))).toEqual(reference(text));
    });
  }
});
