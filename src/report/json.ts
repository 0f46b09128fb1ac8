// The machine-readable report (`--format json`). The shape below is a public contract: add
// fields, never rename or remove them.
import { CRITERIA, type ConnectorResult, type Criterion, type Finding, type Fix, type GateReport, type Level, type Profile, type SuppressionReport, type Verdict } from '../engine/types.js';
import { TOOL_NAME, TOOL_VERSION } from './links.js';
import { joinChunks } from './output.js';
import { countLevels, inertJson } from './text.js';

export interface JsonFinding {
  ruleId: string;
  criterion: Criterion;
  level: Level;
  /** Whole, as the rule wrote it (not escaped, not shortened). */
  message: string;
  /** Relative to the root, `/` separators. */
  file: string;
  /** 1-based; columns in UTF-16 units; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON pointer of the offending node (JSON files only). */
  pointer?: string;
  /** The criterion could not be verified from the files. */
  unverified?: boolean;
  fix?: Fix;
}

export interface JsonConnector {
  /** Folder name. */
  name: string;
  /** Folder relative to the root. */
  dir: string;
  profile: Profile;
  eligible: boolean;
  /** One verdict per criterion, in the order of `CRITERIA`. */
  verdicts: Record<Criterion, Verdict>;
  /** In report order (file, line, column). */
  findings: JsonFinding[];
}

export interface JsonReport {
  tool: { name: string; version: string };
  /** `suppressed`: findings the config file suppressed (ignore entries and rules turned off); 0 without one. */
  summary: { connectors: number; eligible: number; errors: number; warnings: number; notices: number; suppressed: number };
  connectors: JsonConnector[];
  /** Problems that belong to no connector (skipped paths). */
  notes: string[];
  /** Crashes of connector-gate itself. */
  internalErrors: string[];
  /** What the config file suppressed, by source, and its stale ignore entries (only when a config was read). */
  suppressions?: SuppressionReport;
}

function jsonFinding(finding: Finding): JsonFinding {
  // Fields copied one by one, in a fixed order, so the output does not depend on how a finding was built
  // (and assigned rather than spread: a big report has tens of thousands).
  const result: JsonFinding = {
    ruleId: finding.ruleId,
    criterion: finding.criterion,
    level: finding.level,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
  if (finding.pointer !== undefined) result.pointer = finding.pointer;
  if (finding.unverified) result.unverified = true;
  if (finding.fix) result.fix = { offset: finding.fix.offset, length: finding.fix.length, text: finding.fix.text };
  return result;
}

function jsonConnector(connector: ConnectorResult): JsonConnector {
  const verdicts = {} as Record<Criterion, Verdict>;
  for (const criterion of CRITERIA) verdicts[criterion] = connector.verdicts[criterion] ?? 'n/a';
  return {
    name: connector.name,
    dir: connector.dir,
    profile: connector.profile,
    eligible: connector.eligible,
    verdicts,
    findings: connector.findings.map(jsonFinding),
  };
}

/** The report as a plain object with the documented shape (see `JsonReport`). */
export function toJsonReport(report: GateReport): JsonReport {
  return { ...reportFrame(report), connectors: report.connectors.map(jsonConnector) };
}

/** Everything but the connectors, in the field order of `JsonReport` (connectors left empty). */
function reportFrame(report: GateReport): JsonReport {
  const counts = countLevels(report.connectors.flatMap((connector) => connector.findings));
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: {
      connectors: report.connectors.length,
      eligible: report.connectors.filter((connector) => connector.eligible).length,
      errors: counts.error,
      warnings: counts.warning,
      notices: counts.notice,
      suppressed: report.suppressions ? report.suppressions.ignored + report.suppressions.off : 0,
    },
    connectors: [],
    notes: [...report.notes],
    internalErrors: [...report.internalErrors],
    ...(report.suppressions ? { suppressions: report.suppressions } : {}),
  };
}

/**
 * `JSON.stringify(value)` split inside its empty array `slot`, so the array's items can be streamed
 * in between. The first `"slot":[]` is ours: inside a JSON string every `"` follows a backslash.
 */
function splitAround(value: object, slot: string): [string, string] {
  const text = JSON.stringify(value);
  const marker = `"${slot}":[]`;
  const at = text.indexOf(marker);
  return [text.slice(0, at + marker.length - 1), text.slice(at + marker.length - 1)];
}

/**
 * The JSON report (compact: it is for machines; people read the summary) as chunks, one finding
 * each, ending in a newline. Joined, it is exactly `JSON.stringify(toJsonReport(report))`.
 */
export function* jsonReportChunks(report: GateReport): Generator<string> {
  const [head, tail] = splitAround(reportFrame(report), 'connectors');
  yield inertJson(head);
  let first = true;
  for (const connector of report.connectors) {
    const [open, close] = splitAround(jsonConnector({ ...connector, findings: [] }), 'findings');
    yield inertJson(`${first ? '' : ','}${open}`);
    first = false;
    let firstFinding = true;
    for (const finding of connector.findings) {
      yield inertJson(`${firstFinding ? '' : ','}${JSON.stringify(jsonFinding(finding))}`);
      firstFinding = false;
    }
    yield close;
  }
  yield `${inertJson(tail)}\n`;
}

/** The JSON report as one string (see `jsonReportChunks`). */
export function formatJson(report: GateReport): string {
  return joinChunks(jsonReportChunks(report));
}
