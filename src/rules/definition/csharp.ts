// A light C# lexer for script.csx: the text with comments and string / character literals blanked
// out (offsets kept), so the script rules can look for `using`, `class` and `new HttpClient`
// without matching them inside comments or strings. Linear, iterative, never throws.
import type { TextFile } from '../../engine/files.js';
import { memoizeByObject } from '../../engine/memo.js';

/** Replaces comments and literal contents with spaces; line breaks and every offset are kept. Once per file. */
export const codeOnly = memoizeByObject((file: TextFile): string => {
  const text = file.text;
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  // Interpolation holes: a stack of brace depths, one per open interpolated string.
  const holes: { depth: number; verbatim: boolean; raw: number }[] = [];
  let i = 0;
  const n = text.length;
  // Scans the body of a (possibly interpolated) string starting at `i`; returns where it ended,
  // or, for an interpolated string, stops at a `{` hole and pushes it on the stack.
  const scanString = (verbatim: boolean, interpolated: boolean, raw: number): void => {
    const start = i;
    while (i < n) {
      const c = text[i];
      if (raw > 0) {
        if (text.startsWith('"'.repeat(raw), i)) {
          blank(start, i);
          i += raw;
          return;
        }
      } else if (!verbatim && c === '\\') {
        i += 2;
        continue;
      } else if (c === '"') {
        if (verbatim && text[i + 1] === '"') {
          i += 2;
          continue;
        }
        blank(start, i);
        i++;
        return;
      } else if (!verbatim && (c === '\n' || c === '\r')) {
        blank(start, i);
        return; // unterminated: stop at the line end
      }
      if (interpolated && c === '{') {
        if (text[i + 1] === '{' && raw === 0) {
          i += 2;
          continue;
        }
        blank(start, i);
        holes.push({ depth: 0, verbatim, raw });
        i++;
        return;
      }
      i++;
    }
    blank(start, n);
  };
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.slice(i).search(/[\r\n]/);
      const stop = end < 0 ? n : i + end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || ((c === '@' || c === '$') && /^[@$]{1,2}"/.test(text.slice(i, i + 3)))) {
      let j = i;
      let verbatim = false;
      let interpolated = false;
      while (text[j] === '@' || text[j] === '$') {
        if (text[j] === '@') verbatim = true;
        else interpolated = true;
        j++;
      }
      let quotes = 0;
      while (text[j + quotes] === '"') quotes++;
      if (quotes >= 3) {
        i = j + quotes;
        scanString(true, interpolated, quotes);
      } else {
        i = j + 1;
        scanString(verbatim, interpolated, 0);
      }
    } else if (c === "'") {
      // A character literal: 'x', '\n', '\u0041'.
      const match = /^'(?:\\.[^'\r\n]{0,8}|[^'\\\r\n])'/.exec(text.slice(i, i + 12));
      if (match) {
        blank(i + 1, i + match[0].length - 1);
        i += match[0].length;
      } else i++;
    } else if (holes.length > 0 && c === '{') {
      (holes[holes.length - 1] as { depth: number }).depth++;
      i++;
    } else if (holes.length > 0 && c === '}') {
      const hole = holes[holes.length - 1] as { depth: number; verbatim: boolean; raw: number };
      if (hole.depth === 0) {
        holes.pop();
        i++;
        scanString(hole.verbatim, true, hole.raw);
      } else {
        hole.depth--;
        i++;
      }
    } else i++;
  }
  return out.join('');
});
