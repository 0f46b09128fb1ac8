// Both entry points (dist/index.js for the Action, dist/cli/index.js for the CLI) are small
// launchers that run the real bundle in a worker thread. The reason is memory: V8 sizes a
// process's young generation by allocation rate (up to 128 MiB on Node 24), and the gate
// allocates fast and briefly (a parse tree per file). A worker's heap can be given a small young
// generation at start, which the main thread's cannot (V8 reads those flags once, at start-up).
// The launcher imports nothing heavy, so the bundle is loaded and compiled only once, in the worker.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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
}

/**
 * Runs `entry` (a path relative to the launcher's bundle) in a worker with the process's arguments;
 * the process exits with the worker's exit code. A run that needs more than the bounded old generation
 * (a hostile 30 MB file can) runs again without that limit, so a small heap never makes a run fail.
 * When the worker dies without handling it (out of memory even then, an uncaught error), `fail`
 * gets a one-line message that blames the tool, and the exit code is `failureCode`.
 */
export function runInWorker(entry: string, fail: (message: string) => void, failureCode: number, bounded = true): void {
  const workerData: LauncherData = { stdoutIsTTY: Boolean(process.stdout.isTTY) };
  // A path, not `new URL(…, import.meta.url)`, which the bundler would take for an asset to copy.
  const worker = new Worker(path.join(path.dirname(fileURLToPath(import.meta.url)), entry), {
    argv: process.argv.slice(2),
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(bounded ? { maxOldGenerationSizeMb: OLD_GENERATION_MB } : {}) },
  });
  let failed = false;
  let retry = false;
  worker.on('error', (error: Error & { code?: string }) => {
    if (bounded && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      retry = true;
      return;
    }
    failed = true;
    const detail = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : error.message;
    fail(inertForRunner(toolFailureMessage(detail.replace(/\s+/g, ' ').slice(0, 1000))));
  });
  worker.on('exit', (code) => {
    if (retry) runInWorker(entry, fail, failureCode, false);
    else process.exitCode = failed ? failureCode : code;
  });
}
