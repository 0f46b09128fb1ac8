import type { BreakingAllow } from '../breaking/types.js';
// The configuration file (`.github/connector-gate.yml`), parsed and checked. See docs/configuration.md.
import type { Profile, RuleLevel } from '../engine/types.js';
import type { Glob } from './glob.js';

export const DEFAULT_CONFIG_FILE = '.github/connector-gate.yml';

/** Levels a rule can be set to in the config. */
export const CONFIG_LEVELS = ['off', 'notice', 'warning', 'error'] as const satisfies readonly RuleLevel[];

/** `breaking:` (read by the breaking-change check): the level of a breaking change. */
export const BREAKING_LEVELS = ['error', 'warning', 'off'] as const;
export type BreakingLevel = (typeof BREAKING_LEVELS)[number];

/** 1-based line and column (UTF-16 units) in the config file. */
export interface Position {
  line: number;
  column: number;
}

/** `rules: { <id>: <level> }`, globally or in a connector entry. */
export interface LevelOverride extends Position {
  ruleId: string;
  level: RuleLevel;
}

/** An item of `connectors:`: settings for the connector folders that match. Later entries win. */
export interface ConnectorEntry extends Position {
  match: Glob[];
  profile?: Profile | 'auto';
  ownedDomains?: string[];
  sla?: number;
  rules: LevelOverride[];
  /** Breaking changes accepted for these connectors (for example one never released), each with its reason. */
  breakingAllow?: BreakingAllow[];
}

export interface IgnorePointer extends Position {
  /** The pointer as written. */
  pointer: string;
  /** Written as `/a/b/**`: matches `/a/b` and everything below it. */
  subtree: boolean;
  /** Without the `/**`. */
  base: string;
}

/** An item of `ignore:`: findings of `rule` in files matching `file` (at `pointer`, when given). */
export interface IgnoreEntry extends Position {
  /** 0-based index in the ignore list. */
  index: number;
  file: Glob;
  ruleId: string;
  /** Undefined: every finding of the rule in the file. */
  pointers?: IgnorePointer[];
  reason: string;
}

export interface GateConfig {
  /** As shown in messages: relative to the root with `/` separators (absolute when outside it). */
  file: string;
  absFile: string;
  /** The file's text (the baseline writer edits it, keeping comments). */
  text: string;
  /** Global level overrides. */
  rules: LevelOverride[];
  connectors: ConnectorEntry[];
  ignore: IgnoreEntry[];
  /** Level of breaking changes, for the breaking-change check; undefined = its default. */
  breaking?: BreakingLevel;
}
