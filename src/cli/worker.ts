// The CLI, run by the launcher dist/cli/index.js in a worker thread (bundled to dist/cli/worker/index.js).
import { workerData } from 'node:worker_threads';
import { commitOutput, tuneGarbageCollection, type LauncherData } from '../launcher.js';
import { main } from './main.js';
import { toolFailureMessage } from '../tool-failure.js';
import { inertForRunner } from '../report/text.js';

tuneGarbageCollection();
try {
  process.exitCode = main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    // Messages on stderr can quote file names and values: none may become a workflow command in CI.
    stderr: (text) => process.stderr.write(inertForRunner(text)),
    color: Boolean((workerData as LauncherData | null)?.stdoutIsTTY) && !process.env.NO_COLOR,
    commit: commitOutput,
  });
} catch (error) {
  if (process.env.CONNECTOR_GATE_DEBUG && error instanceof Error) process.stderr.write(inertForRunner(`${error.stack}\n`));
  process.stderr.write(inertForRunner(`${toolFailureMessage(error instanceof Error ? error.message : String(error))}\n`));
  process.exitCode = 2;
}
