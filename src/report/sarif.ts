// SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer). One run; every rule is listed,
// not only those that fired, so the catalogue is visible in the tool's rule list.
import { createHash } from 'node:crypto';
import { PROFILES, type Finding, type GateReport, type Level, type Rule, type RuleLevel, type SuppressionReport } from '../engine/types.js';
import { RULES } from '../rules/index.js';
import { ruleDocUrl, toolUri, toWellFormed, TOOL_NAME, TOOL_VERSION } from './links.js';
import { joinChunks } from './output.js';
import { inertJson } from './text.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** Key of our fingerprint in `partialFingerprints` (versioned: change the recipe, bump it). */
export const FINGERPRINT_KEY = 'connectorGate/v1';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { criterion: string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: { level: SarifLevel; message: { text: string }; locations?: SarifResult['locations'] }[];
    }[];
    results: SarifResult[];
    /** `suppressed`: what the config file suppressed (only when a config was read). */
    properties?: { suppressed: { configFile: string; total: number; ignored: number; off: number } };
  }[];
}

const SARIF_LEVEL: Record<Level, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };
const RANK: Record<RuleLevel, number> = { error: 0, warning: 1, notice: 2, off: 3 };

/** A rule's default level: its most severe level over the profiles (`none` when off everywhere). */
function defaultLevel(rule: Rule): SarifLevel {
  let best: RuleLevel = 'off';
  for (const profile of PROFILES) {
    const level = rule.meta.level[profile];
    if (level !== undefined && RANK[level] < RANK[best]) best = level;
  }
  return best === 'off' ? 'none' : SARIF_LEVEL[best];
}

/** `info-title-length` → `InfoTitleLength` (SARIF's `name` is an identifier-like label). */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * A relative path as a URI reference: each segment percent-encoded (space → %20, `%` → %25,
 * `:` → %3A so a first segment cannot read as a scheme, `#` and `?` so they stay in the path).
 * Absolute paths (a path given outside the workspace) become `file://` URIs.
 */
export function pathToUri(file: string): string {
  const normalized = toWellFormed(file).replace(/\\/g, '/');
  const encode = (path: string): string =>
    path
      .split('/')
      .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
      .join('/');
  if (/^[A-Za-z]:\//.test(normalized)) return `file:///${normalized.slice(0, 2)}${encode(normalized.slice(2))}`;
  if (normalized.startsWith('/')) return `file://${encode(normalized)}`;
  return encode(normalized);
}

/**
 * Identifies a finding across commits: rule, file, JSON pointer and message, but not the line,
 * so adding lines above it does not make it a new alert.
 */
export function fingerprint(finding: Finding): string {
  const parts = [finding.ruleId, finding.file, finding.pointer ?? '', finding.message].map(toWellFormed);
  return createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex');
}

function positive(value: number, min = 1): number {
  return Number.isInteger(value) && value >= min ? value : min;
}

function region(finding: Finding): SarifResult['locations'][number]['physicalLocation']['region'] {
  const startLine = positive(finding.line);
  const startColumn = positive(finding.column);
  const endLine = positive(finding.endLine, startLine);
  const endColumn = endLine === startLine ? positive(finding.endColumn, startColumn) : positive(finding.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

/** Each rule's index in the driver's `rules` (the first, should an id repeat). */
function ruleIndexes(rules: readonly Rule[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  rules.forEach((rule, index) => {
    if (!indexOf.has(rule.meta.id)) indexOf.set(rule.meta.id, index);
  });
  return indexOf;
}

function sarifResult(finding: Finding, indexOf: Map<string, number>): SarifResult {
  const ruleIndex = indexOf.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: SARIF_LEVEL[finding.level],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(finding.file) }, region: region(finding) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding) },
  };
}

export function toSarif(report: GateReport, rules: readonly Rule[] = RULES): SarifLog {
  const log = sarifFrame(report, rules);
  const indexOf = ruleIndexes(rules);
  (log.runs[0] as SarifLog['runs'][number]).results = report.connectors.flatMap((connector) => connector.findings.map((finding) => sarifResult(finding, indexOf)));
  return log;
}

/** The log with every field but its results (left empty). */
function sarifFrame(report: GateReport, rules: readonly Rule[]): SarifLog {
  const sarifRules = rules.map(
    (rule): SarifRule => ({
      id: rule.meta.id,
      name: pascalCase(rule.meta.id),
      shortDescription: { text: rule.meta.description },
      helpUri: ruleDocUrl(rule.meta.id),
      defaultConfiguration: { level: defaultLevel(rule) },
      properties: { criterion: rule.meta.criterion },
    }),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: toolUri(), rules: sarifRules },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.internalErrors.length === 0,
            toolExecutionNotifications: [
              ...report.internalErrors.map((text) => ({ level: 'error' as const, message: { text } })),
              ...report.notes.map((text) => ({ level: 'note' as const, message: { text } })),
              // Stale ignore entries of the config file, on their line.
              ...(report.suppressions?.stale ?? []).map((stale) => ({
                level: 'note' as const,
                message: { text: stale.message },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: pathToUri((report.suppressions as SuppressionReport).configFile) },
                      region: { startLine: stale.line, startColumn: stale.column, endLine: stale.line, endColumn: stale.column },
                    },
                  },
                ],
              })),
            ],
          },
        ],
        results: [],
        ...(report.suppressions
          ? {
              properties: {
                suppressed: {
                  configFile: report.suppressions.configFile,
                  total: report.suppressions.ignored + report.suppressions.off,
                  ignored: report.suppressions.ignored,
                  off: report.suppressions.off,
                },
              },
            }
          : {}),
      },
    ],
  };
}

/** Where `runs[0].results` sits in the pretty-printed log: its items are indented this much. */
const RESULT_INDENT = '        ';

/**
 * SARIF 2.1.0 as pretty-printed JSON in chunks, one result each, ending in a newline. Joined, it is
 * exactly `JSON.stringify(toSarif(report, rules), null, 2)` (JSON.stringify never puts a raw line
 * break inside a string, so re-indenting a result line by line is safe).
 */
export function* sarifChunks(report: GateReport, rules: readonly Rule[] = RULES): Generator<string> {
  const text = JSON.stringify(sarifFrame(report, rules), null, 2);
  // Ours, not a file's: inside a JSON string every `"` follows a backslash.
  const marker = '"results": [';
  const at = text.indexOf(marker) + marker.length;
  yield inertJson(text.slice(0, at));
  const indexOf = ruleIndexes(rules);
  let any = false;
  for (const connector of report.connectors) {
    for (const finding of connector.findings) {
      const result = JSON.stringify(sarifResult(finding, indexOf), null, 2).replace(/\n/g, `\n${RESULT_INDENT}`);
      yield inertJson(`${any ? ',' : ''}\n${RESULT_INDENT}${result}`);
      any = true;
    }
  }
  yield `${any ? `\n${RESULT_INDENT.slice(2)}` : ''}${inertJson(text.slice(at))}\n`;
}

/** SARIF 2.1.0 as one string (see `sarifChunks`). */
export function formatSarif(report: GateReport, rules: readonly Rule[] = RULES): string {
  return joinChunks(sarifChunks(report, rules));
}
