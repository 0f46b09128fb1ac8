// The breaking-change rules (criterion `compatibility`): one rule per kind of change, all fed by a
// single comparison per connector. They run only when the edge supplied a base revision
// (`options.base`); the engine skips the criterion otherwise, so its verdict is "n/a".
import { parseJsonDocument } from '../engine/json/document.js';
import type { ConnectorOptions, ConnectorPackage, Rule, RuleLevel } from '../engine/types.js';
import { defineRule, levels, parsedApiProperties, parsedSwagger, type ParsedJsonFile } from '../rules/define.js';
import { compareApiProperties, compareSwagger, type ParsedDocument } from './compare.js';
import type { BaseFileKind, BaseRevision, BreakingAllow, Change, ChangeKind } from './types.js';

/** Microsoft's change validator fails these (rules.md §4): errors for submissions, warnings for private connectors. */
const BREAKING = levels('error', 'error', 'warning');
/** Documented or obvious breaks that Microsoft's validator has not been seen to flag: warnings. */
const LIKELY_BREAKING = levels('warning', 'warning', 'warning');

interface BreakingRuleSpec {
  kind: ChangeKind;
  id: string;
  description: string;
  level: Record<ConnectorPackage['profile'], RuleLevel>;
}

export const BREAKING_RULE_SPECS: readonly BreakingRuleSpec[] = [
  { kind: 'operation-removed', id: 'breaking-operation-removed', description: 'No operation of the base is deleted or renamed (operationId changed).', level: BREAKING },
  { kind: 'path-changed', id: 'breaking-path-changed', description: "No operation's path template or HTTP method changes.", level: BREAKING },
  { kind: 'parameter-location', id: 'breaking-parameter-location', description: 'No parameter moves to another location (in: path, query, header, body, formData).', level: BREAKING },
  { kind: 'required-input-added', id: 'breaking-required-input-added', description: 'No new required parameter or required body field is added to an existing operation.', level: BREAKING },
  { kind: 'input-became-required', id: 'breaking-input-required', description: 'No optional parameter or body field becomes required.', level: BREAKING },
  { kind: 'input-enum-added', id: 'breaking-enum-added', description: 'No enum is added to an input that accepted any value.', level: BREAKING },
  { kind: 'input-enum-value-removed', id: 'breaking-enum-value-removed', description: "No value is removed from an input's enum.", level: BREAKING },
  { kind: 'output-removed', id: 'breaking-output-removed', description: 'No response field (or response schema) is deleted.', level: BREAKING },
  { kind: 'output-type-changed', id: 'breaking-output-type-changed', description: 'No response field changes type.', level: BREAKING },
  { kind: 'output-enum-removed', id: 'breaking-output-enum-removed', description: 'No response field loses its enum.', level: BREAKING },
  { kind: 'auth-changed', id: 'breaking-auth-changed', description: 'The authentication type (securityDefinitions, apiProperties connection parameters) does not change.', level: BREAKING },
  { kind: 'trigger-changed', id: 'breaking-trigger-changed', description: 'No operation changes trigger kind (x-ms-trigger single, batch, or an action).', level: BREAKING },
  { kind: 'parameter-removed', id: 'breaking-parameter-removed', description: 'No parameter or body field that flows can set is removed.', level: LIKELY_BREAKING },
  { kind: 'input-type-narrowed', id: 'breaking-type-narrowed', description: 'No input changes to a type that rejects values the old type accepted.', level: LIKELY_BREAKING },
  { kind: 'visibility-internal', id: 'breaking-visibility-internal', description: 'No visible operation, parameter or input field becomes x-ms-visibility internal (unless deprecated).', level: LIKELY_BREAKING },
];

interface Compared {
  base: BaseRevision;
  changes: Change[];
}

/** One comparison per connector package and base, shared by all the rules. */
const cache = new WeakMap<ConnectorPackage, Compared>();

function parsedBase(base: BaseRevision, connector: ConnectorPackage, kind: BaseFileKind): ParsedDocument | undefined {
  const text = base.read(connector, kind);
  if (text === undefined) return undefined;
  const doc = parseJsonDocument(text);
  return doc.root?.type === 'object' ? (doc as ParsedDocument) : undefined;
}

function objectFile(file: ParsedJsonFile | undefined): ParsedJsonFile | undefined {
  return file?.doc.root.type === 'object' ? file : undefined;
}

/** The breaking changes of a connector against the base (none for a connector that is new). */
export function breakingChanges(connector: ConnectorPackage, base: BaseRevision): Change[] {
  const cached = cache.get(connector);
  if (cached?.base === base) return cached.changes;
  const changes: Change[] = [];
  const swagger = objectFile(parsedSwagger(connector));
  const oldSwagger = swagger && parsedBase(base, connector, 'swagger');
  if (swagger && oldSwagger) {
    changes.push(...compareSwagger(oldSwagger, swagger.doc));
    // apiProperties.json is compared only for a connector that existed (its swagger did).
    const apiProperties = objectFile(parsedApiProperties(connector));
    const oldApiProperties = apiProperties && parsedBase(base, connector, 'apiProperties');
    if (apiProperties && oldApiProperties) changes.push(...compareApiProperties(oldApiProperties, apiProperties.doc));
  }
  cache.set(connector, { base, changes });
  return changes;
}

/** Whether an allow entry of the config accepts this change. */
export function isAllowed(ruleId: string, change: Change, allow: readonly BreakingAllow[] | undefined): boolean {
  return (allow ?? []).some(
    (entry) =>
      typeof entry.reason === 'string' &&
      entry.reason.trim() !== '' &&
      (entry.rule === undefined || entry.rule === ruleId) &&
      (entry.target === undefined || change.targets.includes(entry.target)),
  );
}

function breakingRule(spec: BreakingRuleSpec): Rule {
  return defineRule({
    meta: { id: spec.id, criterion: 'compatibility', description: spec.description, level: spec.level },
    check({ connector, options, report }) {
      const { base, breaking } = options as ConnectorOptions;
      if (!base || breaking?.level === 'off') return;
      for (const change of breakingChanges(connector, base)) {
        if (change.kind !== spec.kind || isAllowed(spec.id, change, breaking?.allow)) continue;
        const file = change.file === 'swagger' ? connector.files.swagger : connector.files.apiProperties;
        if (!file) continue;
        report({
          file,
          node: change.node,
          ...(change.at ? { at: change.at } : {}),
          message: change.message,
          ...(breaking?.level === 'warning' ? { recommended: true } : {}),
        });
      }
    },
  });
}

export const breakingRules: readonly Rule[] = BREAKING_RULE_SPECS.map(breakingRule);

/** Rule ids of the breaking-change rules (the markdown summary groups their findings). */
