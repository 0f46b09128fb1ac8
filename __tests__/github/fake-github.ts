// Typed handle on the fake GitHub API (fake-github.mjs, in a worker thread), plus the pieces of a
// pull request run: the event payload on disk, patches made by git, the environment.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { tempDir } from '../helpers.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  body?: Record<string, unknown> & { comments?: ReviewCommentInput[]; output?: { annotations?: unknown[] } };
  at: number;
  status: number;
}

export interface ReviewCommentInput {
  path: string;
  line: number;
  side: string;
  start_line?: number;
  start_side?: string;
  body: string;
}

export interface StoredReviewComment extends ReviewCommentInput {
  id: number;
  pull_request_review_id: number;
  commit_id: string;
}

export interface FakeState {
  reviews: { id: number; body: string; event: string; commit_id: string }[];
  reviewComments: StoredReviewComment[];
  issueComments: { id: number; body: string }[];
  checkRuns: { id: number; name: string; head_sha: string; status: string; conclusion: string | null; output?: { title: string; summary: string; annotations: Record<string, unknown>[] } }[];
  requests: RecordedRequest[];
}

export interface PullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  patch?: string;
  previous_filename?: string;
  changes?: number;
}

export class FakeGitHub {
  private next = 0;
  private readonly pending = new Map<number, (value: unknown) => void>();

  private constructor(
    private readonly worker: Worker,
    readonly url: string,
  ) {
    worker.on('message', (message: { id?: number; result?: unknown }) => {
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    });
  }

  static async start(token: string): Promise<FakeGitHub> {
    const worker = new Worker(new URL('./fake-github.mjs', import.meta.url));
    const port = await new Promise<number>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (message: { ready: number }) => resolve(message.ready));
    });
    const fake = new FakeGitHub(worker, `http://127.0.0.1:${port}`);
    await fake.reset(token);
    return fake;
  }

  private call<T>(command: string, args?: unknown): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (value: unknown) => void);
      this.worker.postMessage({ id, command, args });
    });
  }

  reset(token: string): Promise<void> {
    return this.call('reset', { token });
  }
  state(): Promise<FakeState> {
    return this.call('state');
  }
  setPull(number: number, files: PullFile[]): Promise<void> {
    return this.call('setPull', { number, files });
  }
  /** The next `times` requests matching method and path (a regular expression) get this answer. */
  fault(fault: { method: string; path: string; status: number; headers?: Record<string, string>; body?: unknown; times?: number }): Promise<void> {
    return this.call('fault', fault);
  }
  editReviewComment(id: number, changes: Partial<StoredReviewComment>): Promise<void> {
    return this.call('editReviewComment', { id, changes });
  }
  clearRequests(): Promise<void> {
    return this.call('clearRequests');
  }
  async close(): Promise<void> {
    await this.call('close');
    await this.worker.terminate();
  }
}

/** The `patch` of the files API for a change from `before` to `after` (made by git, 3 lines of context). */
export function patchOf(before: string, after: string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a'), before);
  writeFileSync(path.join(dir, 'b'), after);
  let output = '';
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '-U3', 'a', 'b'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exit code 1: the files differ
  }
  return output.slice(output.indexOf('@@')).replace(/\n$/, '');
}

export interface PullRequestEvent {
  number: number;
  baseSha: string;
  headSha: string;
  /** Full name of the head repository; another than the base's makes a fork pull request. */
  headRepo?: string;
}

export const REPOSITORY = 'octo/frames';

/** Environment of a pull_request run against the fake API: event payload on disk, API URL, repository. */
export function pullRequestEnv(api: FakeGitHub, event: PullRequestEvent, eventName = 'pull_request'): Record<string, string> {
  const file = path.join(tempDir(), 'event.json');
  const payload = {
    action: 'synchronize',
    number: event.number,
    pull_request: {
      number: event.number,
      base: { sha: event.baseSha, ref: 'main', repo: { full_name: REPOSITORY } },
      head: { sha: event.headSha, ref: 'feature', repo: { full_name: event.headRepo ?? REPOSITORY } },
    },
    repository: { full_name: REPOSITORY },
  };
  writeFileSync(file, JSON.stringify(payload));
  return {
    GITHUB_API_URL: api.url,
    GITHUB_EVENT_PATH: file,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SHA: 'f'.repeat(40),
  };
}
