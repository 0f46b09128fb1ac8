// Terminal output: one line per finding, `file:line:col  level  message  rule-id`, so terminals
// and editors turn the location into a link. Grouped by connector under a verdict header.
import type { ConnectorResult, Finding, GateReport, Level } from '../engine/types.js';
import { countLevels, inertForRunner, levelSummary, oneLine, plural } from './text.js';
import { suppressionLine } from '../config/summary.js';
import { joinChunks } from './output.js';

export interface StylishOptions {
  /** ANSI colours (off by default; the CLI turns them on for a TTY without NO_COLOR). */
  color?: boolean;
}

/** Longest message shown; longer ones end in `…` (the JSON report has them whole). */
export const STYLISH_MAX_MESSAGE = 2000;
const MAX_PATH = 1000;

type Paint = (code: string, text: string) => string;

const LEVEL_COLOR: Record<Level, string> = { error: '31', warning: '33', notice: '36' };

function findingLine(finding: Finding, paint: Paint): string {
  const location = `${oneLine(finding.file, MAX_PATH)}:${finding.line}:${finding.column}`;
  const level = paint(LEVEL_COLOR[finding.level], finding.level.padEnd(7));
  const message = oneLine(finding.message, STYLISH_MAX_MESSAGE);
  return `  ${location}  ${level}  ${message}  ${paint('2', oneLine(finding.ruleId, 200))}`;
}

function header(connector: ConnectorResult, paint: Paint): string {
  const verdict = connector.eligible ? paint('32', '✔ eligible') : paint('31', '✖ not eligible');
  return `${paint('1', oneLine(connector.dir, MAX_PATH))}  ${oneLine(connector.profile, 100)}  ${verdict}`;
}

/**
 * Human-readable report for a terminal, in chunks of one line each. Text from the files is
 * flattened to one line and stripped of control characters.
 */
export function* stylishChunks(report: GateReport, options: StylishOptions = {}): Generator<string> {
  // Printed to CI logs: a folder named `::error::…` must not become a workflow command.
  for (const line of stylishLines(report, options)) yield inertForRunner(`${line}\n`);
}

/** The stylish report as one string (see `stylishChunks`). */
export function formatStylish(report: GateReport, options: StylishOptions = {}): string {
  return joinChunks(stylishChunks(report, options));
}

function* stylishLines(report: GateReport, options: StylishOptions): Generator<string> {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  for (const connector of report.connectors) {
    yield header(connector, paint);
    for (const finding of connector.findings) yield findingLine(finding, paint);
    yield '';
  }
  const { suppressions } = report;
  if (suppressions) {
    // Stale ignore entries of the config file: clickable notices (they never fail the run).
    for (const stale of suppressions.stale) {
      const location = `${oneLine(suppressions.configFile, MAX_PATH)}:${stale.line}:${stale.column}`;
      yield `  ${location}  ${paint(LEVEL_COLOR.notice, 'notice'.padEnd(7))}  ${oneLine(stale.message, STYLISH_MAX_MESSAGE)}  ${paint('2', 'stale-ignore')}`;
    }
    yield `note: ${oneLine(suppressionLine(suppressions), STYLISH_MAX_MESSAGE)}`;
  }
  for (const note of report.notes) yield `note: ${oneLine(note, STYLISH_MAX_MESSAGE)}`;
  for (const error of report.internalErrors) yield paint('31', `internal error: ${oneLine(error, STYLISH_MAX_MESSAGE)}`);
  if (report.notes.length > 0 || report.internalErrors.length > 0 || suppressions) yield '';

  const counts = countLevels(report.connectors.flatMap((connector) => connector.findings));
  const failed = counts.error > 0 || report.internalErrors.length > 0;
  const totals = `${failed ? '✖' : '✔'} ${levelSummary(counts)} in ${plural(report.connectors.length, 'connector')}`;
  yield paint(failed ? '31;1' : counts.warning > 0 ? '33;1' : '32;1', totals);
}
