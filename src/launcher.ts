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
 * Young generation of the worker's heap. Measured on the shared corpus (npm run bench): the peak
 * RSS falls from about 450 MiB (V8's default) to under 200 MiB, at the same wall time.
 */
export const YOUNG_GENERATION_MB = 8;

/** What the worker learns from the launcher (a worker's own stdout is never a TTY). */
export interface LauncherData {
  stdoutIsTTY: boolean;
}

/**
 * Runs `entry` (a path relative to the launcher's bundle) in a worker with the process's arguments;
 * the process exits with the worker's exit code. When the worker dies without handling it (out of memory, an uncaught error), `fail` gets a
 * one-line message that blames the tool, and the exit code is `failureCode`.
 */
export function runInWorker(entry: string, fail: (message: string) => void, failureCode: number): void {
  const workerData: LauncherData = { stdoutIsTTY: Boolean(process.stdout.isTTY) };
  // A path, not `new URL(…, import.meta.url)`, which the bundler would take for an asset to copy.
  const worker = new Worker(path.join(path.dirname(fileURLToPath(import.meta.url)), entry), {
    argv: process.argv.slice(2),
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  let failed = false;
  worker.on('error', (error: Error & { code?: string }) => {
    failed = true;
    const detail = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : error.message;
    fail(inertForRunner(toolFailureMessage(detail.replace(/\s+/g, ' ').slice(0, 1000))));
  });
  worker.on('exit', (code) => {
    process.exitCode = failed ? failureCode : code;
  });
}
