// Shared helpers for text that comes from connector files: it is hostile (newlines, control
// characters, terminal escapes, bidi overrides, huge strings) and must stay on one line.
import { LEVEL_RANK, LEVELS, type Finding, type Level } from '../engine/types.js';

const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// Remaining C0/C1 controls (incl. ESC, so no terminal escape sequence survives) and bidi controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One line of plain text: line breaks and tabs become spaces, other control characters U+FFFD. */
export function flatten(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '\uFFFD');
}

// The GitHub Actions runner reads every line a step prints (stdout and stderr): a line that starts
// with `::` after whitespace (`::error::…`, `::stop-commands::…`, `::add-mask::…`) or that holds
// `##[` anywhere (the legacy `##[error]…` form) runs a workflow command. It compares strings
// culture-sensitively, so zero-width and other ignorable characters do not separate `#` from `[`.
// Controls (C0/C1), format characters (Cf) and default-ignorable code points, minus tab, ESC
// (colours) and line breaks:
// eslint-disable-next-line no-control-regex
const RUNNER_IGNORABLE = /(?![\t\n\r\u001b])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * A cheap superset of what the two functions below change: the BMP ranges of Cc (but tab and
 * line breaks, which neither changes), Cf and Default_Ignorable_Code_Point spelt out, any astral
 * character, `##[` and `::`. Scanning a large report with the Unicode-property regex is slow; most
 * reports contain none of these at all.
 * (__tests__/report/text.test.ts checks every BMP code point the full pattern matches.)
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- code points listed one by one on purpose
export const MAYBE_RUNNER_SENSITIVE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ud800-\udbff]|##\[|::/;
/** The same without `::`, which only matters at the start of a line: JSON lines never start with it. */
// eslint-disable-next-line no-misleading-character-class -- the same code points, listed one by one on purpose
const MAYBE_UNSAFE_IN_JSON = new RegExp(MAYBE_RUNNER_SENSITIVE.source.slice(0, -'|::'.length));

/**
 * Plain-text output made inert for the Actions runner, line by line: ignorable characters become
 * U+FFFD, `##[` becomes `#\uFFFD#[`, and a line that would start with `::` starts with U+FFFD.
 * Text we write ourselves never contains these; only text from the files changes.
 */
export function inertForRunner(text: string): string {
  if (!MAYBE_RUNNER_SENSITIVE.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const safe = line.replace(RUNNER_IGNORABLE, '\uFFFD').replace(/##\[/g, '#\uFFFD#[');
      return /^\s*::/.test(safe) ? `\uFFFD${safe}` : safe;
    })
    .join('\n');
}

/**
 * Whether every character is ASCII. Buffer.byteLength counts in native code, several times faster
 * than any regex over a large report; a report is nearly all ASCII.
 */
function isAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') === text.length;
}

/**
 * JSON text made inert for the Actions runner without changing what it parses to: ignorable
 * characters and the `[` of `##[` become `\u` escapes (both can only occur inside strings, and
 * JSON lines never start with `::`). In ASCII JSON only DEL and `##[` can matter: JSON has no raw
 * C0 control characters outside whitespace.
 */
export function inertJson(json: string): string {
  if (isAscii(json) ? !json.includes('##[') && !json.includes('\u007f') : !MAYBE_UNSAFE_IN_JSON.test(json)) return json;
  return json
    .replace(/(?![\n\r\t])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, (c) =>
      Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
    )
    .replace(/##\[/g, '##\\u005b');
}

/** At most `max` UTF-16 units (a surrogate pair is never split), ending in `…` when shortened. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** `flatten` then `truncate`: how every human-readable format shows file text. */
export function oneLine(text: string, max: number): string {
  return truncate(flatten(text), max);
}

/** Findings counted per level (counted from the findings, so a hand-made report cannot disagree). */
export function countLevels(findings: Iterable<Finding>): Record<Level, number> {
  const counts = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  for (const finding of findings) counts[finding.level]++;
  return counts;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "3 errors, 2 warnings, 1 notice". */
export function levelSummary(counts: Record<Level, number>): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`;
}

/** Stable sort, most severe first; order within a level is kept. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => LEVEL_RANK[a.finding.level] - LEVEL_RANK[b.finding.level] || a.index - b.index)
    .map(({ finding }) => finding);
}
