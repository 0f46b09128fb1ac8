// GitHub suggestion blocks: the commented lines as they read once a finding's fix is applied.
import { decodeText, readBytesSafely } from '../engine/files.js';
import type { Finding } from '../engine/types.js';
import path from 'node:path';

/** Longest span of lines a suggestion replaces. */
const MAX_SUGGESTION_LINES = 20;

export interface Suggestion {
  /** Lines the suggestion replaces (the review comment's range), 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The replacement lines (no line terminators). */
  lines: string[];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The engine's LineMap: \n, \r\n and a lone \r end a line.
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function lineOfOffset(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Reads the files suggestions are computed from, once each, with the engine's safety checks. */
export class SourceTexts {
  private readonly cache = new Map<string, { text: string; starts: number[] } | undefined>();

  constructor(private readonly root: string) {}

  get(file: string): { text: string; starts: number[] } | undefined {
    if (this.cache.has(file)) return this.cache.get(file);
    let entry: { text: string; starts: number[] } | undefined;
    if (!path.isAbsolute(file) && !file.split('/').includes('..')) {
      const raw = readBytesSafely(this.root, path.join(this.root, file));
      if (raw.bytes) {
        const { text, problem } = decodeText(raw.bytes);
        if (!problem) entry = { text, starts: lineStarts(text) };
      }
    }
    this.cache.set(file, entry);
    return entry;
  }
}

/**
 * The suggestion for a finding whose fix replaces text within one line: the range covers the
 * finding's lines and the fix's line; undefined when there is no such fix or the file changed.
 */
export function suggestionFor(finding: Finding, sources: SourceTexts): Suggestion | undefined {
  const fix = finding.fix;
  if (!fix) return undefined;
  const source = sources.get(finding.file);
  if (!source) return undefined;
  const { text, starts } = source;
  if (fix.offset < 0 || fix.length < 0 || fix.offset + fix.length > text.length) return undefined;
  const fixLine = lineOfOffset(starts, fix.offset);
  const lineEnd = (line: number) => {
    const next = starts[line];
    if (next === undefined) return text.length;
    // Back over the terminator: \r\n, \n or \r.
    return text.charCodeAt(next - 2) === 13 && text.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
  };
  // Within one line: the replaced range must not cross a line terminator.
  if (fix.offset + fix.length > lineEnd(fixLine)) return undefined;
  const startLine = Math.min(finding.line, fixLine);
  const endLine = Math.max(finding.endLine, fixLine);
  if (endLine - startLine + 1 > MAX_SUGGESTION_LINES || endLine > starts.length) return undefined;
  const from = starts[startLine - 1] as number;
  const to = lineEnd(endLine);
  const fixed = text.slice(from, fix.offset) + fix.text + text.slice(fix.offset + fix.length, to);
  return { startLine, endLine, lines: fixed.split(/\r\n|\n|\r/) };
}

/** A ```suggestion block whose fence is longer than any backtick run in the lines. */
export function suggestionBlock(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}suggestion\n${lines.join('\n')}\n${fence}`;
}
