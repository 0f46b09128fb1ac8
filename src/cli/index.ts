#!/usr/bin/env node
// Entry point of the CLI (bundled to dist/cli/index.js, the package's `connector-gate` bin).
import { main } from './main.js';
import { toolFailureMessage } from '../options.js';

try {
  process.exitCode = main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
} catch (error) {
  if (process.env.CONNECTOR_GATE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.stderr.write(`${toolFailureMessage(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 2;
}
