// Entry point of the GitHub Action (bundled to dist/index.js).
import * as core from '@actions/core';
import { run } from './action/main.js';
import { toolFailureMessage } from './options.js';

run().catch((error: unknown) => {
  core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
  core.setFailed(toolFailureMessage(error instanceof Error ? error.message : String(error)));
});
