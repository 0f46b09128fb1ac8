// What a pull request changes: the files API (with each file's patch), or `git diff` between the
// base and the head when the checkout has the history; and which connector folders that touches.
import { execFileSync } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_FILES } from '../engine/discover.js';
import { isInside } from '../engine/files.js';
import type { GitHubClient } from './client.js';
import type { PullRequestInfo } from './context.js';
import { parseGitDiff, parsePatch, type FileDiff } from './diff.js';

export interface Changes {
  /** Paths the pull request touches (new and old paths, deleted files included), repository-relative. */
  paths: Set<string>;
  /** Per new path: its added lines and hunks. */
  diffs: Map<string, FileDiff>;
  source: 'api' | 'git';
}

interface PullFile {
  filename?: string;
  previous_filename?: string;
  status?: string;
  patch?: string;
  changes?: number;
}

/** The files API lists at most 3,000 files. */
const MAX_FILES = 3000;

export async function changesFromApi(client: GitHubClient, owner: string, repo: string, pr: PullRequestInfo): Promise<Changes | 'truncated'> {
  const files = await client.list<PullFile>('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner, repo, pull_number: pr.number }, MAX_FILES);
  if (files.length >= MAX_FILES) return 'truncated';
  const changes: Changes = { paths: new Set(), diffs: new Map(), source: 'api' };
  for (const file of files) {
    if (typeof file.filename !== 'string') continue;
    changes.paths.add(file.filename);
    if (typeof file.previous_filename === 'string') changes.paths.add(file.previous_filename);
    if (file.status === 'removed') continue;
    if (typeof file.patch === 'string') changes.diffs.set(file.filename, parsePatch(file.patch));
    // No patch: binary, or too large for the API. Changed lines unknown: all count as changed.
    else if ((file.changes ?? 1) > 0) changes.diffs.set(file.filename, { added: new Set(), hunks: [], wholeFile: true });
  }
  return changes;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
  });
}

function hasCommit(cwd: string, sha: string): boolean {
  try {
    git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * `git diff` from the merge base of base and head to the checked-out head (or to HEAD, the test
 * merge commit actions/checkout makes). Undefined when the checkout lacks the base commit
 * (a shallow clone: `fetch-depth: 0` gives the history) or is not a git repository.
 */
export function changesFromGit(workspace: string, pr: PullRequestInfo): Changes | undefined {
  if (!hasCommit(workspace, pr.baseSha)) return undefined;
  const target = hasCommit(workspace, pr.headSha) ? pr.headSha : 'HEAD';
  let from = pr.baseSha;
  try {
    from = git(workspace, ['merge-base', pr.baseSha, target]).trim() || pr.baseSha;
  } catch {
    // No common ancestor in the clone: compare with the base itself.
  }
  let output: string;
  let prefix: string;
  try {
    output = git(workspace, ['diff', '--no-color', '--no-ext-diff', '--find-renames', '--unified=3', from, target, '--']);
    prefix = git(workspace, ['rev-parse', '--show-prefix']).trim();
  } catch {
    return undefined;
  }
  const changes: Changes = { paths: new Set(), diffs: new Map(), source: 'git' };
  // Paths relative to the workspace (a checkout in a sub-folder of the repository has a prefix).
  const local = (file: string | undefined) => (file !== undefined && file.startsWith(prefix) ? file.slice(prefix.length) : undefined);
  for (const file of parseGitDiff(output)) {
    const now = local(file.path);
    const before = local(file.previousPath);
    if (now !== undefined) changes.paths.add(now);
    if (before !== undefined) changes.paths.add(before);
    if (now !== undefined) changes.diffs.set(now, file.diff);
  }
  return changes;
}

function isConnectorFolder(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const name = entry.name.toLowerCase();
      return !entry.isDirectory() && (name === PACKAGE_FILES.swagger || name === PACKAGE_FILES.apiProperties);
    });
  } catch {
    return false;
  }
}

/**
 * Connector folders (relative to the workspace, `/` separators) holding a changed file, in or below
 * one of `inputPaths`. A file counts for the nearest folder above it that is a package; a deleted
 * connector's folder is gone and counts for nothing.
 */
export function touchedConnectors(workspace: string, inputPaths: readonly string[], changed: Iterable<string>): string[] {
  const root = realpathSync(workspace);
  const scopes = inputPaths.map((input) => {
    const absolute = path.resolve(root, input);
    try {
      return statSync(absolute).isFile() ? path.dirname(absolute) : absolute;
    } catch {
      return absolute;
    }
  });
  const found = new Set<string>();
  const checked = new Map<string, boolean>();
  for (const file of changed) {
    if (file === '' || file.startsWith('/') || file.split('/').some((segment) => segment === '..' || segment === '.')) continue;
    let dir = path.dirname(path.join(root, ...file.split('/')));
    while (isInside(root, dir)) {
      let connector = checked.get(dir);
      if (connector === undefined) checked.set(dir, (connector = isConnectorFolder(dir)));
      if (connector) {
        if (scopes.some((scope) => isInside(scope, dir))) found.add(path.relative(root, dir).split(path.sep).join('/') || '.');
        break;
      }
      if (dir === root) break;
      dir = path.dirname(dir);
    }
  }
  return [...found].sort();
}
