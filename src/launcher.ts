// Both entry points (dist/index.js for the Action, dist/cli/index.js for the CLI) are small
// launchers that run the real bundle in a worker thread. The reason is memory: V8 sizes a
// process's young generation by allocation rate (up to 128 MiB on Node 24), and the gate
// allocates fast and briefly (a parse tree per file). A worker's heap can be given a small young
// generation at start, which the main thread's cannot (V8 reads those flags once, at start-up).
// The launcher imports nothing heavy, so the bundle is loaded and compiled only once, in the worker.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
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

/**
 * The worker's young generation at its full size from the start: half of it is the semi-space objects
 * are allocated in (8 MiB of 16, as V8 reports it). V8 starts one at 1 MiB and doubles it as objects
 * survive, so loading the bundle and the first connectors took a scavenge every few megabytes. Set
 * before the worker starts (a heap's sizes are read when it is made); on Node 24 that costs start-up
 * nothing, unlike the flags in WORKER_GC_FLAGS (measured on the trivial connector). Alternating runs: the
 * corpus 30–65 ms faster (three rounds of 12–16), Encodian ~20 ms, the same RSS.
 */
export const YOUNG_SEMI_SPACE_FLAG = `--min-semi-space-size=${YOUNG_GENERATION_MB / 2}`;

/** Node 20's worker start-up is ~40 ms slower with that flag (measured); Node 24's, which the Action runs on, is not. */
export const youngAtFullSize = (nodeVersion: string): boolean => Number(nodeVersion.split('.')[0]) >= 24;

/**
 * How the worker's full collections run. By default V8 marks the old generation concurrently, while
 * the gate goes on; everything allocated meanwhile (the tree of the file being checked) counts as
 * live for that collection, and V8 sets the next limit from that count. In some runs this snowballs
 * (measured with --trace-gc: 47 → 40, 77 → 68, 122 → 110 MB "live" in a row, where a collection
 * between connectors finds 12 MB), and those runs peaked at 210–260 MiB RSS. Atomic collections
 * count only what is live, and a growing factor of 2 (V8's own is 1.1–1.4 for this heap) keeps
 * them few: 6 a corpus run, ~20 ms each (9 with V8's factor, 45–85 ms slower). Alternating runs on the
 * corpus: as fast (1.486 s against 1.499 s, lower halves of 14 runs), peak RSS 152–183 MiB
 * (median 158) against 162–227 (median 181).
 */
export const WORKER_GC_FLAGS = ['--no-incremental-marking', '--heap-growing-percent=100'] as const;

/**
 * Called by each worker entry first thing. V8 flags are process-wide and these are read whenever a
 * collection is planned, so the worker sets them for itself (the launcher's thread only waits). Set
 * by the launcher before the worker starts, they made start-up 35–40 ms slower (most likely the
 * worker's built-in modules then load without their code cache, which V8 checks against the flags).
 */
export function tuneGarbageCollection(): void {
  for (const flag of WORKER_GC_FLAGS) v8.setFlagsFromString(flag);
}

/** What the worker learns from the launcher (a worker's own stdout is never a TTY). */
export interface LauncherData {
  stdoutIsTTY: boolean;
  /**
   * Element 0 is set to 1 by the worker (`commitOutput`) once the gate has run, before it writes a
   * file or calls an API. A run that outgrows the bounded heap before that is started again; after
   * it, never, so that nothing it wrote or posted happens twice.
   */
  committed: Int32Array;
}

/** Called in the worker once the gate has run, before any file, report or API call (see LauncherData). */
export function commitOutput(): void {
  const data = workerData as LauncherData | null;
  if (data?.committed) Atomics.store(data.committed, 0, 1);
}

export interface LaunchOptions {
  /** Ends the run as the tool's failure: gets a one-line message that blames the tool. */
  fail: (message: string) => void;
  /** The exit code after `fail`. */
  failureCode: number;
  /** Writes a plain line to the log (not a workflow command). */
  say: (line: string) => void;
}

/** Why a run starts again: what the first one printed may show twice. */
export const RETRY_NOTE = 'connector-gate: the run outgrew its bounded memory before writing any result; running it again without the bound (lines above may repeat)';

/**
 * Runs `entry` (a path relative to the launcher's bundle) in a worker with the process's arguments;
 * the process exits with the worker's exit code. A run that needs more than the bounded old generation
 * (a hostile 30 MB file can) runs again without that limit, after a note that lines it printed may
 * repeat, so a small heap does not make a run fail; but not once it has committed (see LauncherData),
 * since what it wrote or posted must not happen twice. When the worker dies without handling it (out
 * of memory then, an uncaught error), the run fails with a message that blames the tool.
 */
export function runInWorker(entry: string, options: LaunchOptions, bounded = true): void {
  if (youngAtFullSize(process.versions.node)) v8.setFlagsFromString(YOUNG_SEMI_SPACE_FLAG);
  const committed = new Int32Array(new SharedArrayBuffer(4));
  const workerData: LauncherData = { stdoutIsTTY: Boolean(process.stdout.isTTY), committed };
  // A path, not `new URL(…, import.meta.url)`, which the bundler would take for an asset to copy.
  const worker = new Worker(path.join(path.dirname(fileURLToPath(import.meta.url)), entry), {
    argv: process.argv.slice(2),
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(bounded ? { maxOldGenerationSizeMb: OLD_GENERATION_MB } : {}) },
  });
  let failed = false;
  let retry = false;
  worker.on('error', (error: Error & { code?: string }) => {
    if (bounded && error.code === 'ERR_WORKER_OUT_OF_MEMORY' && Atomics.load(committed, 0) === 0) {
      retry = true;
      return;
    }
    failed = true;
    const detail = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : error.message;
    options.fail(inertForRunner(toolFailureMessage(detail.replace(/\s+/g, ' ').slice(0, 1000))));
  });
  worker.on('exit', (code) => {
    if (retry) {
      options.say(RETRY_NOTE);
      runInWorker(entry, options, false);
    } else process.exitCode = failed ? options.failureCode : code;
  });
}
