// Review comments on the lines of the diff: one review per run for the new ones, existing ones of
// ours updated in place when still valid, deleted when their finding is gone or has moved.
import type { Finding, Level } from '../engine/types.js';
import { escapeMarkdown } from '../report/markdown.js';
import { ruleDocUrl } from '../report/links.js';
import { bySeverity, truncate } from '../report/text.js';
import type { GitHubClient } from './client.js';
import { inOneHunk, type FileDiff } from './diff.js';
import { findingMarker, fingerprints, markerOf, REVIEW_MARKER } from './markers.js';
import { suggestionBlock, suggestionFor, type SourceTexts } from './suggestion.js';

/** At most this many review comments of ours on a pull request; the rest are in the summary. */
export const MAX_REVIEW_COMMENTS = 50;
/** Longest suggestion block text; a longer one is left out (the comment still names the fix). */
const MAX_SUGGESTION_CHARS = 20_000;

const LEVEL_LABEL: Record<Level, string> = { error: '❌ **error**', warning: '⚠️ **warning**', notice: 'ℹ️ **notice**' };

export interface PlannedComment {
  id: string;
  finding: Finding;
  path: string;
  line: number;
  startLine?: number;
  body: string;
}

export interface ReviewPlan {
  comments: PlannedComment[];
  /** Findings on lines outside the diff (GitHub refuses comments there): summary only. */
  outside: number;
  /** Findings on diff lines left out by MAX_REVIEW_COMMENTS. */
  overflow: number;
}

function commentBody(finding: Finding, id: string, suggestion: string | undefined): string {
  const rule = `[\`${finding.ruleId.replace(/`/g, '')}\`](${ruleDocUrl(finding.ruleId)})`;
  const parts = [`${LEVEL_LABEL[finding.level]} ${rule} · connector-gate`, '', escapeMarkdown(truncate(finding.message, 2000))];
  if (suggestion) parts.push('', suggestion);
  parts.push('', findingMarker(id));
  return parts.join('\n');
}

/** Which findings get a review comment, where, and with what body. */
export function planReview(findings: readonly Finding[], diffs: ReadonlyMap<string, FileDiff>, sources: SourceTexts): ReviewPlan {
  const sorted = bySeverity(findings);
  const ids = fingerprints(sorted);
  const comments: PlannedComment[] = [];
  let outside = 0;
  let overflow = 0;
  sorted.forEach((finding, index) => {
    const diff = diffs.get(finding.file);
    if (!diff || diff.wholeFile) return void outside++;
    const id = ids[index] as string;
    let start = finding.line;
    let end = finding.endLine;
    if (!inOneHunk(diff, start, end)) {
      // A multi-line finding partly outside the diff: comment on its first line alone.
      if (!inOneHunk(diff, start, start)) return void outside++;
      end = start;
    }
    let suggestion: string | undefined;
    const fixed = suggestionFor(finding, sources);
    // A suggestion on a huge (minified) line would push the comment past GitHub's 65,536 characters.
    const size = fixed ? fixed.lines.reduce((sum, line) => sum + line.length + 1, 0) : 0;
    if (fixed && size <= MAX_SUGGESTION_CHARS && inOneHunk(diff, fixed.startLine, fixed.endLine) && fixed.startLine <= start && end <= fixed.endLine) {
      start = fixed.startLine;
      end = fixed.endLine;
      suggestion = suggestionBlock(fixed.lines);
    }
    if (comments.length >= MAX_REVIEW_COMMENTS) return void overflow++;
    comments.push({
      id,
      finding,
      path: finding.file,
      line: end,
      ...(start < end ? { startLine: start } : {}),
      body: commentBody(finding, id, suggestion),
    });
  });
  return { comments, outside, overflow };
}

interface ExistingComment {
  id: number;
  body?: string;
  path?: string;
  line?: number | null;
  start_line?: number | null;
  side?: string | null;
}

export interface ReviewOutcome {
  created: number;
  updated: number;
  deleted: number;
  kept: number;
}

export interface PullRef {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
}

/**
 * Brings the pull request's review comments of ours in line with the plan. New comments go in
 * one review (created first, so a failure leaves the old comments in place); comments whose
 * finding is still there on the same line are updated when their text changed; the others
 * (fixed, moved, outdated, duplicates) are deleted.
 */
export async function syncReview(client: GitHubClient, pr: PullRef, plan: ReviewPlan): Promise<ReviewOutcome> {
  const base = { owner: pr.owner, repo: pr.repo };
  const existing = await client.list<ExistingComment>('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', { ...base, pull_number: pr.number });
  const ours = existing.filter((comment) => markerOf(comment.body) !== undefined);
  const byId = new Map<string, ExistingComment[]>();
  for (const comment of ours) {
    const id = markerOf(comment.body) as string;
    byId.set(id, [...(byId.get(id) ?? []), comment]);
  }
  const kept = new Set<ExistingComment>();
  const updates: { comment: ExistingComment; body: string }[] = [];
  const create: PlannedComment[] = [];
  for (const planned of plan.comments) {
    const same = (byId.get(planned.id) ?? []).find(
      (comment) =>
        !kept.has(comment) &&
        comment.path === planned.path &&
        comment.line === planned.line &&
        (comment.start_line ?? undefined) === planned.startLine &&
        (comment.side ?? 'RIGHT') === 'RIGHT',
    );
    if (!same) create.push(planned);
    else {
      kept.add(same);
      if (same.body !== planned.body) updates.push({ comment: same, body: planned.body });
    }
  }
  if (create.length > 0) {
    await client.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
      ...base,
      pull_number: pr.number,
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: `connector-gate: ${create.length === 1 ? 'a problem' : `${create.length} problems`} on lines this pull request changes (the job summary lists every finding).\n\n${REVIEW_MARKER}`,
      comments: create.map((planned) => ({
        path: planned.path,
        line: planned.line,
        side: 'RIGHT',
        ...(planned.startLine === undefined ? {} : { start_line: planned.startLine, start_side: 'RIGHT' }),
        body: planned.body,
      })),
    });
  }
  for (const { comment, body } of updates) {
    await client.request('PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}', { ...base, comment_id: comment.id, body });
  }
  let deleted = 0;
  for (const comment of ours) {
    if (kept.has(comment)) continue;
    try {
      await client.request('DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}', { ...base, comment_id: comment.id });
      deleted++;
    } catch (error) {
      // Already gone (deleted by hand, or by a concurrent run): nothing to do.
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  return { created: create.length, updated: updates.length, deleted, kept: kept.size - updates.length };
}
