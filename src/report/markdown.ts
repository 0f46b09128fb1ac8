// Markdown for the GitHub job summary and `--format markdown`: the overall verdict, a table of
// connectors × criteria, then the findings per connector. Everything that comes from the files is
// escaped (markdown and HTML) and the whole output stays under a byte bound (GitHub refuses job
// summaries above 1 MiB).
import { CRITERIA, LEVEL_RANK, type ConnectorResult, type Criterion, type Finding, type GateReport, type Level, type Verdict } from '../engine/types.js';
import { ruleDocUrl, TOOL_NAME } from './links.js';
import { staleLine, suppressionLine } from '../config/summary.js';
import { bySeverity, countLevels, flatten, levelSummary, plural, truncate } from './text.js';

export interface MarkdownOptions {
  /** Upper bound of the output in UTF-8 bytes (default 900,000; GitHub's limit is 1 MiB). */
  maxBytes?: number;
  /** Where a file can be read at a line (the Action links to the checked commit); without it, file:line is plain text. */
  sourceUrl?: SourceUrl;
}

export type SourceUrl = (file: string, line: number) => string;

export const DEFAULT_MARKDOWN_MAX_BYTES = 900_000;

/** Longest texts shown (in UTF-16 units, before escaping); the JSON report has them whole. */
const MAX_NAME = 100;
const MAX_PATH = 300;
const MAX_MESSAGE = 1000;
const MAX_LISTED = 20;
/** Bytes kept free for the closing "left out" note. */
const NOTE_RESERVE = 512;

export const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', warn: '⚠️', unverified: '❔', 'n/a': '—' };
const LEVEL_LABEL: Record<Level, string> = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' };
const CRITERION_TITLE: Record<Criterion, string> = {
  definition: 'Definition',
  ownership: 'Ownership',
  authentication: 'Authentication',
  support: 'Support',
  availability: 'Availability',
  completeness: 'Completeness',
  icon: 'Icon',
  metadata: 'Metadata',
  compatibility: 'Compatibility',
};
export const LEGEND = `${VERDICT_ICON.pass} pass · ${VERDICT_ICON.fail} fail · ${VERDICT_ICON.warn} warning · ${VERDICT_ICON.unverified} not verified from the files · ${VERDICT_ICON['n/a']} not applicable to the profile`;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML (element content and quoted attributes): `& < > " '`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

const ENTITY_SPECIALS = /[&<>"'\\`*_[\](){}#|~$!]/g;

/**
 * Like `escapeMarkdown`, but with numeric character references only (no backslashes), so the result
 * reads the same in raw HTML (a `<summary>`), where backslash escapes are not processed, and in markdown.
 */
export function escapeHtmlInline(text: string): string {
  return flatten(text).replace(ENTITY_SPECIALS, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Makes text from a file inert in GitHub markdown, on one line: line breaks and control
 * characters are neutralised, markdown specials (`\ ` * _ [ ] ( ) { } # | ~ $ !`) are
 * backslash-escaped, HTML specials become entities, and a leading list / heading marker is
 * escaped, so the result is safe anywhere in a line, table cells included.
 */
export function escapeMarkdown(text: string): string {
  const markdown = flatten(text)
    .replace(/[\\`*_[\](){}#|~$!]/g, '\\$&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return escapeHtml(markdown);
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `max` UTF-8 bytes without splitting a character. */
function clampBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  const buffer = Buffer.from(text, 'utf8');
  let end = Math.max(0, max);
  while (end > 0 && ((buffer[end] as number) & 0xc0) === 0x80) end--;
  return buffer.subarray(0, end).toString('utf8');
}

function title(report: GateReport): string {
  const total = report.connectors.length;
  const failing = report.connectors.filter((connector) => !connector.eligible).length;
  if (report.internalErrors.length > 0) return `## ⚠️ ${TOOL_NAME}: internal error (the results below may be incomplete)`;
  if (total === 0) return `## ℹ️ ${TOOL_NAME}: no connector packages found`;
  if (failing === 0) return `## ✅ ${TOOL_NAME}: ${total === 1 ? 'the connector is' : `all ${total} connectors are`} eligible`;
  return `## ❌ ${TOOL_NAME}: ${failing} of ${plural(total, 'connector')} not eligible`;
}

function tableRow(connector: ConnectorResult): string {
  const cells = [
    escapeMarkdown(truncate(connector.name, MAX_NAME)),
    escapeMarkdown(truncate(connector.profile, MAX_NAME)),
    connector.eligible ? '✅ yes' : '❌ no',
    ...CRITERIA.map((criterion) => VERDICT_ICON[connector.verdicts[criterion]] ?? VERDICT_ICON['n/a']),
  ];
  return `| ${cells.join(' | ')} |`;
}

const TABLE_HEAD = [
  `| Connector | Profile | Eligible | ${CRITERIA.map((criterion) => CRITERION_TITLE[criterion]).join(' | ')} |`,
  `| --- | --- | --- | ${CRITERIA.map(() => ':-:').join(' | ')} |`,
].join('\n');

/** Table rows within `budget` bytes; when not all fit, the connectors that are not eligible come first. */
function table(connectors: readonly ConnectorResult[], budget: number): string[] {
  const rows = connectors.map((connector) => ({ connector, row: tableRow(connector) }));
  const size = rows.reduce((sum, { row }) => sum + bytes(row) + 1, bytes(TABLE_HEAD) + 2);
  if (size <= budget) return ['', TABLE_HEAD, ...rows.map(({ row }) => row)];
  const ordered = [...rows.filter(({ connector }) => !connector.eligible), ...rows.filter(({ connector }) => connector.eligible)];
  const shown: string[] = [];
  // Room for the note below the table (one line, under 300 bytes).
  let used = bytes(TABLE_HEAD) + 2 + 300;
  let failingShown = 0;
  for (const { connector, row } of ordered) {
    if (used + bytes(row) + 1 > budget) break;
    used += bytes(row) + 1;
    shown.push(row);
    if (!connector.eligible) failingShown++;
  }
  const left = connectors.length - shown.length;
  const failingLeft = connectors.filter((connector) => !connector.eligible).length - failingShown;
  const note =
    `_${plural(left, 'more connector')} not shown (${failingLeft} of them not eligible) to keep this summary small; ` +
    'connectors that are not eligible are listed first. The JSON report (`--format json`) lists them all._';
  return ['', TABLE_HEAD, ...shown, '', note];
}

/** A bulleted list of at most MAX_LISTED one-line items. */
function list(heading: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  const lines = ['', heading, ''];
  for (const item of items.slice(0, MAX_LISTED)) lines.push(`- ${escapeMarkdown(truncate(item, MAX_MESSAGE))}`);
  if (items.length > MAX_LISTED) lines.push(`- … and ${items.length - MAX_LISTED} more (see the JSON report)`);
  return lines;
}

/** What the config file suppressed, and its stale ignore entries (notices: they never fail the run). */
function suppressionSection(report: GateReport): string[] {
  const suppressions = report.suppressions;
  if (!suppressions) return [];
  const stale = suppressions.stale.map((entry) => staleLine(suppressions, entry));
  return ['', `🔕 ${escapeMarkdown(suppressionLine(suppressions))}.`, ...list('### ℹ️ Stale ignore entries (they matched nothing)', stale)];
}

export function findingLine(finding: Finding, sourceUrl?: SourceUrl): string {
  const location = `<code>${escapeMarkdown(`${truncate(finding.file, MAX_PATH)}:${finding.line}`)}</code>`;
  const place = sourceUrl ? `<a href="${escapeHtml(sourceUrl(finding.file, finding.line))}">${location}</a>` : location;
  const rule = `[${escapeMarkdown(truncate(finding.ruleId, MAX_NAME))}](${ruleDocUrl(finding.ruleId)})`;
  return `- ${place} ${LEVEL_LABEL[finding.level]} ${rule}: ${escapeMarkdown(truncate(finding.message, MAX_MESSAGE))}`;
}

function detailsOpen(connector: ConnectorResult, open: boolean): string {
  const counts = countLevels(connector.findings);
  const parts = (['error', 'warning', 'notice'] as const).filter((level) => counts[level] > 0).map((level) => plural(counts[level], level));
  const label = `${escapeHtmlInline(truncate(connector.name, MAX_NAME))} (${escapeHtmlInline(truncate(connector.dir, MAX_PATH))}, ${escapeHtmlInline(truncate(connector.profile, MAX_NAME))})`;
  return `<details${open ? ' open' : ''}><summary>${connector.eligible ? '✅' : '❌'} ${label}: ${parts.join(', ')}</summary>\n`;
}
const DETAILS_CLOSE = '\n</details>\n';
/** Breaking changes against the base revision get their own section in each connector's details. */
const BREAKING_HEAD = '\n**Breaking changes** (compared with the base revision):\n';
const isBreaking = (finding: Finding): boolean => finding.criterion === 'compatibility';

/**
 * The job summary. Findings are added most severe first (errors of every connector, then
 * warnings, then notices; connectors take turns within a level) while they fit under `maxBytes`;
 * the rest are counted in a closing note.
 */
export function formatMarkdown(report: GateReport, options: MarkdownOptions = {}): string {
  const maxBytes = Math.max(0, Math.floor(options.maxBytes ?? DEFAULT_MARKDOWN_MAX_BYTES));
  const allFindings = report.connectors.flatMap((connector) => connector.findings);
  const counts = countLevels(allFindings);

  const head = [title(report), '', `${levelSummary(counts)} in ${plural(report.connectors.length, 'connector')}.`];
  head.push(...suppressionSection(report));
  head.push(...list('### ⚠️ Internal errors (a bug in connector-gate: please report it)', report.internalErrors));
  const tail = ['', LEGEND, ...list('### Notes', report.notes)];
  let used = bytes(head.join('\n')) + bytes(tail.join('\n')) + 2 + NOTE_RESERVE;

  const tableBudget = allFindings.length > 0 ? Math.floor((maxBytes - used) / 2) : maxBytes - used;
  const tableLines = report.connectors.length > 0 ? table(report.connectors, tableBudget) : [];
  used += bytes(tableLines.join('\n')) + 1;

  // Choose the findings: most severe first across connectors, stop at the first that does not fit.
  const withFindings = report.connectors.filter((connector) => connector.findings.length > 0);
  const open = withFindings.length <= 5;
  const chosen = new Map<ConnectorResult, Finding[]>();
  // Most severe first; within a level, round-robin over the connectors, so one connector with
  // thousands of errors cannot hide the errors of the others. Pairs, not a finding → connector
  // map: a hand-made report may share finding objects.
  const ordered = withFindings
    .flatMap((connector, connectorIndex) => {
      const seen: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
      return connector.findings.map((finding) => ({ finding, connector, connectorIndex, turn: seen[finding.level]++ }));
    })
    .sort(
      (a, b) => LEVEL_RANK[a.finding.level] - LEVEL_RANK[b.finding.level] || a.turn - b.turn || a.connectorIndex - b.connectorIndex,
    );
  const findingsHead = '\n### Findings\n';
  let shown = 0;
  if (ordered.length > 0) used += bytes(findingsHead);
  const line = (finding: Finding): string => findingLine(finding, options.sourceUrl);
  for (const { finding, connector } of ordered) {
    const text = line(finding);
    const overhead =
      (chosen.has(connector) ? 0 : bytes(detailsOpen(connector, open)) + bytes(DETAILS_CLOSE) + 2) +
      (isBreaking(finding) && !chosen.get(connector)?.some(isBreaking) ? bytes(BREAKING_HEAD) + 1 : 0);
    const cost = bytes(text) + 1 + overhead;
    if (used + cost > maxBytes) break;
    used += cost;
    const picked = chosen.get(connector) ?? [];
    picked.push(finding);
    chosen.set(connector, picked);
    shown++;
  }

  const out = [...head, ...tableLines, ...tail];
  if (ordered.length > 0) {
    out.push(findingsHead);
    for (const connector of withFindings) {
      const picked = chosen.get(connector);
      if (!picked) continue;
      out.push(detailsOpen(connector, open));
      for (const finding of bySeverity(picked.filter((f) => !isBreaking(f)))) out.push(line(finding));
      const breaking = picked.filter(isBreaking);
      if (breaking.length > 0) out.push(BREAKING_HEAD, ...bySeverity(breaking).map(line));
      out.push(DETAILS_CLOSE);
    }
  }
  const omitted = ordered.length - shown;
  if (omitted > 0) {
    out.push(
      '',
      `> ⚠️ **${plural(omitted, 'finding')} ${omitted === 1 ? 'was' : 'were'} left out** to keep this summary under ${maxBytes} bytes. ` +
        'All findings are in the JSON report (`--format json`) and the SARIF report (`--format sarif`).',
    );
  }
  return clampBytes(`${out.join('\n')}\n`, maxBytes);
}
