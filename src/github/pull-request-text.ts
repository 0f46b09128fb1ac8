// The pull request's title and body, from the event payload (GITHUB_EVENT_PATH), for the PR rules
// (pr-title-ip, pr-checklist). Read apart from readRunContext, which needs the base and head commits:
// the title and body are usable even when those are missing. Anything unexpected: no pull request.
import { readFileSync, statSync } from 'node:fs';
import type { ConnectorOptions } from '../engine/types.js';
import { PULL_REQUEST_EVENTS } from './context.js';

/** Event payloads are at most a few MB; a bigger file is not read. GitHub caps PR bodies at 65,536 characters. */
const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;
const MAX_TITLE = 1024;
const MAX_BODY = 262_144;

export function readPullRequestText(env: NodeJS.ProcessEnv = process.env): ConnectorOptions['pullRequest'] {
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    if (statSync(env.GITHUB_EVENT_PATH).size > MAX_PAYLOAD_BYTES) return undefined;
    const payload: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    const pr = (payload as { pull_request?: unknown } | null)?.pull_request;
    if (pr === null || typeof pr !== 'object' || Array.isArray(pr)) return undefined;
    const { title, body, number } = pr as { title?: unknown; body?: unknown; number?: unknown };
    if (typeof title !== 'string') return undefined;
    return {
      title: title.slice(0, MAX_TITLE),
      // A pull request without a description has "body": null.
      body: typeof body === 'string' ? body.slice(0, MAX_BODY) : '',
      ...(typeof number === 'number' && Number.isSafeInteger(number) ? { number } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Rules about the pull request itself (its title and body): their findings are always the pull request's doing (new-only keeps them). */
export const PULL_REQUEST_RULE_IDS: ReadonlySet<string> = new Set(['pr-title-ip', 'pr-checklist']);
