// Reports are formatted as a stream of chunks and written in batches as they come: on a large
// repository the JSON report and SARIF run to tens of megabytes, and holding one as a single string
// (twice, once escaped) was the run's memory peak.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Characters handed to a sink at a time, and bytes of the file writer's buffer. */
const BATCH_CHARS = 1 << 20;

/** Joins chunks into batches of about a megabyte and hands each to `sink`, in order. */
export function pipeChunks(chunks: Iterable<string>, sink: (text: string) => void): void {
  let batch: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) {
      sink(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (size > 0) sink(batch.join(''));
}

/** The chunks as one string (tests and small outputs). */
export function joinChunks(chunks: Iterable<string>): string {
  return [...chunks].join('');
}

/**
 * Writes the chunks to a file (created with its folders, or truncated). Chunks are encoded straight
 * into one reused buffer, which is written out whenever the next chunk might not fit.
 */
export function writeChunks(file: string, chunks: Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  const buffer = Buffer.allocUnsafe(BATCH_CHARS);
  let used = 0;
  const writeAll = (bytes: Buffer, length: number): void => {
    // writeSync may write less than asked: loop until it is all out.
    for (let written = 0; written < length; ) written += writeSync(fd, bytes, written, length - written);
  };
  try {
    for (const chunk of chunks) {
      // A UTF-16 unit never takes more than 3 bytes of UTF-8.
      if (used + chunk.length * 3 > buffer.length) {
        writeAll(buffer, used);
        used = 0;
      }
      if (chunk.length * 3 > buffer.length) {
        const bytes = Buffer.from(chunk, 'utf8');
        writeAll(bytes, bytes.length);
      } else used += buffer.write(chunk, used, 'utf8');
    }
    writeAll(buffer, used);
  } finally {
    closeSync(fd);
  }
}
