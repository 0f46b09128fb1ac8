// Applying machine-readable fixes to a file's text: only the fixed ranges change, so the rest of
// the file keeps its formatting byte for byte.
import type { Fix } from './types.js';

export interface FixResult {
  text: string;
  applied: number;
  /** Fixes left out because they overlap one applied before them (a second run applies them). */
  skipped: number;
}

export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  // The same edit reported twice (two rules, one problem) is one edit.
  const unique = [...new Map(fixes.map((fix) => [`${fix.offset}:${fix.length}:${fix.text}`, fix])).values()];
  unique.sort((a, b) => a.offset - b.offset || a.length - b.length);
  const chosen: Fix[] = [];
  for (const fix of unique) {
    const previous = chosen.at(-1);
    const inside = fix.offset >= 0 && fix.offset + fix.length <= text.length;
    // Overlapping ranges, or two insertions at one point, cannot both be applied safely.
    const overlaps = previous !== undefined && (fix.offset < previous.offset + previous.length || fix.offset === previous.offset);
    if (inside && !overlaps) chosen.push(fix);
  }
  let result = text;
  for (let i = chosen.length - 1; i >= 0; i--) {
    const fix = chosen[i] as Fix;
    result = result.slice(0, fix.offset) + fix.text + result.slice(fix.offset + fix.length);
  }
  return { text: result, applied: chosen.length, skipped: unique.length - chosen.length };
}
