// JSON Schema validation with findings on the offending node. Validators are precompiled at build
// time (scripts/compile-schemas.mjs): compiling is the expensive part (swagger-parser recompiles on every call).
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonDocument } from '../json/document.js';
import { atPointer, prop, toValue, type Node } from '../json/tree.js';
import type { TreeCheck } from './tree-check.js';

export interface SchemaViolation {
  /** The node to point at: the offending value, or the key of an unexpected property. */
  node: Node;
  at: 'key' | 'value';
  message: string;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing required property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `property "${short(String(params.additionalProperty))}" is not allowed here`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `must be of type ${String(params.type)}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Keys come from the file: at most 120 characters of one in a message. */
function short(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Names the offending value by its last pointer segment: the finding's line says where it is. */
function subject(pointer: string): string {
  if (pointer === '') return 'the document';
  const last = (pointer.split('/').pop() as string).replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(last) ? `item ${last}` : `"${short(last)}"`;
}

/** Keywords whose failure only says "no branch matched"; their branches' errors say why. */
const ALTERNATIVES = new Set(['oneOf', 'anyOf', 'not', 'if']);

/** The document's value: JSON.parse when the text is strict JSON (fast), else built from the recovered tree. */
function valueOf(doc: JsonDocument, root: Node): unknown {
  return doc.problems.length === 0 ? JSON.parse(doc.text) : toValue(root);
}

const isAtOrBelow = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}/`);

/** One complaint: where, what, and how many alternative branches made it. */
interface Complaint {
  error: ErrorObject;
  message: string;
  votes: number;
}

/** Complaints keyed by place and message; enum errors at one place merge into one list of allowed values. */
function tally(errors: ErrorObject[]): Complaint[] {
  const byKey = new Map<string, Complaint>();
  for (const error of errors) {
    const key = error.keyword === 'enum' ? `${error.instancePath}\u0000enum` : `${error.instancePath}\u0000${describe(error)}`;
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, { error, message: describe(error), votes: 1 });
      continue;
    }
    known.votes++;
    if (error.keyword === 'enum') {
      const values = new Set([...(known.error.params.allowedValues as unknown[]), ...(error.params.allowedValues as unknown[])]);
      known.error = { ...known.error, params: { allowedValues: [...values] } };
      known.message = describe(known.error);
    }
  }
  return [...byKey.values()];
}

const KEYWORD_PREFERENCE = ['required', 'type', 'enum'];
const keywordRank = (keyword: string): number => {
  const rank = KEYWORD_PREFERENCE.indexOf(keyword);
  return rank === -1 ? KEYWORD_PREFERENCE.length : rank;
};

/**
 * Ajv reports every branch of a failed oneOf/anyOf: one bad key on a parameter yields a complaint
 * from the body, header, query, formData, path and $ref forms alike. Under each failed alternative,
 * keep only what the most branches agree on, which is what is really wrong.
 */
function explain(errors: ErrorObject[]): Complaint[] {
  const alternativePaths = [...new Set(errors.filter((e) => ALTERNATIVES.has(e.keyword)).map((e) => e.instancePath))];
  const roots = alternativePaths.filter((path) => !alternativePaths.some((other) => other !== path && isAtOrBelow(path, other)));
  const plain = errors.filter((e) => !ALTERNATIVES.has(e.keyword));
  const complaints = tally(plain.filter((e) => !roots.some((root) => isAtOrBelow(e.instancePath, root))));
  for (const root of roots) {
    const group = tally(plain.filter((e) => isAtOrBelow(e.instancePath, root)));
    if (group.length === 0) {
      const failed = errors.find((e) => e.instancePath === root && ALTERNATIVES.has(e.keyword)) as ErrorObject;
      complaints.push({ error: failed, message: 'does not match any of the forms Swagger 2.0 allows here', votes: 1 });
      continue;
    }
    const most = Math.max(...group.map((c) => c.votes));
    const agreed = group.filter((c) => c.votes === most);
    // On a tie, a missing property explains more than a wrong type, a wrong value or an extra key.
    const best = Math.min(...agreed.map((c) => keywordRank(c.error.keyword)));
    complaints.push(...agreed.filter((c) => keywordRank(c.error.keyword) === best));
  }
  return complaints;
}

/**
 * `accepts`, when given, is the same schema as a yes/no check on the tree: its yes on a plain tree
 * (nearly every file) spares Ajv's copy of the value and its pass; Ajv runs only to explain a no,
 * or when duplicate keys or a recovered syntax error make the tree more than the value.
 */
export function validateTree(validate: ValidateFunction, doc: JsonDocument & { root: Node }, accepts?: TreeCheck): SchemaViolation[] {
  const root = doc.root;
  if (accepts && doc.plainTree && accepts(root)) return [];
  if (validate(valueOf(doc, root))) return [];
  return explain(validate.errors ?? []).map(({ error, message }) => {
    const path = error.instancePath;
    const node = atPointer(root, path) ?? root;
    const extra = error.keyword === 'additionalProperties' ? prop(node, String(error.params.additionalProperty)) : undefined;
    return extra ? { node: extra, at: 'key', message } : { node, at: 'value', message: `${subject(path)} ${message}` };
  });
}
