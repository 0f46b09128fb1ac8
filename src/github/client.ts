// The REST client: @actions/github's Octokit (base URL from GITHUB_API_URL, the runner's proxy
// settings, GHES support), wrapped with what a well-behaved integration needs and the toolkit does
// not do: waits for Retry-After / x-ratelimit-reset on 403 and 429, a few retries on 5xx, at most
// one content-creating request per second (GitHub's secondary limit is 80 a minute), and a timeout.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';

export interface ClientOptions {
  /** Least time between two content-creating requests (POST, PATCH, PUT, DELETE). */
  minWriteIntervalMs?: number;
  /** A wait longer than this (Retry-After, rate-limit reset) is not waited for: the request fails. */
  maxWaitMs?: number;
  /** Per attempt. */
  timeoutMs?: number;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

type Params = Record<string, unknown>;

/** The HTTP status of a failed request, when it got an answer. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

function headersOf(error: unknown): Record<string, string | number | undefined> {
  return ((error as { response?: { headers?: Record<string, string | number | undefined> } } | null)?.response?.headers ?? {}) as Record<
    string,
    string | number | undefined
  >;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long to wait before retrying a failed request, or undefined when it must not be retried. */
export function retryDelay(error: unknown, attempt: number, now = Date.now()): number | undefined {
  const status = statusOf(error);
  const headers = headersOf(error);
  if (status === 403 || status === 429) {
    const retryAfter = headers['retry-after'];
    if (retryAfter !== undefined) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
      const date = Date.parse(String(retryAfter));
      if (Number.isFinite(date)) return Math.max(0, date - now);
    }
    const reset = Number(headers['x-ratelimit-reset']);
    if (String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now) + 1000;
    // A 429 without a hint, or GitHub's "secondary rate limit" 403: at least a minute, says GitHub.
    const message = error instanceof Error ? error.message : '';
    if (status === 429 || /secondary rate limit/i.test(message)) return attempt < 1 ? 60_000 : undefined;
    return undefined; // A plain 403 is a permission problem: retrying cannot help.
  }
  if ((status === 500 || status === 502 || status === 503 || status === 504 || status === undefined) && attempt < 2) return 1000 * (attempt + 1);
  return undefined;
}

/** One line about a failed request, without the token, the headers or the request body. */
export function describeError(error: unknown, token: string): string {
  const status = statusOf(error);
  let message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  message = message.replace(/ - https:\/\/docs\.github\.com\S*/g, '');
  if (token) message = message.split(token).join('***');
  if (message.length > 300) message = `${message.slice(0, 299)}…`;
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}

export class GitHubClient {
  private readonly octokit: ReturnType<typeof getOctokit>;
  private lastWrite = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly token: string,
    options: ClientOptions = {},
  ) {
    const minWriteInterval = options.minWriteIntervalMs ?? 1000;
    const maxWait = options.maxWaitMs ?? 90_000;
    const timeout = options.timeoutMs ?? 30_000;
    const quiet = (message: string) => core.debug(describeError(new Error(message), token));
    this.octokit = getOctokit(token, { log: { debug: () => {}, info: () => {}, warn: quiet, error: quiet } });
    this.octokit.hook.wrap('request', async (request, requestOptions) => {
      const write = !['GET', 'HEAD'].includes(String(requestOptions.method).toUpperCase());
      for (let attempt = 0; ; attempt++) {
        if (write) {
          // Writes go one at a time, spaced out; reads are not limited.
          const wait = this.lastWrite + minWriteInterval - Date.now();
          if (wait > 0) await sleep(wait);
          this.lastWrite = Date.now();
        }
        try {
          return await request({ ...requestOptions, request: { ...requestOptions.request, signal: AbortSignal.timeout(timeout) } });
        } catch (error) {
          const delay = retryDelay(error, attempt);
          if (delay === undefined || delay > maxWait || attempt >= 4) throw error;
          core.info(`connector-gate: GitHub API ${describeError(error, token)}; retrying in ${Math.ceil(delay / 1000)} s`);
          await sleep(delay);
        }
      }
    });
  }

  /** One request; content-creating ones are serialised so the spacing holds under concurrency. */
  async request<T>(route: string, params: Params = {}): Promise<ApiResponse<T>> {
    const write = !/^(GET|HEAD) /.test(route);
    const call = () => this.octokit.request(route, params) as Promise<ApiResponse<T>>;
    if (!write) return call();
    const result = this.queue.then(call, call);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Every page of a list endpoint (100 per page), at most `max` items. */
  async list<T>(route: string, params: Params = {}, max = 3000): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; items.length < max; page++) {
      const { data } = await this.request<T[]>(route, { ...params, per_page: 100, page });
      if (!Array.isArray(data)) break;
      items.push(...data);
      if (data.length < 100) break;
    }
    return items.slice(0, max);
  }
}
