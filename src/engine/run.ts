// The engine: discover packages, run every applicable rule, turn problems into positioned findings.
// Packages are checked one at a time and dropped afterwards, so memory holds only the findings.
import { realpathSync } from 'node:fs';
import { detach } from './detach.js';
import { keyOf, pointerOf } from './json/tree.js';
import { discoverConnectors, loadConnector } from './discover.js';
import { repositoryIndex } from './repository.js';
import { RULES } from '../rules/index.js';
import { ConfigRun, NO_POLICY, type ConnectorPolicy } from '../config/apply.js';
import type { GateConfig } from '../config/types.js';
import {
  CRITERIA,
  LEVEL_RANK,
  LEVELS,
  type ConnectorOptions,
  type ConnectorPackage,
  type ConnectorResult,
  type Criterion,
  type Finding,
  type GateReport,
  type Level,
  type Problem,
  type Profile,
  type RepositoryIndex,
  type Rule,
  type RuleLevel,
  type Verdict,
} from './types.js';

export interface GateInput {
  /** Workspace (action) or current directory (CLI): paths in reports are relative to it. */
  root: string;
  paths: string[];
  profile: Profile | 'auto';
  options: ConnectorOptions;
  rules?: readonly Rule[];
  /** The config file, parsed (src/config/load.ts): per-connector settings and suppressions. */
  config?: GateConfig;
  /**
   * The repository that cross-connector rules (pr-not-duplicate, icon-unique) compare with, when it is
   * wider than `paths` (the action's changed-only mode checks only the touched connectors). Default: `paths`.
   */
  repositoryPaths?: string[];
}

function levelFor(rule: Rule, profile: Profile, problem: Problem, policy: ConnectorPolicy): RuleLevel {
  const level = policy.levelOf(rule, profile);
  if (level === 'off') return level;
  // "Cannot be verified from the files" is information, never a failure.
  if (problem.unverified) return 'notice';
  return problem.recommended && level === 'error' ? 'warning' : level;
}

interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  pointer?: string;
}

function locate(problem: Problem): Location {
  const { file } = problem;
  const lines = file.kind === 'json' ? file.doc.lines : file.kind === 'text' ? file.lines : undefined;
  let offset = problem.offset ?? 0;
  let length = problem.length ?? 0;
  let pointer: string | undefined;
  if (problem.node) {
    pointer = pointerOf(problem.node);
    const key = keyOf(problem.node);
    // Containers span many lines: point at their key (or opening bracket) instead of the whole block.
    const target =
      problem.at === 'key' || (problem.at === undefined && (problem.node.type === 'object' || problem.node.type === 'array'))
        ? key ?? problem.node
        : problem.node;
    offset = target.offset;
    length = target === problem.node && (target.type === 'object' || target.type === 'array') ? 1 : target.length;
  }
  if (!lines) return { line: 1, column: 1, endLine: 1, endColumn: 1, pointer };
  const start = lines.position(offset);
  const end = lines.position(offset + length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, pointer };
}

/**
 * Longest message a finding keeps. Rules quote file values shortened (`quote()`); this is the
 * backstop, so no rule can put a 10 MB string from a hostile file into every report and annotation.
 */
export const MAX_MESSAGE_LENGTH = 4000;

function capMessage(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** How bad a verdict is: a criterion's worst finding decides it. */
const VERDICT_RANK: Record<Verdict, number> = { 'n/a': 0, pass: 0, unverified: 1, warn: 2, fail: 3 };

/** What a finding says of its criterion: an error fails it, a warning warns, an unverified notice leaves it unverified. */
function findingVerdict(finding: Finding): Verdict {
  return finding.level === 'error' ? 'fail' : finding.level === 'warning' ? 'warn' : finding.unverified ? 'unverified' : 'pass';
}

/** One pass over the rules and one over the findings, not one of each per criterion: findings run to thousands per connector. */
function verdictsFor(connector: ConnectorPackage, rules: readonly Rule[], findings: Finding[], policy: ConnectorPolicy): Record<Criterion, Verdict> {
  const applying = new Set<Criterion>();
  for (const rule of rules) if (policy.levelOf(rule, connector.profile) !== 'off') applying.add(rule.meta.criterion);
  const worst = new Map<Criterion, Verdict>();
  for (const finding of findings) {
    const verdict = findingVerdict(finding);
    if (VERDICT_RANK[verdict] > VERDICT_RANK[worst.get(finding.criterion) ?? 'pass']) worst.set(finding.criterion, verdict);
  }
  const verdicts = {} as Record<Criterion, Verdict>;
  for (const criterion of CRITERIA) verdicts[criterion] = applying.has(criterion) ? (worst.get(criterion) ?? 'pass') : 'n/a';
  return verdicts;
}

/** Runs every rule that applies to the package's profile. A rule that throws is a tool bug. */
export function checkConnector(
  connector: ConnectorPackage,
  options: ConnectorOptions,
  rules: readonly Rule[],
  internalErrors: string[],
  policy: ConnectorPolicy = NO_POLICY,
  repository?: RepositoryIndex,
): ConnectorResult {
  // Compatibility rules compare with a base revision: without one they neither run nor get a verdict.
  if (!options.base) rules = rules.filter((rule) => rule.meta.criterion !== 'compatibility');
  const findings: Finding[] = [];
  for (const rule of rules) {
    // A rule the config turns off still runs (when its profile enables it): what it finds is counted as suppressed.
    if (rule.meta.level[connector.profile] === 'off' && policy.levelOf(rule, connector.profile) === 'off') continue;
    const report = (problem: Problem): void => {
      const level = levelFor(rule, connector.profile, problem, policy);
      if (level === 'off') return policy.silenced(rule.meta.id);
      const location = locate(problem);
      // Plain assignments rather than object spreads: tens of thousands of findings on a big repository.
      const finding: Finding = {
        ruleId: rule.meta.id,
        criterion: rule.meta.criterion,
        level,
        message: detach(capMessage(problem.message)),
        connector: connector.dir,
        file: problem.file.path,
        line: location.line,
        column: location.column,
        endLine: location.endLine,
        endColumn: location.endColumn,
      };
      if (location.pointer !== undefined) finding.pointer = detach(location.pointer);
      if (problem.unverified) finding.unverified = true;
      if (problem.fix) finding.fix = { offset: problem.fix.offset, length: problem.fix.length, text: detach(problem.fix.text) };
      // An ignore entry of the config covers it: dropped from findings and verdicts, counted.
      if (!policy.ignored(finding)) findings.push(finding);
    };
    try {
      // Two plain literals rather than a spread: this runs for every rule of every connector.
      rule.check(repository ? { connector, options, report, repository } : { connector, options, report });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      internalErrors.push(`rule ${rule.meta.id} crashed on ${connector.dir}: ${detail}`);
    }
  }
  findings.sort(compareFindings);
  return {
    name: connector.name,
    dir: connector.dir,
    profile: connector.profile,
    verdicts: verdictsFor(connector, rules, findings, policy),
    eligible: !findings.some((finding) => finding.level === 'error'),
    findings,
  };
}

export function runGate(input: GateInput): GateReport {
  const rules = input.rules ?? RULES;
  const root = realpathSync(input.root);
  const { folders, listings, notes } = discoverConnectors(root, input.paths);
  const internalErrors: string[] = [];
  const connectors: ConnectorResult[] = [];
  const configRun = input.config ? new ConfigRun(input.config) : undefined;
  // Built on the first rule that asks; holds strings and hashes only (memory stays flat). It walks
  // the repository's paths only when they are not the checked ones, whose folders are found already.
  const repositoryPaths = input.repositoryPaths ?? input.paths;
  const widerPaths = sameItems(repositoryPaths, input.paths) ? [] : repositoryPaths;
  const repository = repositoryIndex({ root, paths: widerPaths, folders, listings, profile: input.profile, ...(input.config ? { config: input.config } : {}) });
  for (const folder of folders) {
    let connector = loadConnector(root, folder, input.profile, listings.get(folder));
    const settings = configRun?.settingsFor(connector, input.options);
    if (settings) connector = { ...connector, profile: settings.profile };
    connectors.push(checkConnector(connector, settings?.options ?? input.options, rules, internalErrors, settings?.policy, repository));
  }
  const counts = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  for (const result of connectors) for (const finding of result.findings) counts[finding.level]++;
  return { connectors, notes, internalErrors, counts, ...(configRun ? { suppressions: configRun.summary() } : {}) };
}

const sameItems = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

/** All findings, most severe first, in report order within a level. */
export function findingsBySeverity(report: GateReport): Finding[] {
  const all = report.connectors.flatMap((connector) => connector.findings);
  return all.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
}
