// Shared vocabulary of the engine. The engine is pure: files in, findings out.
import type { JsonFile, BinaryFile, TextFile } from './files.js';

export const PROFILES = ['certified', 'independent-publisher', 'custom'] as const;
export type Profile = (typeof PROFILES)[number];

/** Levels a finding can have, most severe first. */
export const LEVELS = ['error', 'warning', 'notice'] as const;
export type Level = (typeof LEVELS)[number];
export type RuleLevel = Level | 'off';

/** Certification criteria, in the order the summary shows them. */
export const CRITERIA = [
  'definition',
  'ownership',
  'authentication',
  'support',
  'availability',
  'completeness',
  'icon',
  'metadata',
] as const;
export type Criterion = (typeof CRITERIA)[number];

/** A machine-applicable edit: replace `length` UTF-16 units at `offset` with `text`. */
export interface Fix {
  offset: number;
  length: number;
  text: string;
}

export interface Finding {
  ruleId: string;
  criterion: Criterion;
  level: Level;
  message: string;
  /** Connector folder, relative to the root, with `/` separators. */
  connector: string;
  /** File, relative to the root, with `/` separators. */
  file: string;
  /** 1-based, UTF-16 columns (what GitHub and SARIF expect). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON pointer of the offending node, when the finding is in a JSON file. */
  pointer?: string;
  /** The criterion could not be verified from the files (shown as "not verified", not as a pass). */
  unverified?: boolean;
  fix?: Fix;
}

export interface ConnectorFiles {
  swagger?: JsonFile;
  apiProperties?: JsonFile;
  settings?: JsonFile;
  icon?: BinaryFile;
  readme?: TextFile;
  script?: TextFile;
}

export interface ConnectorPackage {
  /** Folder name, e.g. "Contoso Frames". */
  name: string;
  /** Folder relative to the root, `/` separators ("." for the root itself). */
  dir: string;
  absDir: string;
  profile: Profile;
  files: ConnectorFiles;
}

/** Settings that apply to one connector (action inputs, CLI flags, later the config file). */
export interface ConnectorOptions {
  /** Domains (suffix match) or exact hosts the publisher owns. Empty = ownership not verified. */
  ownedDomains: string[];
  /** Declared availability SLA in percent, e.g. 99.95. */
  sla?: number;
}

/** What a rule reports; the engine turns it into a Finding. */
export interface Problem {
  file: JsonFile | BinaryFile | TextFile;
  /** Node to point at. Without it the finding sits on line 1 of the file. */
  node?: import('jsonc-parser').Node;
  /** For a node that is a property value: point at its key instead (for "missing X in this object"). */
  at?: 'key' | 'value';
  /** Explicit range in the file text, when there is no node (text files). */
  offset?: number;
  length?: number;
  message: string;
  /** A recommendation inside an otherwise required rule: the level is capped at warning. */
  recommended?: boolean;
  /** The criterion cannot be verified from the files (no owned domains given, no SLA declared): a notice. */
  unverified?: boolean;
  fix?: Fix;
}

export interface RuleContext {
  readonly connector: ConnectorPackage;
  readonly options: ConnectorOptions;
  report(problem: Problem): void;
}

export interface RuleMeta {
  /** Stable kebab-case id; the catalog id from shared/spec/rules.md where one exists. */
  id: string;
  criterion: Criterion;
  /** One line: what the rule checks. */
  description: string;
  /** Level per profile; `off` means the rule does not apply to that profile. */
  level: Record<Profile, RuleLevel>;
}

/** A rule: metadata plus a check, like an ESLint rule's `meta` + `create`. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export type Verdict = 'pass' | 'fail' | 'warn' | 'unverified' | 'n/a';

export interface ConnectorResult {
  name: string;
  dir: string;
  profile: Profile;
  verdicts: Record<Criterion, Verdict>;
  /** True when no finding at error level: every required criterion is met. */
  eligible: boolean;
  findings: Finding[];
}

export interface GateReport {
  connectors: ConnectorResult[];
  /** Problems that belong to no connector (unreadable paths, skipped symlinks). */
  notes: string[];
  /** Crashes of connector-gate itself (a rule threw): the run fails and blames the tool. */
  internalErrors: string[];
  counts: Record<Level, number>;
}
