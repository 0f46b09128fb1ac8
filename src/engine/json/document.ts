// A JSON file parsed with exact positions. jsonc-parser keeps going after errors, so rules still
// run on whatever parsed, while every strictness violation is kept with its offset. Strict JSON
// (nearly every file) takes a faster path first, strict-parser.ts, which builds the same tree.
import { printParseErrorCode, visit, type Node, type NodeType, type ParseError } from 'jsonc-parser';
import { firstPropertyNamed, type IndexedNode } from './tree.js';
import { parseStrictJson } from './strict-parser.js';

/** Deeper nesting than this is refused while parsing: jsonc-parser recurses per level. */
export const MAX_JSON_DEPTH = 512;

export interface JsonProblem {
  offset: number;
  length: number;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Offsets where lines start: after LF, after CRLF, and after a CR on its own. */
function lineStarts(text: string): number[] {
  const starts = [0];
  // Most files have no CR at all: then indexOf finds the line breaks much faster than a loop.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export class LineMap {
  /**
   * `starts`: the line starts, when the caller found them already (the strict parser does, while
   * skipping whitespace); otherwise they are found on the first question, and files nobody asks
   * about are never scanned.
   */
  constructor(
    private readonly text: string,
    private starts?: number[],
  ) {}

  /** The line (0-based) of the last answer: a finding's end, and the next finding, are often on it. */
  private lastLine = 0;

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.text));
    const last = this.lastLine;
    if ((starts[last] as number) <= offset && (last + 1 === starts.length || offset < (starts[last + 1] as number))) {
      return { line: last + 1, column: offset - (starts[last] as number) + 1 };
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    this.lastLine = low;
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }
}

export interface JsonDocument {
  text: string;
  /** The recovered tree; undefined when nothing parsed (empty, too deep, not JSON at all). */
  root: Node | undefined;
  /** Strict-JSON violations: syntax errors, comments, trailing commas, duplicate keys, depth. */
  problems: JsonProblem[];
  lines: LineMap;
  /**
   * The tree is the whole value, as JSON.parse would read it: no duplicate keys and nothing
   * recovered. Raw control characters inside strings (a problem, but one that changes no token)
   * still leave a plain tree.
   */
  plainTree: boolean;
}

const CONTROL_CHARACTER = 'control character inside a string (escape it, e.g. \\n or \\t)';

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected (a trailing comma?)',
  ValueExpected: 'value expected (a trailing comma or a missing value?)',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'unexpected content after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string (a raw line break inside a string?)',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: CONTROL_CHARACTER,
};

function describe(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return MESSAGES[code] ?? code;
}

/**
 * jsonc-parser reports a bad character inside a string on the whole string token: point at the
 * first control character (tab, NUL…) of the token instead, where strict parsers break.
 */
function narrowToCharacter(text: string, error: ParseError): { offset: number; length: number } {
  if (printParseErrorCode(error.error) === 'InvalidCharacter') {
    for (let i = error.offset; i < error.offset + error.length; i++) {
      if (text.charCodeAt(i) < 0x20) return { offset: i, length: 1 };
    }
  }
  return { offset: error.offset, length: error.length };
}

/** Thrown from inside the parser to stop at the first level deeper than MAX_JSON_DEPTH. */
class TooDeep {
  constructor(readonly offset: number) {}
}

/** A node while it is built (the tree's types are read-only); strict-parser.ts builds them too. */
export type BuildingNode = { -readonly [K in keyof IndexedNode]: IndexedNode[K] };

/** The problem for a key already defined in the same object (`first`: that property node). */
function duplicateKey(lines: LineMap, name: string, offset: number, length: number, first: Node): JsonProblem {
  const at = lines.position(first.offset);
  return {
    offset,
    length,
    message: `duplicate key "${name.length > 120 ? `${name.slice(0, 119)}…` : name}" (first defined at line ${at.line}, column ${at.column}); parsers keep only one of them`,
  };
}

/**
 * jsonc-parser's parseTree, plus what we need in the same pass: duplicate keys (with the first
 * key's position), each object's property index for `prop()`, and a depth limit that stops the
 * recursive parser long before the stack could overflow.
 */
function buildTree(text: string, lines: LineMap, errors: ParseError[], problems: JsonProblem[]): Node | undefined {
  const top: BuildingNode = { type: 'array', offset: -1, length: -1, children: [] };
  let parent: BuildingNode = top;
  let depth = 0;

  const add = (node: BuildingNode): BuildingNode => {
    (parent.children as Node[]).push(node);
    return node;
  };
  const completeProperty = (end: number): void => {
    if (parent.type !== 'property') return;
    parent.length = end - parent.offset;
    parent = parent.parent as BuildingNode;
  };
  const open = (type: NodeType, offset: number): void => {
    if (++depth > MAX_JSON_DEPTH) throw new TooDeep(offset);
    // Objects get their property index here: duplicate keys are found with it, and prop() reads it.
    parent = add(type === 'object' ? { type, offset, length: -1, parent, children: [], index: new Map() } : { type, offset, length: -1, parent, children: [] });
  };
  const close = (offset: number, length: number): void => {
    depth--;
    parent.length = offset + length - parent.offset;
    parent = parent.parent as BuildingNode;
    completeProperty(offset + length);
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => open('object', offset),
      onObjectProperty: (name, offset, length) => {
        completeProperty(offset); // after a recovered error the previous property may still be open
        const property = add({ type: 'property', offset, length: -1, parent, children: [] });
        (property.children as Node[]).push({ type: 'string', offset, length, parent: property, value: name });
        const index = parent.index as Map<string, Node>;
        if (index.has(name)) problems.push(duplicateKey(lines, name, offset, length, firstPropertyNamed(parent.children as Node[], name) as Node));
        index.set(name, property);
        parent = property;
      },
      onObjectEnd: (offset, length) => {
        completeProperty(offset + length); // a property left without a value
        close(offset, length);
      },
      onArrayBegin: (offset) => open('array', offset),
      onArrayEnd: close,
      onLiteralValue: (value, offset, length) => {
        const type: NodeType = value === null ? 'null' : (typeof value as NodeType);
        add({ type, offset, length, parent, value });
        completeProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        // No colonOffset on properties (jsonc-parser's trees have one): no rule reads it, and adding
        // it after the node is made costs every property node an extra backing store.
        if (parent.type === 'property' && separator === ',') completeProperty(offset);
      },
      onError: (error, offset, length) => errors.push({ error, offset, length }),
    },
    { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false },
  );
  const root = top.children?.[0] as BuildingNode | undefined;
  if (root) delete root.parent;
  return root;
}

/** `strictFastPath` false parses with jsonc-parser alone: tests compare the two paths with it. */
export function parseJsonDocument(text: string, strictFastPath = true): JsonDocument {
  if (text.trim() === '') {
    const problems = [{ offset: 0, length: 0, message: 'the file is empty; a JSON object is expected' }];
    return { text, root: undefined, problems, lines: new LineMap(text), plainTree: false };
  }
  if (strictFastPath) {
    // Strict JSON (nearly every file) takes the fast path, which finds duplicate keys and line starts too.
    const duplicates: { name: string; offset: number; length: number; first: Node }[] = [];
    const strict = parseStrictJson(text, MAX_JSON_DEPTH, (name, offset, length, first) => duplicates.push({ name, offset, length, first }));
    if (strict) {
      const lines = new LineMap(text, strict.lineStarts);
      const problems = duplicates.map(({ name, offset, length, first }) => duplicateKey(lines, name, offset, length, first));
      if (strict.controlCharacters.length > 0) {
        for (const offset of strict.controlCharacters) problems.push({ offset, length: 1, message: CONTROL_CHARACTER });
        problems.sort((a, b) => a.offset - b.offset);
      }
      return { text, root: strict.root, problems, lines, plainTree: duplicates.length === 0 };
    }
    // Not strict: jsonc-parser reports everything again, duplicates included.
  }
  const lines = new LineMap(text);
  const problems: JsonProblem[] = [];
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = buildTree(text, lines, errors, problems);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    problems.length = 0;
    problems.push({ offset: error.offset, length: 1, message: `nesting deeper than ${MAX_JSON_DEPTH} levels; the file was not parsed` });
    return { text, root: undefined, problems, lines, plainTree: false };
  }
  // Duplicate keys are all buildTree reports itself; raw control characters change no token.
  const plainTree = problems.length === 0 && errors.every((error) => printParseErrorCode(error.error) === 'InvalidCharacter');
  // One mistake often yields two parser errors at the same offset (trailing comma): keep the first.
  let lastOffset = -1;
  for (const error of errors) {
    if (error.offset === lastOffset) continue;
    lastOffset = error.offset;
    problems.push({ ...narrowToCharacter(text, error), message: describe(error) });
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { text, root, problems, lines, plainTree: root !== undefined && plainTree };
}
