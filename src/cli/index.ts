#!/usr/bin/env node
// Entry point of the CLI (bundled to dist/cli/index.js, the package's `connector-gate` bin).
import { main } from './main.js';
import { toolFailureMessage } from '../options.js';
import { inertForRunner } from '../report/text.js';

try {
  process.exitCode = main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    // Messages on stderr can quote file names and values: none may become a workflow command in CI.
    stderr: (text) => process.stderr.write(inertForRunner(text)),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
} catch (error) {
  if (process.env.CONNECTOR_GATE_DEBUG && error instanceof Error) process.stderr.write(inertForRunner(`${error.stack}\n`));
  process.stderr.write(inertForRunner(`${toolFailureMessage(error instanceof Error ? error.message : String(error))}\n`));
  process.exitCode = 2;
}
