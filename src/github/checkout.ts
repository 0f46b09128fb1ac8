// Where the repository sits in the workspace. actions/checkout with `path:` clones it into a
// sub-folder, but GitHub places annotations, review comments and code-scanning results by their
// path in the repository (the runner only makes absolute paths relative to the workspace). So a
// run whose inputs all lie in one repository below a workspace that is not itself in one takes
// that repository's folder as its root: every path it reports is then a repository path.
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { gitTopLevel } from '../breaking/git.js';
import { displayPath, isInside } from '../engine/files.js';

export interface Checkout {
  /** The folder paths in reports are relative to: the workspace, or the repository below it. */
  root: string;
  /** The `path` inputs, relative to `root`. */
  paths: string[];
  /** The `config` input relative to `root` (empty stays empty: the repository's default file). */
  config: string;
  /** The repository's folder in the workspace (`connectors`), when it is not the workspace itself. */
  folder?: string;
}

/** The git work tree that holds an input path (a file's folder for a file), if the path exists. */
function repositoryOf(target: string): string | undefined {
  if (!existsSync(target)) return undefined;
  return gitTopLevel(statSync(target).isDirectory() ? target : path.dirname(target));
}

export function locateCheckout(workspace: string, paths: string[], config: string): Checkout {
  const unchanged = { root: workspace, paths, config };
  if (paths.length === 0 || gitTopLevel(workspace) !== undefined) return unchanged;
  const realWorkspace = realpathSync(workspace);
  const tops = new Set(paths.map((input) => repositoryOf(path.resolve(workspace, input))));
  const [top] = tops;
  if (tops.size !== 1 || top === undefined || top === realWorkspace || !isInside(realWorkspace, top)) return unchanged;
  const rebase = (input: string): string => displayPath(top, path.resolve(realWorkspace, input));
  return { root: top, paths: paths.map(rebase), config: config === '' ? '' : rebase(config), folder: displayPath(realWorkspace, top) };
}
