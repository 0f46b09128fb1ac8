// The Action, run by the launcher dist/index.js in a worker thread (bundled to dist/worker/index.js).
import * as core from '@actions/core';
import { tuneGarbageCollection } from '../launcher.js';
import { run } from './main.js';
import { toolFailureMessage } from '../tool-failure.js';

tuneGarbageCollection();
run().catch((error: unknown) => {
  core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
  core.setFailed(toolFailureMessage(error instanceof Error ? error.message : String(error)));
});
