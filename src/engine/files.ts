// Reading package files defensively: the input comes from strangers' pull requests. Nothing is
// opened unless it is a regular file inside the workspace, and nothing huge is read.
import { closeSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonDocument, LineMap, type JsonDocument } from './json/document.js';

/** Files above this are not read at all (the platform limit for a swagger is 1 MB). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface ReadProblem {
  message: string;
  /** Offset in the decoded text, when the problem has a position (invalid UTF-8). */
  offset?: number;
}

interface SourceBase {
  /** Relative to the root, `/` separators: what annotations and reports show. */
  path: string;
  absPath: string;
  /** Why the file could not be read (fully). */
  readProblem?: ReadProblem;
}

export interface JsonFile extends SourceBase {
  kind: 'json';
  doc: JsonDocument;
}

export interface TextFile extends SourceBase {
  kind: 'text';
  text: string;
  lines: LineMap;
}

export interface BinaryFile extends SourceBase {
  kind: 'binary';
  bytes: Buffer;
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function displayPath(root: string, absPath: string): string {
  const relative = path.relative(root, absPath);
  return isInside(root, absPath) ? relative.split(path.sep).join('/') || '.' : absPath.split(path.sep).join('/');
}

type RawRead = { bytes: Buffer; problem?: undefined } | { bytes?: undefined; problem: ReadProblem };

/**
 * Reads a file only when it is (or links to) a regular file inside `root` and not too large.
 * `headBytes`: read at most that many bytes from its start (`bytes.length < size` tells it was cut).
 */
export function readBytesSafely(root: string, absPath: string, headBytes = Infinity): RawRead & { size?: number } {
  try {
    const link = lstatSync(absPath);
    if (link.isSymbolicLink()) {
      const target = realpathSync(absPath);
      if (!isInside(root, target)) return { problem: { message: 'is a symbolic link to a file outside the workspace; not followed' } };
    }
    const stats = link.isSymbolicLink() ? statSync(absPath) : link;
    if (!stats.isFile()) return { problem: { message: 'is not a regular file (a FIFO, device or folder); not opened' } };
    if (stats.size > MAX_FILE_BYTES) {
      return { problem: { message: `is ${(stats.size / 1048576).toFixed(1)} MiB; files above ${MAX_FILE_BYTES / 1048576} MiB are not read` } };
    }
    return { bytes: stats.size > headBytes ? readHead(absPath, headBytes) : readFileSync(absPath), size: stats.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { problem: { message: 'cannot be read: permission denied' } };
    if (code === 'ENOENT') return { problem: { message: 'is a broken symbolic link' } };
    if (code === 'ELOOP') return { problem: { message: 'is a symbolic link loop' } };
    return { problem: { message: `cannot be read (${code ?? 'unknown error'})` } };
  }
}

function readHead(absPath: string, count: number): Buffer {
  const buffer = Buffer.allocUnsafe(count);
  const fd = openSync(absPath, 'r');
  try {
    let read = 0;
    while (read < count) {
      const got = readSync(fd, buffer, read, count - read, read);
      if (got === 0) break; // the file shrank since it was measured
      read += got;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

/**
 * Index of the first byte that starts an invalid UTF-8 sequence (overlong forms, surrogates and
 * code points above U+10FFFF included, as the WHATWG decoder rejects them), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let trail: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trail = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      trail = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      trail = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + trail >= bytes.length) return i;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k <= trail; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += trail + 1;
  }
  return -1;
}

/** Decodes UTF-8 text (a UTF-8 BOM is dropped, as paconn's utf-8-sig does). */
export function decodeText(bytes: Buffer): { text: string; problem?: ReadProblem } {
  // UTF-32 first: its little-endian BOM starts with UTF-16's.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    return { text: '', problem: { message: 'is UTF-32 encoded; save it as UTF-8' } };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: '', problem: { message: 'is UTF-16 encoded; save it as UTF-8' } };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { text: '', problem: { message: 'is a binary file (it contains NUL bytes), not text' } };
  }
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const text = lossyUtf8.decode(bytes);
    // The position of the first bad byte, in UTF-16 units of the decoded text: the valid prefix
    // decodes to exactly that many units. (Searching the text for U+FFFD would find a legitimate
    // U+FFFD that the file holds earlier.)
    const bad = firstInvalidUtf8(bytes);
    const offset = bad < 0 ? 0 : lossyUtf8.decode(bytes.subarray(0, bad)).length;
    return { text, problem: { message: 'contains bytes that are not valid UTF-8', offset } };
  }
}

export function readJsonFile(root: string, absPath: string): JsonFile {
  const base = { kind: 'json' as const, path: displayPath(root, absPath), absPath };
  const raw = readBytesSafely(root, absPath);
  if (!raw.bytes) return { ...base, doc: unreadDocument(), readProblem: raw.problem };
  const { text, problem } = decodeText(raw.bytes);
  if (problem && text === '') return { ...base, doc: unreadDocument(), readProblem: problem };
  return { ...base, doc: parseJsonDocument(text), readProblem: problem };
}

/** A file that was not read has no tree and no JSON problems: its read problem says it all. */
function unreadDocument(): JsonDocument {
  return { text: '', root: undefined, problems: [], lines: new LineMap(''), plainTree: false };
}

export function readTextFile(root: string, absPath: string): TextFile {
  const base = { kind: 'text' as const, path: displayPath(root, absPath), absPath };
  const raw = readBytesSafely(root, absPath);
  if (!raw.bytes) return { ...base, text: '', lines: new LineMap(''), readProblem: raw.problem };
  const { text, problem } = decodeText(raw.bytes);
  return { ...base, text, lines: new LineMap(text), readProblem: problem };
}

export function readBinaryFile(root: string, absPath: string): BinaryFile {
  const base = { kind: 'binary' as const, path: displayPath(root, absPath), absPath };
  const raw = readBytesSafely(root, absPath);
  return raw.bytes ? { ...base, bytes: raw.bytes } : { ...base, bytes: Buffer.alloc(0), readProblem: raw.problem };
}
