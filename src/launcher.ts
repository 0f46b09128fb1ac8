// Both entry points (dist/index.js for the Action, dist/cli/index.js for the CLI) are small
// launchers that run the real bundle in a worker thread. The reason is memory: V8 sizes a
// process's young generation by allocation rate (up to 128 MiB on Node 24), and the gate
// allocates fast and briefly (a parse tree per file). A worker's heap can be given a small young
// generation at start, which the main thread's cannot (V8 reads those flags once, at start-up).
// The launcher imports nothing heavy, so the bundle is loaded and compiled only once, in the worker.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, workerData } from 'node:worker_threads';
import { inertForRunner } from './report/text.js';
import { toolFailureMessage } from './tool-failure.js';

/**
 * The worker's heap. V8 lets the old generation grow to a multiple of what survived the last full
 * collection, and the multiple depends on the heap's maximum: up to 4 for a large maximum, less for
 * a small one. Measured on the shared corpus (npm run bench, Node 24): V8's defaults peak at about
 * 450 MiB RSS; an 8 MiB young generation at 200–290 MiB; with a 1 GiB old generation as well at
 * 150–265 MiB. A 16 MiB young and 512 MiB old generation is as fast (three rounds of alternating
 * runs: 1.60–1.65 s against 1.64–1.65 s) and keeps the worst run lower (180–193 MiB against 204–264).
 */
export const YOUNG_GENERATION_MB = 16;
export const OLD_GENERATION_MB = 512;

/** What the worker learns from the launcher (a worker's own stdout is never a TTY). */
export interface LauncherData {
  stdoutIsTTY: boolean;
  /**
   * Element 0 is set to 1 by the worker (`commitOutput`) once the gate has run, before it writes a
   * file or calls an API. Until then the launcher holds back what the worker prints, so that a run
   * that outgrows the bounded heap can start again without repeating anything; after it, a run is
   * never started again.
   */
  committed: Int32Array;
}

/** Called in the worker once the gate has run, before any file, report or API call (see LauncherData). */
export function commitOutput(): void {
  const data = workerData as LauncherData | null;
  if (data?.committed) Atomics.store(data.committed, 0, 1);
}

type Stream = NodeJS.WriteStream;

/** The worker's output, in order, held back until it commits; passed straight through after. */
class HeldOutput {
  private held: [Stream, Buffer][] = [];

  constructor(private readonly committed: () => boolean) {}

  write(stream: Stream, chunk: Buffer): void {
    if (!this.committed()) {
      this.held.push([stream, chunk]);
      return;
    }
    this.flush();
    stream.write(chunk);
  }

  flush(): void {
    for (const [stream, chunk] of this.held) stream.write(chunk);
    this.held = [];
  }
}

/**
 * Runs `entry` (a path relative to the launcher's bundle) in a worker with the process's arguments;
 * the process exits with the worker's exit code. A run that needs more than the bounded old generation
 * (a hostile 30 MB file can) runs again without that limit, so a small heap never makes a run fail;
 * what the first run printed is dropped, and a run that had committed (see LauncherData) is not
 * started again. When the worker dies without handling it (out of memory even then, an uncaught
 * error), `fail` gets a one-line message that blames the tool, after what the worker printed, and
 * the exit code is `failureCode`.
 */
export function runInWorker(entry: string, fail: (message: string) => void, failureCode: number, bounded = true): void {
  const committed = new Int32Array(new SharedArrayBuffer(4));
  // The unbounded run is never started again: nothing to hold back.
  if (!bounded) Atomics.store(committed, 0, 1);
  const workerData: LauncherData = { stdoutIsTTY: Boolean(process.stdout.isTTY), committed };
  // A path, not `new URL(…, import.meta.url)`, which the bundler would take for an asset to copy.
  const worker = new Worker(path.join(path.dirname(fileURLToPath(import.meta.url)), entry), {
    argv: process.argv.slice(2),
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(bounded ? { maxOldGenerationSizeMb: OLD_GENERATION_MB } : {}) },
    stdout: true,
    stderr: true,
  });
  const output = new HeldOutput(() => Atomics.load(committed, 0) === 1);
  worker.stdout.on('data', (chunk: Buffer) => output.write(process.stdout, chunk));
  worker.stderr.on('data', (chunk: Buffer) => output.write(process.stderr, chunk));
  let failure: string | undefined;
  let retry = false;
  worker.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && Atomics.load(committed, 0) === 0) {
      retry = true;
      return;
    }
    const detail = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : error.message;
    failure = inertForRunner(toolFailureMessage(detail.replace(/\s+/g, ' ').slice(0, 1000)));
  });
  worker.on('exit', (code) => {
    if (retry) return runInWorker(entry, fail, failureCode, false);
    output.flush();
    if (failure !== undefined) fail(failure);
    process.exitCode = failure !== undefined ? failureCode : code;
  });
}
