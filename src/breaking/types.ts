// Vocabulary of breaking-change detection. The engine stays pure: the edge (CLI, action) supplies
// a BaseRevision that returns a connector's old file texts (from git), and the comparison works on
// parsed documents only.
import type { Node } from 'jsonc-parser';
import type { ConnectorPackage } from '../engine/types.js';

/** The package files compared with the base. */
export type BaseFileKind = 'swagger' | 'apiProperties';

/** A connector's files at the base revision. */
export interface BaseRevision {
  /**
   * The text of one of the connector's files at the base; undefined when the file did not exist
   * there (a connector that is new in the pull request has no breaking changes).
   */
  read(connector: ConnectorPackage, file: BaseFileKind): string | undefined;
}

/** `breaking:` in the config file: the level of every breaking-change rule. */
export type BreakingLevel = 'error' | 'warning' | 'off';

/** An accepted breaking change (for instance a connector that was never released). */
export interface BreakingAllow {
  /** Rule id (`breaking-operation-removed`); omitted: any breaking-change rule. */
  rule?: string;
  /** The operationId, parameter, field or file name the change is about; omitted: every change of the rule. */
  target?: string;
  /** Why it is accepted (required: it is shown in the review). */
  reason: string;
}

/** Breaking-change settings of one connector (set by the config file; defaults: rule levels, nothing allowed). */
export interface BreakingOptions {
  /** `error` keeps each rule's levels, `warning` caps them at warning, `off` disables the rules. */
  level?: BreakingLevel;
  allow?: readonly BreakingAllow[];
}

export type ChangeKind =
  | 'operation-removed'
  | 'path-changed'
  | 'parameter-location'
  | 'required-input-added'
  | 'input-became-required'
  | 'input-enum-added'
  | 'input-enum-value-removed'
  | 'output-removed'
  | 'output-type-changed'
  | 'output-enum-removed'
  | 'auth-changed'
  | 'parameter-removed'
  | 'input-type-narrowed'
  | 'visibility-internal'
  | 'trigger-changed';

/** One breaking change, positioned in the NEW file. */
export interface Change {
  kind: ChangeKind;
  file: BaseFileKind;
  /** Where the change shows in the new file; for a deletion, the parent that lost the item. */
  node: Node;
  /** Point at the node's key rather than its value. */
  at?: 'key' | 'value';
  message: string;
  /** Names the change is about (operationId, parameter or field name), for allow entries. */
  targets: string[];
}
