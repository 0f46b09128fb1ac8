// A light C# lexer for script.csx: the text with comments and string / character literals blanked
// out (offsets kept), so the script rules can look for `using`, `class` and `new HttpClient`
// without matching them inside comments or strings. Linear, iterative, never throws.
// It jumps from one character that matters to the next with a regex scan, reads character codes,
// and marks what to blank in a byte mask, then builds the text once: a loop step and a string per
// character (and an array of them) made this the slowest part of the script rules.
import type { TextFile } from '../../engine/files.js';
import { memoizeByObject } from '../../engine/memo.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22; // "
const DOLLAR = 0x24; // $
const APOSTROPHE = 0x27; // '
const STAR = 0x2a; // *
const SLASH = 0x2f; // /
const AT = 0x40; // @
const BACKSLASH = 0x5c; // \
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }

const LINE_END = /[\r\n]/g;
const CHARACTER_LITERAL = /'(?:\\.[^'\r\n]{0,8}|[^'\\\r\n])'/y;
/** The characters the code loop acts on; it jumps over all others at once. */
const CODE_STOP = /[/"@$'{}]/g;
/** The characters a string body's loop acts on. */
const STRING_STOP = /[\\"\r\n{]/g;

/** The first index at or after `from` where `stop` matches, or the text's length. */
function nextStop(stop: RegExp, text: string, from: number): number {
  stop.lastIndex = from;
  return stop.exec(text)?.index ?? text.length;
}

/** Replaces comments and literal contents with spaces; line breaks and every offset are kept. Once per file. */
export const codeOnly = memoizeByObject((file: TextFile): string => {
  const text = file.text;
  const n = text.length;
  const blanked = new Uint8Array(n);
  const blank = (from: number, to: number): void => {
    blanked.fill(1, from, Math.min(to, n));
  };
  // Interpolation holes: a stack of brace depths, one per open interpolated string.
  const holes: { depth: number; verbatim: boolean; raw: number }[] = [];
  let i = 0;
  // Scans the body of a (possibly interpolated) string starting at `i`; returns where it ended,
  // or, for an interpolated string, stops at a `{` hole and pushes it on the stack.
  const scanString = (verbatim: boolean, interpolated: boolean, raw: number): void => {
    const start = i;
    const closing = raw > 0 ? '"'.repeat(raw) : '';
    while ((i = nextStop(STRING_STOP, text, i)) < n) {
      const c = text.charCodeAt(i);
      if (raw > 0) {
        if (text.startsWith(closing, i)) {
          blank(start, i);
          i += raw;
          return;
        }
      } else if (!verbatim && c === BACKSLASH) {
        i += 2;
        continue;
      } else if (c === QUOTE) {
        if (verbatim && text.charCodeAt(i + 1) === QUOTE) {
          i += 2;
          continue;
        }
        blank(start, i);
        i++;
        return;
      } else if (!verbatim && (c === LF || c === CR)) {
        blank(start, i);
        return; // unterminated: stop at the line end
      }
      if (interpolated && c === OPEN_BRACE) {
        if (text.charCodeAt(i + 1) === OPEN_BRACE && raw === 0) {
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
  while ((i = nextStop(CODE_STOP, text, i)) < n) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === SLASH && next === SLASH) {
      LINE_END.lastIndex = i;
      const stop = LINE_END.exec(text)?.index ?? n;
      blank(i, stop);
      i = stop;
    } else if (c === SLASH && next === STAR) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === QUOTE || ((c === AT || c === DOLLAR) && startsString(text, i))) {
      let j = i;
      let verbatim = false;
      let interpolated = false;
      for (let d = text.charCodeAt(j); d === AT || d === DOLLAR; d = text.charCodeAt(++j)) {
        if (d === AT) verbatim = true;
        else interpolated = true;
      }
      let quotes = 0;
      while (text.charCodeAt(j + quotes) === QUOTE) quotes++;
      if (quotes >= 3) {
        i = j + quotes;
        scanString(true, interpolated, quotes);
      } else {
        i = j + 1;
        scanString(verbatim, interpolated, 0);
      }
    } else if (c === APOSTROPHE) {
      // A character literal: 'x', '\n', '\u0041'.
      CHARACTER_LITERAL.lastIndex = i;
      const match = CHARACTER_LITERAL.exec(text);
      if (match) {
        blank(i + 1, i + match[0].length - 1);
        i += match[0].length;
      } else i++;
    } else if (holes.length > 0 && c === OPEN_BRACE) {
      (holes[holes.length - 1] as { depth: number }).depth++;
      i++;
    } else if (holes.length > 0 && c === CLOSE_BRACE) {
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
  return withBlanks(text, blanked);
});

/** Whether one or two of "@" and "$" at `i` open a string ('@"', '$"', '$@"', '@$"', '$$"'…). */
function startsString(text: string, i: number): boolean {
  const second = text.charCodeAt(i + 1);
  if (second === QUOTE) return true;
  return (second === AT || second === DOLLAR) && text.charCodeAt(i + 2) === QUOTE;
}

/** `text` with the marked characters, except line breaks, replaced by spaces. */
function withBlanks(text: string, blanked: Uint8Array): string {
  let result = '';
  let kept = 0;
  for (let i = blanked.indexOf(1); i !== -1; ) {
    const end = blanked.indexOf(0, i);
    const stop = end === -1 ? text.length : end;
    result += text.slice(kept, i) + text.slice(i, stop).replace(/[^\r\n]/g, ' ');
    kept = stop;
    i = end === -1 ? -1 : blanked.indexOf(1, end);
  }
  return result + text.slice(kept);
}
