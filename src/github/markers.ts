// Hidden markers that let a re-run find its own comments again, and the fingerprints that say
// which finding a review comment is about: stable when the finding moves to another line.
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/types.js';

export const MARKER_VERSION = 'connector-gate:v1';

/** rule + file + JSON pointer + message: the finding's identity, without its line. */
export function fingerprint(finding: Finding): string {
  const identity = [finding.ruleId, finding.file, finding.pointer ?? '', finding.message].join('\u0000');
  return createHash('sha256').update(identity).digest('hex').slice(0, 20);
}

/**
 * Fingerprints for a list of findings; a second finding with the same identity (the same problem
 * twice in a file without a pointer) gets `-2`, `-3`…, so each keeps its own comment.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = fingerprint(finding);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

export const findingMarker = (id: string): string => `<!-- ${MARKER_VERSION} ${id} -->`;
export const STICKY_MARKER = `<!-- ${MARKER_VERSION} summary -->`;
export const REVIEW_MARKER = `<!-- ${MARKER_VERSION} review -->`;

const FINDING_MARKER = /<!-- connector-gate:v1 ([0-9a-f]{20}(?:-\d+)?) -->\s*$/;

/** The fingerprint in a review comment of ours (the marker ends the body), or undefined. */
export function markerOf(body: unknown): string | undefined {
  return typeof body === 'string' ? FINDING_MARKER.exec(body)?.[1] : undefined;
}

/** Whether an issue comment is our sticky summary (the marker starts the body). */
export function isSticky(body: unknown): boolean {
  return typeof body === 'string' && body.startsWith(STICKY_MARKER);
}
