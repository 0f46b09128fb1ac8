// The fast path for strict JSON (RFC 8259). jsonc-parser's visitor is generic: it scans every token
// into a value (whitespace runs included), calls back per token and allocates a path closure per
// value. Nearly every connector file is strict JSON, so this hand-written parser builds the very
// tree buildTree builds (same node shapes, fields in the same order, same offsets and values)
// straight from charCodeAt loops. It gives up at the first thing strict JSON does not allow, and
// then jsonc-parser parses the file again: it owns the error messages and the recovery. The one
// exception is a raw control character inside a string (a tab pasted into a description): it
// changes no token, so the parser notes where it is, as jsonc-parser would, and goes on.
import type { Node } from 'jsonc-parser';
import type { BuildingNode } from './document.js';
import { firstPropertyNamed } from './tree.js';

/** Called for a key already seen in the same object; `first` is the first property of that name. */
export type DuplicateKeyHandler = (name: string, offset: number, length: number, first: Node) => void;

/** Thrown to give up; made once, so giving up costs no stack trace. */
const NOT_STRICT = new Error('not strict JSON');

export interface StrictParse {
  root: Node;
  /** Offsets where lines start (LineMap's): strict JSON has line breaks only between tokens, where the parser looks anyway. */
  lineStarts: number[];
  /**
   * The first raw control character of each string that has one (line breaks excepted, which end
   * a string for jsonc-parser): the file is not strict JSON, but its tree is the same.
   */
  controlCharacters: number[];
}

/**
 * The tree of `text` when it is strict JSON nested at most `maxDepth` containers deep, else
 * undefined. (Too deep is left to the jsonc path too, which reports it: that is not the hot path.)
 */
export function parseStrictJson(text: string, maxDepth: number, onDuplicateKey: DuplicateKeyHandler): StrictParse | undefined {
  try {
    const parser = new StrictParser(text, maxDepth, onDuplicateKey);
    return { root: parser.document(), lineStarts: parser.lineStarts, controlCharacters: parser.controlCharacters };
  } catch (error) {
    if (error === NOT_STRICT) return undefined;
    throw error;
  }
}

/** One node literal for every scalar, as in buildTree: one shape (hidden class) for all of them. */
function scalar(type: 'string' | 'number' | 'boolean' | 'null', offset: number, length: number, parent: BuildingNode | undefined, value: unknown): BuildingNode {
  return { type, offset, length, parent, value };
}

/** A raw line break, or NaN (the end of the text): jsonc-parser ends an unterminated string there. */
function endsStringForJsonc(c: number): boolean {
  return Number.isNaN(c) || c === 0x0a || c === 0x0d;
}

/** Value of one hex digit, or -1 (NaN past the end maps to -1 too). */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

class StrictParser {
  private pos = 0;
  readonly lineStarts = [0];
  readonly controlCharacters: number[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly onDuplicateKey: DuplicateKeyHandler,
  ) {}

  document(): Node {
    const root = this.value(undefined, 0);
    this.skipWhitespace();
    if (this.pos !== this.text.length) throw NOT_STRICT;
    delete root.parent; // as buildTree does: the root has no parent field at all
    return root;
  }

  /**
   * Moves past JSON whitespace (space, tab, LF, CR only) and returns the next code, NaN at the end.
   * Notes where lines start on the way: a line starts after LF, after CRLF and after a lone CR.
   */
  private skipWhitespace(): number {
    const text = this.text;
    let pos = this.pos;
    let c = text.charCodeAt(pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(pos + 1) !== 0x0a)) this.lineStarts.push(pos + 1);
      c = text.charCodeAt(++pos);
    }
    this.pos = pos;
    return c;
  }

  /** `depth`: how many containers enclose the value. */
  private value(parent: BuildingNode | undefined, depth: number): BuildingNode {
    const c = this.skipWhitespace();
    const offset = this.pos;
    switch (c) {
      case 0x7b: // {
        return this.object(parent, depth);
      case 0x5b: // [
        return this.array(parent, depth);
      case 0x22: {
        const value = this.string();
        return scalar('string', offset, this.pos - offset, parent, value);
      }
      case 0x74: // t
        return this.keyword('true', true, parent);
      case 0x66: // f
        return this.keyword('false', false, parent);
      case 0x6e: // n
        return this.keyword('null', null, parent);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number(parent);
        throw NOT_STRICT;
    }
  }

  private keyword(word: string, value: boolean | null, parent: BuildingNode | undefined): BuildingNode {
    const offset = this.pos;
    if (!this.text.startsWith(word, offset)) throw NOT_STRICT;
    this.pos += word.length;
    // A letter right after the word ("truex") is caught by the caller, which expects , ] } or the end.
    return scalar(value === null ? 'null' : 'boolean', offset, word.length, parent, value);
  }

  private object(parent: BuildingNode | undefined, depth: number): BuildingNode {
    if (depth >= this.maxDepth) throw NOT_STRICT;
    const offset = this.pos;
    const node: BuildingNode = { type: 'object', offset, length: -1, parent, children: [], index: new Map() };
    const children = node.children as Node[];
    const index = node.index as Map<string, Node>;
    this.pos++;
    let c = this.skipWhitespace();
    if (c !== 0x7d) {
      for (;;) {
        if (c !== 0x22) throw NOT_STRICT;
        const keyOffset = this.pos;
        const name = this.string();
        const keyLength = this.pos - keyOffset;
        // The index holds the last property of a name; the message names the first.
        if (index.has(name)) this.onDuplicateKey(name, keyOffset, keyLength, firstPropertyNamed(children, name) as Node);
        if (this.skipWhitespace() !== 0x3a) throw NOT_STRICT;
        this.pos++;
        // The property node is made last, so that its children array is made with its exact two
        // items (a push would allocate 17 slots); the key and the value get it as parent after.
        // The key has the fields of scalar(), in its order: every string node shares one hidden class.
        const key: BuildingNode = { type: 'string', offset: keyOffset, length: keyLength, parent: node, value: name };
        const value = this.value(node, depth + 1);
        const property: BuildingNode = { type: 'property', offset: keyOffset, length: value.offset + value.length - keyOffset, parent: node, children: [key, value] };
        key.parent = property;
        value.parent = property;
        children.push(property);
        index.set(name, property);
        c = this.skipWhitespace();
        if (c === 0x7d) break;
        if (c !== 0x2c) throw NOT_STRICT;
        this.pos++;
        c = this.skipWhitespace();
      }
    }
    node.length = ++this.pos - offset;
    return node;
  }

  private array(parent: BuildingNode | undefined, depth: number): BuildingNode {
    if (depth >= this.maxDepth) throw NOT_STRICT;
    const offset = this.pos;
    const node: BuildingNode = { type: 'array', offset, length: -1, parent, children: [] };
    const children = node.children as Node[];
    this.pos++;
    if (this.skipWhitespace() !== 0x5d) {
      for (;;) {
        children.push(this.value(node, depth + 1));
        const c = this.skipWhitespace();
        if (c === 0x5d) break;
        if (c !== 0x2c) throw NOT_STRICT;
        this.pos++;
      }
    }
    node.length = ++this.pos - offset;
    return node;
  }

  /** The string whose opening quote is at pos; pos ends after the closing quote. */
  private string(): string {
    const text = this.text;
    const start = this.pos + 1;
    let pos = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) break;
      if (c === 0x5c) return this.escapedString(start, pos, false);
      if (!(c >= 0x20)) return this.stringWithControlCharacter(start, pos);
      pos++;
    }
    this.pos = pos + 1;
    return text.slice(start, pos); // no escapes: the value is the text itself
  }

  /**
   * The rest of a string from a raw control character at `pos`. A line break (or NaN, the end of
   * the text) ends the string for jsonc-parser: give up. Any other is kept in the value, as
   * jsonc-parser does, and only the first of the string is noted: it reports one per string.
   */
  private stringWithControlCharacter(start: number, pos: number): string {
    const c = this.text.charCodeAt(pos);
    if (endsStringForJsonc(c)) throw NOT_STRICT;
    this.controlCharacters.push(pos);
    return this.escapedString(start, pos, true);
  }

  /**
   * The rest of a string from `pos` (its first backslash or control character), unescaped as
   * jsonc-parser's scanner does. `noted`: a control character of this string was noted already.
   */
  private escapedString(start: number, pos: number, noted: boolean): string {
    const text = this.text;
    let result = '';
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) break;
      if (c === 0x5c) {
        result += text.slice(start, pos);
        switch (text.charCodeAt(pos + 1)) {
          case 0x22: result += '"'; break;
          case 0x5c: result += '\\'; break;
          case 0x2f: result += '/'; break;
          case 0x62: result += '\b'; break;
          case 0x66: result += '\f'; break;
          case 0x6e: result += '\n'; break;
          case 0x72: result += '\r'; break;
          case 0x74: result += '\t'; break;
          case 0x75: {
            const a = hexDigit(text.charCodeAt(pos + 2));
            const b = hexDigit(text.charCodeAt(pos + 3));
            const d = hexDigit(text.charCodeAt(pos + 4));
            const e = hexDigit(text.charCodeAt(pos + 5));
            if ((a | b | d | e) < 0) throw NOT_STRICT;
            // One code unit per escape, lone surrogates included: a pair is two escapes in a row.
            result += String.fromCharCode((a << 12) | (b << 8) | (d << 4) | e);
            pos += 4;
            break;
          }
          default:
            throw NOT_STRICT;
        }
        pos += 2;
        start = pos;
        continue;
      }
      if (!(c >= 0x20)) {
        if (endsStringForJsonc(c)) throw NOT_STRICT;
        if (!noted) this.controlCharacters.push(pos);
        noted = true;
      }
      pos++;
    }
    this.pos = pos + 1;
    return result + text.slice(start, pos);
  }

  /** A number at pos: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
  private number(parent: BuildingNode | undefined): BuildingNode {
    const text = this.text;
    const offset = this.pos;
    let pos = offset;
    let c = text.charCodeAt(pos);
    const negative = c === 0x2d;
    if (negative) c = text.charCodeAt(++pos);
    let integer = 0;
    const digits = pos;
    if (c === 0x30) c = text.charCodeAt(++pos);
    else if (c >= 0x31 && c <= 0x39) {
      do {
        integer = integer * 10 + (c - 0x30);
        c = text.charCodeAt(++pos);
      } while (c >= 0x30 && c <= 0x39);
    } else throw NOT_STRICT;
    // Up to 15 digits the integer computed above is exact, and Number(token) would give the same.
    let exact = pos - digits <= 15;
    if (c === 0x2e) {
      c = text.charCodeAt(++pos);
      if (!(c >= 0x30 && c <= 0x39)) throw NOT_STRICT;
      do c = text.charCodeAt(++pos);
      while (c >= 0x30 && c <= 0x39);
      exact = false;
    }
    if (c === 0x65 || c === 0x45) {
      c = text.charCodeAt(++pos);
      if (c === 0x2b || c === 0x2d) c = text.charCodeAt(++pos);
      if (!(c >= 0x30 && c <= 0x39)) throw NOT_STRICT;
      do c = text.charCodeAt(++pos);
      while (c >= 0x30 && c <= 0x39);
      exact = false;
    }
    this.pos = pos;
    // jsonc-parser's value is Number(token): -0 stays -0, 1e400 is Infinity.
    const value = exact ? (negative ? -integer : integer) : Number(text.slice(offset, pos));
    return scalar('number', offset, pos - offset, parent, value);
  }
}
