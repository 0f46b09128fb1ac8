// Entry point of the GitHub Action (bundled to dist/index.js): runs the Action (src/action/worker.ts,
// bundled to dist/worker/index.js) in a worker (see src/launcher.ts).
import { runInWorker } from './launcher.js';

/** A workflow command's message, escaped as @actions/core does. */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

runInWorker('worker/index.js', {
  fail: (message) => process.stdout.write(`::error::${escapeData(message)}\n`),
  failureCode: 1,
  // A line of the step's log: nothing in it can start a workflow command.
  say: (line) => process.stdout.write(`${line}\n`),
});
