// A JSON file parsed with exact positions. jsonc-parser keeps going after errors, so rules still
// run on whatever parsed, while every strictness violation is kept with its offset.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Deeper nesting than this is refused before parsing: jsonc-parser recurses per level. */
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

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] as number) + 1 };
  }
}

export interface JsonDocument {
  text: string;
  /** The recovered tree; undefined when nothing parsed (empty, too deep, not JSON at all). */
  root: Node | undefined;
  /** Strict-JSON violations: syntax errors, comments, trailing commas, duplicate keys, depth. */
  problems: JsonProblem[];
  lines: LineMap;
}

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
  InvalidCharacter: 'control character inside a string (escape it, e.g. \\n or \\t)',
};

function describe(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return MESSAGES[code] ?? code;
}

/** Offset where nesting first exceeds `limit`, or -1. A flat scan: no recursion. */
export function findExcessiveNesting(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return -1;
}

function findDuplicateKeys(root: Node, lines: LineMap, problems: JsonProblem[]): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.type === 'object' && node.children) {
      const seen = new Map<string, number>();
      for (const property of node.children) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = String(key.value);
        const firstOffset = seen.get(name);
        if (firstOffset !== undefined) {
          const first = lines.position(firstOffset);
          problems.push({
            offset: key.offset,
            length: key.length,
            message: `duplicate key "${name}" (first defined at line ${first.line}, column ${first.column}); parsers keep only one of them`,
          });
        } else seen.set(name, key.offset);
      }
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
  }
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

export function parseJsonDocument(text: string): JsonDocument {
  const lines = new LineMap(text);
  const problems: JsonProblem[] = [];
  const tooDeep = findExcessiveNesting(text, MAX_JSON_DEPTH);
  if (tooDeep >= 0) {
    problems.push({ offset: tooDeep, length: 1, message: `nesting deeper than ${MAX_JSON_DEPTH} levels; the file was not parsed` });
    return { text, root: undefined, problems, lines };
  }
  if (text.trim() === '') {
    problems.push({ offset: 0, length: 0, message: 'the file is empty; a JSON object is expected' });
    return { text, root: undefined, problems, lines };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  // One mistake often yields two parser errors at the same offset (trailing comma): keep the first.
  let lastOffset = -1;
  for (const error of errors) {
    if (error.offset === lastOffset) continue;
    lastOffset = error.offset;
    problems.push({ ...narrowToCharacter(text, error), message: describe(error) });
  }
  if (root) findDuplicateKeys(root, lines, problems);
  problems.sort((a, b) => a.offset - b.offset);
  return { text, root, problems, lines };
}
