// Shared vocabulary of the engine. The engine is pure: files in, findings out.
import type { JsonFile, BinaryFile, TextFile } from './files.js';

export const PROFILES = ['certified', 'independent-publisher', 'custom'] as const;
export type Profile = (typeof PROFILES)[number];

/** Levels a finding can have, most severe first. */
export const LEVELS = ['error', 'warning', 'notice'] as const;
export type Level = (typeof LEVELS)[number];
export type RuleLevel = Level | 'off';
/** Sort key of a level: most severe first. */
export const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, notice: 2 };

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
  /** Breaking changes against a base revision (src/breaking): only judged when a base is given. */
  'compatibility',
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
  /** intro.md: the Partner Center introduction (certified submissions). */
  intro?: TextFile;
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
  /**
   * Domains (suffix match) or exact hosts the publisher owns, as lowercase host names: the edges
   * normalize them with parseDomains (src/options.ts). Empty = ownership not verified.
   */
  ownedDomains: string[];
  /** Declared availability SLA in percent, e.g. 99.95. */
  sla?: number;
  /** The connector's files at the base revision (supplied by the edge, from git); absent: no breaking-change check. */
  base?: import('../breaking/types.js').BaseRevision;
  /** Breaking-change level and accepted changes (the config file's `breaking:`). */
  breaking?: import('../breaking/types.js').BreakingOptions;
  /** The pull request under review (action: the event payload; CLI: --pr-title/--pr-body-file); absent: PR rules do not run. */
  pullRequest?: { title: string; body: string; number?: number };
  /** Files the pull request changes, relative to the root (action, from the PR files API or git diff); absent: unknown. */
  changedFiles?: readonly string[];
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

/** One connector folder of the repository index: strings and a hash only, never file contents. */
export interface RepositoryEntry {
  /** Folder relative to the root, `/` separators (as `ConnectorPackage.dir`). */
  readonly dir: string;
  readonly profile: Profile;
  /** `info.title` (shortened to 200 characters) for comparisons: lower case, white space removed. */
  readonly titleKey?: string;
  /** SHA-256 (hex) of the icon's bytes, when the folder has a readable, non-empty icon. */
  readonly iconSha256?: string;
}

/** What rules may know about the other connectors of the checked repository (cross-connector rules). */
export interface RepositoryIndex {
  /** Real path of the run's root: rules that read further files go through files.ts with it. */
  readonly root: string;
  /**
   * The connector folders in scope whose `titleKey` is `key`, sorted by folder. The index is built on
   * first use, once per run, and looked up by key: a run stays linear in the number of connectors.
   */
  withTitleKey(key: string): readonly RepositoryEntry[];
  /** The connector folders in scope whose icon has this SHA-256 (hex), sorted by folder. */
  withIconSha256(hash: string): readonly RepositoryEntry[];
}

export interface RuleContext {
  readonly connector: ConnectorPackage;
  readonly options: ConnectorOptions;
  /** The other connectors of the run's repository scope; absent when a connector is checked alone. */
  readonly repository?: RepositoryIndex;
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
  /** What the config file suppressed, and its stale ignore entries (only when a config file was read). */
  suppressions?: SuppressionReport;
}

/** One reason findings were suppressed: an `ignore` entry, or a rule the config turned off. */
export interface SuppressionSource {
  kind: 'ignore' | 'off';
  ruleId: string;
  /** Where the ignore entry or the `off` override is written in the config file (1-based). */
  line: number;
  column: number;
  /** `ignore`: the entry's file glob and reason. */
  file?: string;
  reason?: string;
  count: number;
}

/** An ignore entry (or one pointer of it) that matched no finding: a notice, never a failure. */
export interface StaleIgnore {
  /** Index of the entry in the config's ignore list (0-based). */
  entry: number;
  ruleId: string;
  file: string;
  pointer?: string;
  line: number;
  column: number;
  message: string;
}

export interface SuppressionReport {
  /** The config file, relative to the root, `/` separators. */
  configFile: string;
  /** Findings dropped by ignore entries. */
  ignored: number;
  /** Findings of rules the config turned off. */
  off: number;
  /** Per entry / override, in config file order; only those that suppressed something. */
  sources: SuppressionSource[];
  stale: StaleIgnore[];
}
