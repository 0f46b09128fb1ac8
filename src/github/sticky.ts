// One pull request comment with the per-connector table, found again by its marker and edited in
// place on every run; never a second one (extra copies from concurrent runs are removed).
import type { GitHubClient } from './client.js';
import { isSticky, STICKY_MARKER } from './markers.js';
import type { PullRef } from './review.js';

interface IssueComment {
  id: number;
  body?: string;
}

export type StickyOutcome = 'created' | 'updated' | 'unchanged' | 'not needed';

/**
 * Creates or updates the sticky comment. With `create` false (nothing was checked) an existing
 * comment is still updated, so it never shows stale results, but none is created.
 */
export async function syncSticky(client: GitHubClient, pr: PullRef, markdown: string, create = true): Promise<StickyOutcome> {
  const base = { owner: pr.owner, repo: pr.repo };
  const body = `${STICKY_MARKER}\n${markdown}`;
  const comments = await client.list<IssueComment>('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...base, issue_number: pr.number });
  const ours = comments.filter((comment) => isSticky(comment.body));
  const [first, ...extra] = ours;
  let outcome: StickyOutcome;
  if (!first && !create) outcome = 'not needed';
  else if (!first) {
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...base, issue_number: pr.number, body });
    outcome = 'created';
  } else if (first.body !== body) {
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...base, comment_id: first.id, body });
    outcome = 'updated';
  } else outcome = 'unchanged';
  for (const comment of extra) {
    try {
      await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...base, comment_id: comment.id });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  return outcome;
}
