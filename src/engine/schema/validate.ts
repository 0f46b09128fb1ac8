// JSON Schema validation with findings on the offending node. Validators are compiled once per
// process: compiling is the expensive part (swagger-parser recompiles on every call).
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonDocument } from '../json/document.js';
import { atPointer, prop, toValue, type Node } from '../json/tree.js';

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
      return `property "${String(params.additionalProperty)}" is not allowed here`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `must be of type ${String(params.type)}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Names the offending value by its last pointer segment: the finding's line says where it is. */
function subject(pointer: string): string {
  if (pointer === '') return 'the document';
  const last = (pointer.split('/').pop() as string).replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(last) ? `item ${last}` : `"${last}"`;
}

/** Alternatives (oneOf/anyOf) fail whenever a branch fails: keep them only when nothing deeper explains it. */
const ALTERNATIVES = new Set(['oneOf', 'anyOf', 'not', 'if']);

/** The document's value: JSON.parse when the text is strict JSON (fast), else built from the recovered tree. */
function valueOf(doc: JsonDocument, root: Node): unknown {
  return doc.problems.length === 0 ? JSON.parse(doc.text) : toValue(root);
}

export function validateTree(validate: ValidateFunction, doc: JsonDocument & { root: Node }): SchemaViolation[] {
  const root = doc.root;
  if (validate(valueOf(doc, root))) return [];
  const errors = validate.errors ?? [];
  const violations: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const path = error.instancePath;
    const explainedElsewhere = errors.some((other) => other !== error && !ALTERNATIVES.has(other.keyword) && other.instancePath.startsWith(path));
    if (ALTERNATIVES.has(error.keyword) && explainedElsewhere) continue;
    const message = describe(error);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const node = atPointer(root, path) ?? root;
    const extra = error.keyword === 'additionalProperties' ? prop(node, String(error.params.additionalProperty)) : undefined;
    violations.push(extra ? { node: extra, at: 'key', message } : { node, at: 'value', message: `${subject(path)} ${message}` });
  }
  return violations;
}
