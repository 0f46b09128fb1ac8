// What the edges (CLI, action) add to the connector options for breaking-change detection, so
// their own code stays a few lines: open the base from git, then pass it (and the config's
// `breaking:` level) to the engine.
import type { ConnectorOptions } from '../engine/types.js';
import type { GitBase } from './git.js';
import type { BreakingLevel } from './types.js';

export { ACTIONS_FETCH_HINT, CLI_FETCH_HINT, openGitBase, type GitBase } from './git.js';

/** The options to spread into the engine's ConnectorOptions. */
export function breakingOptions(git: GitBase | undefined, config?: { breaking?: BreakingLevel }): Pick<ConnectorOptions, 'base' | 'breaking'> {
  return {
    ...(git?.base ? { base: git.base } : {}),
    ...(config?.breaking ? { breaking: { level: config.breaking } } : {}),
  };
}
