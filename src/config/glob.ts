// A small glob matcher for the config file: connector folders and files, relative to the root,
// with `/` separators. Not `path.matchesGlob`: on Node 20 it is experimental and prints an
// ExperimentalWarning on stderr, and its semantics may still change.
//
//   *       any characters except `/` (names starting with `.` included)
//   **      as a whole segment: zero or more segments (`a/**` matches `a`, `a/b`, `a/b/c`)
//   ?       one character except `/`
//   [abc]   one of the characters; `[a-z]` a range; `[!a]` or `[^a]` any but them (never `/`)
//   {a,b}   one of the alternatives (each may hold the wildcards above, not `/`)
//   \x      the character x itself (so `\*`, `\[`, `\{` are literal)
//
// Matching is case-sensitive and anchored (the whole path must match). A leading `./` and a
// trailing `/` in the pattern are ignored.

export interface Glob {
  /** The pattern as written. */
  pattern: string;
  /** The path it stands for, when it has no wildcard (for fast lookups); otherwise undefined. */
  literal?: string;
  test(path: string): boolean;
}

const REGEX_SPECIALS = /[\\^$.*+?()[\]{}|/-]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIALS, '\\$&');
}

/** Translates one segment (no `/`); `literal` is cleared when it holds a wildcard. */
function segmentSource(segment: string, state: { literal: boolean }): string {
  let out = '';
  let i = 0;
  while (i < segment.length) {
    const c = segment[i] as string;
    if (c === '\\' && i + 1 < segment.length) {
      out += escapeRegex(segment[i + 1] as string);
      i += 2;
    } else if (c === '*') {
      while (segment[i] === '*') i++;
      out += '[^/]*';
      state.literal = false;
    } else if (c === '?') {
      out += '[^/]';
      state.literal = false;
      i++;
    } else if (c === '[') {
      const end = classEnd(segment, i);
      if (end === -1) {
        out += '\\[';
        i++;
        continue;
      }
      let body = segment.slice(i + 1, end);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      const chars = body.replace(/\\(.)/g, '$1').replace(/[\\\]^]/g, '\\$&');
      out += negate ? `[^/${chars}]` : `(?!/)[${chars}]`;
      state.literal = false;
      i = end + 1;
    } else if (c === '{') {
      const end = braceEnd(segment, i);
      if (end === -1) {
        out += '\\{';
        i++;
        continue;
      }
      const alternatives = splitAlternatives(segment.slice(i + 1, end));
      out += `(?:${alternatives.map((alternative) => segmentSource(alternative, state)).join('|')})`;
      state.literal = false;
      i = end + 1;
    } else {
      out += escapeRegex(c);
      i++;
    }
  }
  return out;
}

/** Index of the `]` closing the class opened at `start`, or -1. A `]` right after `[` or `[!` is a member. */
function classEnd(segment: string, start: number): number {
  let i = start + 1;
  if (segment[i] === '!' || segment[i] === '^') i++;
  if (segment[i] === ']') i++;
  for (; i < segment.length; i++) {
    if (segment[i] === '\\') i++;
    else if (segment[i] === ']') return i;
  }
  return -1;
}

/** Index of the `}` closing the brace opened at `start` (nesting allowed), or -1. */
function braceEnd(segment: string, start: number): number {
  let depth = 0;
  for (let i = start; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits a brace body on its top-level commas. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/** Removes the backslash escapes of a pattern without wildcards. */
function unescape(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1');
}

/** Escapes a path so that, used as a pattern, it matches exactly itself. */
export function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}]/g, '\\$&');
}

export function normalizePattern(pattern: string): string {
  let text = pattern.trim().replace(/\/{2,}/g, '/');
  while (text.startsWith('./')) text = text.slice(2);
  if (text.length > 1 && text.endsWith('/') && !text.endsWith('\\/')) text = text.slice(0, -1);
  return text;
}

export function compileGlob(pattern: string): Glob {
  const normalized = normalizePattern(pattern);
  // Fast path: a plain path (what baselines write, thousands of times) needs no regex.
  if (!/[*?[\]{}\\]/.test(normalized)) return { pattern, literal: normalized, test: (path) => path === normalized };
  // Consecutive `**` segments mean the same as one.
  const segments = normalized.split('/').filter((segment, index, all) => !(segment === '**' && all[index - 1] === '**'));
  const state = { literal: true };
  let source = '';
  let joinNext = false;
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      state.literal = false;
      if (segments.length === 1) source += '.*';
      else if (last) source += '(?:/.*)?';
      else if (index === 0) source += '(?:.*/)?';
      else source += '/(?:.*/)?';
      joinNext = !last;
      return;
    }
    if (index > 0 && !joinNext) source += '/';
    joinNext = false;
    source += segmentSource(segment, state);
  });
  const regex = new RegExp(`^${source}$`, 's');
  const literal = state.literal ? unescape(normalized) : undefined;
  return {
    pattern,
    ...(literal === undefined ? {} : { literal }),
    test: literal === undefined ? (path) => regex.test(path) : (path) => path === literal,
  };
}
