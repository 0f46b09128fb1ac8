// Reading and checking the config file. YAML is parsed with positions, so every problem is one
// line naming the file, line and column; a bad config is never silently ignored.
import type { ErrorObject } from 'ajv';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { UsageError } from '../engine/discover.js';
import { decodeText, displayPath, readBytesSafely } from '../engine/files.js';
import type { Profile, RuleLevel } from '../engine/types.js';
import { parseDomains, parseSla } from '../options.js';
import { RULES } from '../rules/index.js';
import { compileGlob, type Glob } from './glob.js';
import { configValidator } from './schema.js';
import {
  DEFAULT_CONFIG_FILE,
  type BreakingLevel,
  type ConnectorEntry,
  type GateConfig,
  type IgnoreEntry,
  type IgnorePointer,
  type LevelOverride,
  type Position,
} from './types.js';

/** A problem in the config file: `file:line:col: what is wrong` (a usage error: CLI exit 2). */
export class ConfigError extends UsageError {
  constructor(
    message: string,
    readonly file: string,
    readonly position?: Position,
  ) {
    super(position ? `${file}:${position.line}:${position.column}: ${message}` : `${file}: ${message}`);
  }
}

export interface ConfigOptions {
  /** Rule ids the config may name (default: every registered rule). */
  ruleIds?: readonly string[];
}

/** Config files above this are refused (a baseline of a very large repository stays far below it). */
export const MAX_CONFIG_BYTES = 32 * 1024 * 1024;

/**
 * The config of a run: `explicit` (the `config` input / `--config`, relative to the root) must
 * exist; without it, `.github/connector-gate.yml` is read when present, and its absence means no config.
 */
export function loadConfigFile(root: string, explicit?: string, options: ConfigOptions = {}): GateConfig | undefined {
  const named = explicit !== undefined && explicit.trim() !== '';
  const absFile = path.resolve(root, named ? explicit.trim() : DEFAULT_CONFIG_FILE);
  const file = displayPath(root, absFile);
  if (!existsSync(absFile)) {
    if (!named) return undefined;
    throw new ConfigError('config file not found', file);
  }
  // The default file comes with the repository (maybe from a pull request): it must be a regular
  // file inside the workspace. A file named explicitly is the workflow's (or the user's) choice.
  const realRoot = realpathSync(root);
  const allowed = named ? path.dirname(realpathSync(absFile)) : realRoot;
  const raw = readBytesSafely(allowed, absFile);
  if (!raw.bytes) throw new ConfigError(raw.problem.message, file);
  if (raw.bytes.length > MAX_CONFIG_BYTES) throw new ConfigError(`is larger than ${MAX_CONFIG_BYTES / 1048576} MiB`, file);
  const { text, problem } = decodeText(raw.bytes);
  if (problem) throw new ConfigError(problem.message, file);
  return parseConfig(text, file, absFile, options);
}

/** A JSON pointer segment back to its key (`~1` → `/`, `~0` → `~`). */
function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `/connectors/0/rules/x` → `connectors[0].rules.x`, to say where in words as well as by line. */
function humanPath(instancePath: string): string {
  let out = '';
  for (const segment of instancePath.split('/').slice(1).map(unescapePointer)) {
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** The YAML node at a JSON pointer (or the map pair's key, for `at: 'key'`). */
function nodeAt(doc: Document, instancePath: string, at: 'key' | 'value' = 'value'): YamlNode | undefined {
  let node: unknown = doc.contents;
  let key: unknown;
  for (const segment of instancePath.split('/').slice(1).map(unescapePointer)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === segment);
      key = pair?.key;
      node = pair?.value;
    } else if (isSeq(node)) {
      key = undefined;
      node = node.items[Number(segment)];
    } else return undefined;
  }
  const chosen = at === 'key' && key !== undefined ? key : node;
  return chosen && typeof chosen === 'object' && 'range' in chosen ? (chosen as YamlNode) : undefined;
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

const TYPE_WORDS: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number' };

function describeError(error: ErrorObject): { message: string; at: 'key' | 'value'; path: string } {
  const params = error.params as Record<string, unknown>;
  const where = humanPath(error.instancePath);
  const prefix = where === '' ? '' : `${where}: `;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const path = `${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return { message: `${prefix}unknown key "${key}"; expected ${allowed.join(', ')}`, at: 'key', path };
    }
    case 'required':
      return { message: `${prefix || 'the config: '}missing "${String(params.missingProperty)}"`, at: 'value', path: error.instancePath };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      return { message: `${prefix}${JSON.stringify(error.data)} is not one of ${allowed}`, at: 'value', path: error.instancePath };
    }
    case 'type': {
      const types = String(params.type)
        .split(',')
        .map((type) => TYPE_WORDS[type] ?? type)
        .join(' or ');
      return { message: `${prefix || 'the config '}must be ${types}, not ${typeName(error.data)}`, at: 'value', path: error.instancePath };
    }
    case 'minLength':
    case 'minItems':
      return { message: `${prefix}must not be empty`, at: 'value', path: error.instancePath };
    case 'pattern':
      return error.instancePath.endsWith('/reason')
        ? { message: `${prefix}must say why the finding is accepted (it is blank)`, at: 'value', path: error.instancePath }
        : {
            message: `${prefix}${JSON.stringify(error.data)} is not a JSON pointer (it starts with "/" and escapes "~" and "/" as ~0 and ~1, e.g. /paths/~1items/get)`,
            at: 'value',
            path: error.instancePath,
          };
    default:
      return { message: `${prefix}${error.message ?? error.keyword}`, at: 'value', path: error.instancePath };
  }
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function unknownRuleMessage(id: string, valid: readonly string[]): string {
  const closest = [...valid].sort((a, b) => distance(id, a) - distance(id, b))[0];
  const hint = closest !== undefined && distance(id, closest) <= Math.max(2, Math.floor(id.length / 4)) ? ` (did you mean "${closest}"?)` : '';
  return `unknown rule "${id}"${hint}; valid rules: ${valid.join(', ')}`;
}

/** Parses and checks config text. Throws a ConfigError naming `file`, line and column. */
export function parseConfig(text: string, file: string, absFile = file, options: ConfigOptions = {}): GateConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fail = (message: string, node?: YamlNode | null): never => {
    throw new ConfigError(message, file, positionOf(node?.range?.[0] ?? 0));
  };

  const syntax = doc.errors[0];
  if (syntax) throw new ConfigError(`not valid YAML: ${syntax.message.split('\n')[0]}`, file, positionOf(syntax.pos[0]));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, file, positionOf(0));
  }
  // An empty file (or one holding only comments) is an empty config.
  if (value === null || value === undefined) value = {};

  const validate = configValidator();
  if (!validate(value)) {
    const error = (validate.errors ?? [])[0] as ErrorObject;
    const { message, at, path } = describeError(error);
    fail(message, nodeAt(doc, path, at) ?? nodeAt(doc, error.instancePath));
  }
  const data = value as RawConfig;

  const validIds = options.ruleIds ?? RULES.map((rule) => rule.meta.id);
  const known = new Set(validIds);
  const levelsAt = (instancePath: string, raw: Record<string, string> | undefined): LevelOverride[] =>
    Object.entries(raw ?? {}).map(([ruleId, level]) => {
      const keyPath = `${instancePath}/${ruleId.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!known.has(ruleId)) fail(`${humanPath(instancePath)}: ${unknownRuleMessage(ruleId, validIds)}`, nodeAt(doc, keyPath, 'key'));
      return { ruleId, level: level as RuleLevel, ...positionOf(nodeAt(doc, keyPath, 'key')?.range?.[0] ?? 0) };
    });
  const glob = (pattern: string, instancePath: string): Glob => {
    try {
      return compileGlob(pattern);
    } catch (error) {
      return fail(`${humanPath(instancePath)}: invalid glob ${JSON.stringify(pattern)} (${(error as Error).message})`, nodeAt(doc, instancePath));
    }
  };
  const startOf = (instancePath: string): Position => positionOf(nodeAt(doc, instancePath)?.range?.[0] ?? 0);

  const connectors = (data.connectors ?? []).map((raw, index): ConnectorEntry => {
    const at = `/connectors/${index}`;
    const matches = typeof raw.match === 'string' ? [raw.match] : raw.match;
    const entry: ConnectorEntry = {
      match: matches.map((pattern, i) => glob(pattern, typeof raw.match === 'string' ? `${at}/match` : `${at}/match/${i}`)),
      rules: levelsAt(`${at}/rules`, raw.rules),
      ...startOf(at),
    };
    if (raw.profile !== undefined) entry.profile = raw.profile;
    if (raw['owned-domains'] !== undefined) {
      const domains = raw['owned-domains'];
      try {
        entry.ownedDomains = parseDomains(typeof domains === 'string' ? domains.split(/[\s,]+/).filter(Boolean) : domains);
      } catch (error) {
        fail(`connectors[${index}].owned-domains: ${(error as Error).message}`, nodeAt(doc, `${at}/owned-domains`));
      }
    }
    if (raw.sla !== undefined) {
      try {
        const sla = parseSla(String(raw.sla));
        if (sla !== undefined) entry.sla = sla;
      } catch (error) {
        fail(`connectors[${index}].sla: ${(error as Error).message}`, nodeAt(doc, `${at}/sla`));
      }
    }
    if (raw['breaking-allow'] !== undefined) {
      entry.breakingAllow = raw['breaking-allow'].map((allow, i) => {
        if (allow.rule !== undefined && !(allow.rule.startsWith('breaking-') && known.has(allow.rule))) {
          fail(`connectors[${index}].breaking-allow[${i}].rule: "${allow.rule}" is not a breaking-change rule (breaking-…)`, nodeAt(doc, `${at}/breaking-allow/${i}/rule`));
        }
        if (allow.reason.trim() === '') fail(`connectors[${index}].breaking-allow[${i}].reason: say why the change is accepted`, nodeAt(doc, `${at}/breaking-allow/${i}/reason`));
        return { ...(allow.rule ? { rule: allow.rule } : {}), ...(allow.target ? { target: allow.target } : {}), reason: allow.reason };
      });
    }
    return entry;
  });

  const ignore = (data.ignore ?? []).map((raw, index): IgnoreEntry => {
    const at = `/ignore/${index}`;
    if (!known.has(raw.rule)) fail(`ignore[${index}].rule: ${unknownRuleMessage(raw.rule, validIds)}`, nodeAt(doc, `${at}/rule`));
    const entry: IgnoreEntry = { index, file: glob(raw.file, `${at}/file`), ruleId: raw.rule, reason: raw.reason.trim(), ...startOf(at) };
    if (raw.pointer !== undefined) {
      const list = typeof raw.pointer === 'string' ? [raw.pointer] : raw.pointer;
      entry.pointers = list.map((pointer, i): IgnorePointer => {
        const subtree = pointer === '/**' || pointer.endsWith('/**');
        return {
          pointer,
          subtree,
          base: subtree ? pointer.slice(0, -3) : pointer,
          ...startOf(typeof raw.pointer === 'string' ? `${at}/pointer` : `${at}/pointer/${i}`),
        };
      });
    }
    return entry;
  });

  return {
    file,
    absFile,
    text,
    rules: levelsAt('/rules', data.rules),
    connectors,
    ignore,
    ...(data.breaking === undefined ? {} : { breaking: data.breaking }),
  };
}

/** The config as the schema guarantees it. */
interface RawConfig {
  rules?: Record<string, string>;
  connectors?: {
    match: string | string[];
    profile?: Profile | 'auto';
    'owned-domains'?: string | string[];
    sla?: number | string;
    rules?: Record<string, string>;
    'breaking-allow'?: { rule?: string; target?: string; reason: string }[];
  }[];
  ignore?: { file: string; rule: string; pointer?: string | string[]; reason: string }[];
  breaking?: BreakingLevel;
}
