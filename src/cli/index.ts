#!/usr/bin/env node
// Entry point of the CLI (bundled to dist/cli/index.js, the package's `connector-gate` bin): runs
// the CLI (src/cli/worker.ts, bundled to dist/cli/worker/index.js) in a worker (see src/launcher.ts).
import { runInWorker } from '../launcher.js';

runInWorker('worker/index.js', { fail: (message) => process.stderr.write(`${message}\n`), failureCode: 2, say: (line) => process.stderr.write(`${line}\n`) });
