// What the workflow run is about, read from the runner's environment and the event payload file.
// Read here (not through @actions/github's `context`) so that nothing happens at import time and
// a malformed payload is one log line, not a crash.
import { readFileSync } from 'node:fs';

export interface PullRequestInfo {
  number: number;
  baseSha: string;
  headSha: string;
  /** The head branch lives in another repository: a `pull_request` run then gets a read-only token. */
  fromFork: boolean;
  /** Files the pull request changes, as GitHub counts them (the files API lists at most 3,000). */
  changedFiles?: number;
}

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The commit the run is for (GITHUB_SHA: on pull requests, the test merge commit). */
  sha: string;
  pullRequest?: PullRequestInfo;
  /** Why the payload could not be used, for the log. */
  problem?: string;
}

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

const SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Where a file of the checked commit can be read at a line, on the GitHub server the run is on:
 * the job summary and the pull request comment link each finding there. Undefined when the run
 * does not name its repository and commit (a local run, or GITHUB_* variables missing).
 */
export function sourceUrlOf(context: RunContext, env: NodeJS.ProcessEnv = process.env): ((file: string, line: number) => string) | undefined {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  if (!context.owner || !context.repo || !SHA.test(context.sha) || !/^https?:\/\/[^\s]+$/.test(server)) return undefined;
  const commit = `${server}/${encodeURIComponent(context.owner)}/${encodeURIComponent(context.repo)}/blob/${context.sha}/`;
  return (file, line) => `${commit}${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const context: RunContext = { eventName, owner, repo, sha: env.GITHUB_SHA ?? '' };
  if (!PULL_REQUEST_EVENTS.has(eventName)) return context;
  let payload: Record<string, unknown> | undefined;
  try {
    payload = record(JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')));
  } catch (error) {
    context.problem = `the event payload (GITHUB_EVENT_PATH) cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    return context;
  }
  const pr = record(payload?.pull_request);
  const base = record(pr?.base);
  const head = record(pr?.head);
  const number = pr?.number;
  const baseSha = text(base?.sha);
  const headSha = text(head?.sha);
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0 || !baseSha || !SHA.test(baseSha) || !headSha || !SHA.test(headSha)) {
    context.problem = 'the event payload has no pull request number, base and head';
    return context;
  }
  const baseRepo = text(record(base?.repo)?.full_name);
  const headRepo = text(record(head?.repo)?.full_name);
  const changed = pr?.changed_files;
  context.pullRequest = {
    number,
    baseSha,
    headSha,
    // A deleted fork has no head repo: treat it as a fork too.
    fromFork: headRepo === undefined || (baseRepo !== undefined && headRepo.toLowerCase() !== baseRepo.toLowerCase()),
    ...(typeof changed === 'number' && Number.isSafeInteger(changed) ? { changedFiles: changed } : {}),
  };
  return context;
}
