// Reports are formatted as a stream of chunks and written in batches as they come: on a large
// repository the JSON report and SARIF run to tens of megabytes, and holding one as a single string
// (twice, once escaped) was the run's memory peak.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Characters handed to the sink at a time. */
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

/** Writes the chunks to a file (created with its folders, or truncated), batch by batch. */
export function writeChunks(file: string, chunks: Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  try {
    pipeChunks(chunks, (text) => {
      const bytes = Buffer.from(text, 'utf8');
      // writeSync may write less than asked: loop until the batch is out.
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    });
  } finally {
    closeSync(fd);
  }
}
