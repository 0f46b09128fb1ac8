// The base revision from git, for the edges (CLI, action): the engine never runs git itself.
// git is run with execFile (no shell), paths are passed as literal pathspecs relative to the
// repository's top level, and nothing is ever written to the work tree. A base that is not in the
// clone (a shallow checkout) is fetched once when possible; otherwise the check is skipped with a
// one-line note, never a crash.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_FILES } from '../engine/discover.js';
import { decodeText, isInside, MAX_FILE_BYTES } from '../engine/files.js';
import type { ConnectorPackage } from '../engine/types.js';
import type { BaseFileKind, BaseRevision } from './types.js';

const GIT_TIMEOUT_MS = 60_000;

export interface GitBaseOptions {
  /** Try `git fetch origin <sha>` once when the base commit is missing (default true). */
  fetch?: boolean;
  /** How to say where history comes from, in the skip message. */
  hint?: string;
}

export interface GitBase {
  /** The base, when it could be opened. */
  base?: BaseRevision;
  /** The resolved commit. */
  commit?: string;
  /** Why there is no base (one line), for the log; `info` when nothing is wrong (a new branch). */
  note?: { level: 'info' | 'notice'; message: string };
  /** Files that could not be read from the base while checking (one line each), for the log. */
  problems: string[];
}

/** The advice for a shallow clone. */
export const ACTIONS_FETCH_HINT = 'set `fetch-depth: 0` (or 2) on actions/checkout';
export const CLI_FETCH_HINT = 'fetch it (git fetch origin <ref>) or clone with more history';

class GitError extends Error {}

function git(cwd: string, args: string[], maxBuffer = 1024 * 1024): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'buffer',
      maxBuffer,
      timeout: GIT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1', GIT_OPTIONAL_LOCKS: '0' },
      windowsHide: true,
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new GitError('git is not installed (not on PATH)');
    const stderr = failure.stderr?.toString('utf8').trim().split('\n').find((line) => line.trim() !== '');
    throw new GitError(stderr ?? failure.message.split('\n')[0] ?? 'git failed');
  }
}

function text(buffer: Buffer): string {
  return buffer.toString('utf8').trim();
}

/** The top folder of the git work tree that holds `dir` (real path); throws git's complaint when there is none. */
function topLevel(dir: string): string {
  return realpathSync(text(git(dir, ['rev-parse', '--show-toplevel'])));
}

/** topLevel, or undefined (not in a work tree, or no git). */
export function gitTopLevel(dir: string): string | undefined {
  try {
    return topLevel(dir);
  } catch {
    return undefined;
  }
}

/** A revision as the user typed it: no option-like or control characters reach git. */
function validRef(ref: string): boolean {
  const controlOrSpace = [...ref].some((c) => c.charCodeAt(0) < 0x21 || c.charCodeAt(0) === 0x7f);
  return ref.length <= 256 && !ref.startsWith('-') && !controlOrSpace && !ref.includes('..') && !ref.includes(':');
}

function resolve(top: string, ref: string): string | undefined {
  try {
    return text(git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) || undefined;
  } catch {
    return undefined;
  }
}

/** `git fetch origin <sha>` (shallowly in a shallow clone), once; failures are not errors here. */
function fetchCommit(top: string, sha: string): void {
  try {
    const shallow = text(git(top, ['rev-parse', '--is-shallow-repository'])) === 'true';
    git(top, ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...(shallow ? ['--depth=1'] : []), 'origin', sha]);
  } catch {
    // The message below says what to do.
  }
}

/** Package files of one folder in a commit: lowercase file name → path and size (blobs only, no symlinks). */
function listFolder(top: string, commit: string, dir: string): Map<string, { path: string; size: number }> {
  const args = ['ls-tree', '-l', '-z', '--full-tree', commit];
  if (dir !== '') args.push('--', `${dir}/`);
  const files = new Map<string, { path: string; size: number }>();
  for (const record of git(top, args, 16 * 1024 * 1024).toString('utf8').split('\0')) {
    const match = /^(\d+) (\w+) [0-9a-f]+ +(\d+|-)\t(.+)$/s.exec(record);
    if (!match || match[2] !== 'blob' || match[1] === '120000') continue;
    const file = match[4] as string;
    if (path.posix.dirname(file) !== (dir === '' ? '.' : dir)) continue;
    const name = path.posix.basename(file).toLowerCase();
    if (!files.has(name)) files.set(name, { path: file, size: Number(match[3]) });
  }
  return files;
}

/**
 * Opens `ref` of the git repository holding `cwd` as the base revision. An empty ref disables the
 * check (no base, no note).
 */
export function openGitBase(cwd: string, ref: string, options: GitBaseOptions = {}): GitBase {
  const problems: string[] = [];
  const wanted = ref.trim();
  const hint = options.hint ?? CLI_FETCH_HINT;
  const skip = (message: string, level: 'info' | 'notice' = 'notice'): GitBase => ({
    note: { level, message: `connector-gate: breaking-change check skipped: ${message}` },
    problems,
  });
  if (wanted === '') return { problems };
  // github.event.before on the first push of a branch: there is no previous commit.
  if (/^0{40}$/.test(wanted)) return skip('there is no previous commit (the first push of a branch)', 'info');
  if (!validRef(wanted)) return skip(`base ${JSON.stringify(wanted.slice(0, 80))} is not a git revision`);

  let top: string;
  try {
    top = topLevel(cwd);
  } catch (error) {
    return skip(`${cwd} is not in a git repository (${(error as Error).message})`);
  }
  let commit = resolve(top, wanted);
  if (!commit && options.fetch !== false && /^[0-9a-f]{7,40}$/i.test(wanted)) {
    fetchCommit(top, wanted);
    commit = resolve(top, wanted);
  }
  if (!commit) return skip(`the base commit ${wanted} is not in this clone (a shallow checkout?); ${hint}`);

  const folders = new Map<string, Map<string, { path: string; size: number }>>();
  const base: BaseRevision = {
    read(connector: ConnectorPackage, kind: BaseFileKind): string | undefined {
      let absDir: string;
      try {
        absDir = realpathSync(connector.absDir);
      } catch {
        return undefined;
      }
      if (!isInside(top, absDir)) return undefined;
      const dir = path.relative(top, absDir).split(path.sep).join('/');
      try {
        let files = folders.get(dir);
        if (!files) folders.set(dir, (files = listFolder(top, commit, dir)));
        const file = files.get(PACKAGE_FILES[kind]);
        if (!file) return undefined;
        if (file.size > MAX_FILE_BYTES) {
          problems.push(`${file.path} at ${commit.slice(0, 12)} is larger than ${MAX_FILE_BYTES / 1048576} MiB; not compared`);
          return undefined;
        }
        const decoded = decodeText(git(top, ['show', '--no-textconv', `${commit}:${file.path}`], MAX_FILE_BYTES + 1));
        if (decoded.problem && decoded.text === '') {
          problems.push(`${file.path} at ${commit.slice(0, 12)} ${decoded.problem.message}; not compared`);
          return undefined;
        }
        return decoded.text;
      } catch (error) {
        problems.push(`cannot read ${dir || '.'} at ${commit.slice(0, 12)} from git (${(error as Error).message}); not compared`);
        return undefined;
      }
    },
  };
  return { base, commit, problems };
}
