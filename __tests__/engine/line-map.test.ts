import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/engine/json/document.js';

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
});
