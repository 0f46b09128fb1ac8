// Helpers for writing rules: level tables and the few lookups most rules start with.
import type { JsonFile } from '../engine/files.js';
import type { Node } from '../engine/json/tree.js';
import type { ConnectorPackage, Profile, Rule, RuleLevel } from '../engine/types.js';

/** Level per profile, in the catalog's order: certified, independent publisher, custom. */
export function levels(certified: RuleLevel, independentPublisher: RuleLevel, custom: RuleLevel): Record<Profile, RuleLevel> {
  return { certified, 'independent-publisher': independentPublisher, custom };
}

export const ERROR_EVERYWHERE = levels('error', 'error', 'error');
/** Certification-only content rules: errors for submissions, warnings for private connectors. */
export const CERTIFICATION_ERROR = levels('error', 'error', 'warning');

export function defineRule(rule: Rule): Rule {
  return rule;
}

export type ParsedJsonFile = JsonFile & { doc: JsonFile['doc'] & { root: Node } };

function parsed(file: JsonFile | undefined): ParsedJsonFile | undefined {
  return file?.doc.root ? (file as ParsedJsonFile) : undefined;
}

/** The swagger file when it was read and at least partly parsed. */
export function parsedSwagger(connector: ConnectorPackage): ParsedJsonFile | undefined {
  return parsed(connector.files.swagger);
}

export function parsedApiProperties(connector: ConnectorPackage): ParsedJsonFile | undefined {
  return parsed(connector.files.apiProperties);
}

/** Quotes a value from a file for a message, shortened so one huge string cannot flood a report. */
export function quote(value: string, max = 80): string {
  const short = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return `'${short}'`;
}
