// Real git repositories in temp folders for the breaking-change tests: commit a base, commit a head.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers.js';

/** git with an identity given by -c flags and no user or system config, so the machine's settings cannot leak in. */
export function git(cwd: string, args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Connector Gate Tests', '-c', 'user.email=tests@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(cwd, '.no-global-gitconfig') },
    },
  ).trim();
}

/** Writes files (null deletes) and commits everything; returns the commit SHA. */
export function commit(root: string, files: Record<string, string | null>, message: string): string {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    if (content === null) rmSync(file, { force: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '--allow-empty', '-m', message]);
  return git(root, ['rev-parse', 'HEAD']);
}

/** A new repository (in a folder whose name has a space) with `files` as its first commit. */
export function repoWith(files: Record<string, string | null>): { root: string; base: string } {
  const root = path.join(tempDir(), 'work tree');
  mkdirSync(root);
  git(root, ['init', '--quiet']);
  return { root, base: commit(root, files, 'base') };
}
