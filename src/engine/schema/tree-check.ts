// A yes/no JSON Schema (draft-04) check that reads our parse tree directly. Nearly every definition
// is valid, and proving that on the tree we already have skips what Ajv needs first: a second,
// JSON.parse copy of the file (with the garbage it makes) and a pass that collects every error.
// Only a "no" goes on to Ajv, which explains it. So a "yes" must never be wrong: where Ajv's
// semantics are unclear (numbers at the edges, keywords not listed here), the check answers no.
import type { IndexedNode, Node } from '../json/tree.js';

/** Validity of one node: true only when Ajv would find nothing wrong with it. */
export type TreeCheck = (node: Node) => boolean;

type Schema = Record<string, unknown>;

/** Keywords that never fail a value: annotations, `format` (left unvalidated, as in our Ajv setup), nested definitions. */
const IGNORED = new Set(['id', '$id', '$schema', 'title', 'description', 'default', 'definitions', 'example', 'format']);

/** Names on every plain object's prototype: Ajv's `data.name !== undefined` would see them where our tree has nothing. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Whether two nodes stand for equal JSON values (fast-deep-equal's reading, as Ajv's `enum` and
 * `uniqueItems`). Objects are compared through their property index: strict trees have no duplicate
 * keys, so the index is every key. Nothing is allocated: `uniqueItems` compares items pairwise.
 */
function sameValue(a: Node, b: Node): boolean {
  if (a.type !== b.type) return false;
  if (a.type !== 'array' && a.type !== 'object') return a.value === b.value;
  const left = a.children ?? [];
  const right = b.children ?? [];
  if (left.length !== right.length) return false;
  if (a.type === 'array') {
    for (let i = 0; i < left.length; i++) if (!sameValue(left[i] as Node, right[i] as Node)) return false;
    return true;
  }
  const index = (b as IndexedNode).index;
  // Every parsed object has its index; without one, "equal" is the answer that cannot wrongly pass uniqueItems.
  if (!index) return true;
  for (let i = 0; i < left.length; i++) {
    const property = left[i] as Node;
    const other = index.get(property.children?.[0]?.value as string)?.children?.[1];
    if (!other || !sameValue(property.children?.[1] as Node, other)) return false;
  }
  return true;
}

function equalsLiteral(node: Node, literal: unknown): boolean {
  if (literal === null) return node.type === 'null';
  if (typeof literal === 'object') return false; // no object or array enums in the schemas we check: answer no
  return node.type === typeof literal && node.value === literal;
}

/**
 * A text that two nodes share exactly when they stand for equal values: object keys sorted (their
 * order does not count), strings quoted (so that "1" and 1 differ).
 */
function canonical(node: Node): string {
  const children = node.children ?? [];
  if (node.type === 'array') return `[${children.map(canonical).join(',')}]`;
  if (node.type === 'object') {
    const members = children.map((property) => `${JSON.stringify(property.children?.[0]?.value)}:${canonical(property.children?.[1] as Node)}`);
    return `{${members.sort().join(',')}}`;
  }
  return node.type === 'string' ? JSON.stringify(node.value) : String(node.value);
}

/**
 * No two items equal. Short lists pairwise, which allocates nothing and fails fast on objects
 * (parameter lists); longer ones (a 300-value `enum`, or a hostile list of 50,000 objects, which
 * pairwise would take minutes) by their canonical texts, in one pass.
 */
function isUnique(items: readonly Node[]): boolean {
  const count = items.length;
  if (count > 16) return new Set(items.map(canonical)).size === count;
  for (let i = 1; i < count; i++) {
    for (let j = 0; j < i; j++) if (sameValue(items[i] as Node, items[j] as Node)) return false;
  }
  return true;
}

/** Ajv counts string length in code points (a surrogate pair is one). */
function codePoints(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    length++;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return length;
}

function typeCheck(type: string): TreeCheck {
  switch (type) {
    // Ajv's "integer" also admits Infinity (JSON.parse of 1e400); Number.isInteger does not: a safe no.
    case 'integer':
      return (node) => node.type === 'number' && Number.isInteger(node.value);
    case 'number':
      return (node) => node.type === 'number' && Number.isFinite(node.value);
    case 'string':
    case 'boolean':
    case 'null':
    case 'object':
    case 'array':
      return (node) => node.type === type;
    default:
      throw new Error(`tree-check: unknown type "${type}"`);
  }
}

/** A key pattern as a test; `^x-` (on nearly every Swagger object) as a plain prefix test, which is faster. */
function keyTest(pattern: string): (key: string) => boolean {
  const prefix = /^\^([\w/-]*)$/.exec(pattern)?.[1];
  if (prefix !== undefined) return (key) => key.startsWith(prefix);
  const regExp = new RegExp(pattern, 'u');
  return (key) => regExp.test(key);
}

const all = (checks: TreeCheck[]): TreeCheck => {
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0] as TreeCheck;
  return (node) => {
    for (let i = 0; i < checks.length; i++) if (!(checks[i] as TreeCheck)(node)) return false;
    return true;
  };
};

class Compiler {
  private readonly compiled = new Map<string, TreeCheck>();

  /** `documents`: every schema a `$ref` may name, by its `id` (without the trailing '#'). */
  constructor(private readonly documents: ReadonlyMap<string, Schema>) {}

  ref(reference: string, base: string): TreeCheck {
    const [uri = '', fragment = ''] = reference.split('#');
    const document = uri === '' ? base : uri;
    const key = `${document}#${fragment}`;
    const known = this.compiled.get(key);
    if (known) return known;
    // Recursive schemas (a schema's properties are schemas): the entry is a forwarder until compiled.
    const forward: { to?: TreeCheck } = {};
    this.compiled.set(key, (node) => (forward.to as TreeCheck)(node));
    const target = this.schema(this.resolve(document, fragment), document);
    forward.to = target;
    this.compiled.set(key, target);
    return target;
  }

  private resolve(document: string, fragment: string): Schema {
    let schema: unknown = this.documents.get(document);
    if (schema === undefined) throw new Error(`tree-check: no schema "${document}"`);
    for (const segment of fragment.split('/').slice(1)) {
      schema = (schema as Schema)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
      if (schema === undefined) throw new Error(`tree-check: "${document}#${fragment}" names nothing`);
    }
    return schema as Schema;
  }

  schema(schema: Schema, base: string): TreeCheck {
    // Draft-04: a $ref replaces every other keyword beside it.
    if (typeof schema.$ref === 'string') return this.ref(schema.$ref, base);
    // Cheap keywords that tell alternatives apart go first: a oneOf branch should fail fast.
    const first: TreeCheck[] = [];
    const then: TreeCheck[] = [];
    // Keywords read together: one check each for an object's properties and for an array's items.
    if ('properties' in schema || 'patternProperties' in schema || 'additionalProperties' in schema) then.push(this.object(schema, base));
    if ('items' in schema) then.push(this.items(schema, base));
    for (const keyword of Object.keys(schema)) {
      const value = schema[keyword];
      switch (keyword) {
        case 'type':
          first.unshift(this.type(value));
          break;
        case 'enum':
          first.push(this.enum(value));
          break;
        case 'required':
          first.push(this.required(value));
          break;
        case 'properties':
        case 'patternProperties':
        case 'additionalProperties':
        case 'items':
        case 'additionalItems': // alone (without items) it has no effect
          break; // checked above
        case 'minItems':
        case 'maxItems':
        case 'minProperties':
        case 'maxProperties':
        case 'minLength':
        case 'maxLength':
          first.push(this.count(keyword, value));
          break;
        case 'uniqueItems':
          if (value === true) then.push((node) => node.type !== 'array' || isUnique(node.children ?? []));
          break;
        case 'pattern': {
          const pattern = new RegExp(String(value), 'u');
          first.push((node) => node.type !== 'string' || pattern.test(node.value as string));
          break;
        }
        case 'minimum':
        case 'maximum':
          first.push(this.bound(keyword, value, schema));
          break;
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
          // Draft-04's flag, read with minimum and maximum; draft-07's number is another keyword.
          if (typeof value !== 'boolean') throw new Error(`tree-check: keyword "${keyword}" as a number is not supported`);
          break;
        case 'allOf':
          then.push(all(this.list(value, base)));
          break;
        case 'anyOf': {
          const branches = this.list(value, base);
          then.push((node) => {
            for (let i = 0; i < branches.length; i++) if ((branches[i] as TreeCheck)(node)) return true;
            return false;
          });
          break;
        }
        case 'oneOf': {
          const branches = this.list(value, base);
          then.push((node) => {
            let passed = 0;
            for (let i = 0; i < branches.length; i++) if ((branches[i] as TreeCheck)(node) && ++passed > 1) return false;
            return passed === 1;
          });
          break;
        }
        case 'not': {
          const negated = this.schema(value as Schema, base);
          then.push((node) => !negated(node));
          break;
        }
        default:
          if (!IGNORED.has(keyword)) throw new Error(`tree-check: keyword "${keyword}" is not supported`);
      }
    }
    return all([...first, ...then]);
  }

  /** `additionalProperties` or `additionalItems`: false forbids, a schema checks, true or nothing allows. */
  private additional(value: unknown, base: string): TreeCheck | false | undefined {
    if (value === false) return false;
    return value === true || value === undefined ? undefined : this.schema(value as Schema, base);
  }

  private list(value: unknown, base: string): TreeCheck[] {
    return (value as Schema[]).map((schema) => this.schema(schema, base));
  }

  private type(value: unknown): TreeCheck {
    const checks = (Array.isArray(value) ? value : [value]).map((type) => typeCheck(String(type)));
    if (checks.length === 1) return checks[0] as TreeCheck;
    return (node) => {
      for (let i = 0; i < checks.length; i++) if ((checks[i] as TreeCheck)(node)) return true;
      return false;
    };
  }

  private enum(value: unknown): TreeCheck {
    const literals = value as unknown[];
    return (node) => {
      for (let i = 0; i < literals.length; i++) if (equalsLiteral(node, literals[i])) return true;
      return false;
    };
  }

  private required(value: unknown): TreeCheck {
    const names = value as string[];
    for (const name of names) if (INHERITED.has(name)) throw new Error(`tree-check: required "${name}" is inherited by every object`);
    return (node) => {
      if (node.type !== 'object') return true;
      const index = (node as Node & { index?: Map<string, Node> }).index;
      if (!index) return false; // a tree without property indexes: let Ajv decide
      for (let i = 0; i < names.length; i++) if (!index.has(names[i] as string)) return false;
      return true;
    };
  }

  private count(keyword: string, value: unknown): TreeCheck {
    const limit = value as number;
    const min = keyword.startsWith('min');
    const ok = (size: number): boolean => (min ? size >= limit : size <= limit);
    if (keyword.endsWith('Items')) return (node) => node.type !== 'array' || ok((node.children ?? []).length);
    // Properties: our strict trees have no duplicate keys, so children are the object's keys.
    if (keyword.endsWith('Properties')) return (node) => node.type !== 'object' || ok((node.children ?? []).length);
    return (node) => node.type !== 'string' || ok(codePoints(node.value as string));
  }

  private bound(keyword: string, value: unknown, schema: Schema): TreeCheck {
    const limit = value as number;
    if (keyword === 'minimum') {
      const exclusive = schema.exclusiveMinimum === true;
      return (node) => node.type !== 'number' || (exclusive ? (node.value as number) > limit : (node.value as number) >= limit);
    }
    const exclusive = schema.exclusiveMaximum === true;
    return (node) => node.type !== 'number' || (exclusive ? (node.value as number) < limit : (node.value as number) <= limit);
  }

  private object(schema: Schema, base: string): TreeCheck {
    const named = new Map<string, TreeCheck>();
    for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      if (INHERITED.has(name)) throw new Error(`tree-check: property "${name}" is inherited by every object`);
      named.set(name, this.schema(sub, base));
    }
    const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>).map(
      ([pattern, sub]) => [keyTest(pattern), this.schema(sub, base)] as const,
    );
    const others = this.additional(schema.additionalProperties, base);
    return (node) => {
      if (node.type !== 'object') return true;
      const properties = node.children ?? [];
      for (let i = 0; i < properties.length; i++) {
        const property = properties[i] as Node;
        const key = property.children?.[0]?.value as string;
        const value = property.children?.[1] as Node;
        const check = named.get(key);
        let matched = check !== undefined;
        if (check && !check(value)) return false;
        for (let p = 0; p < patterns.length; p++) {
          const [matches, sub] = patterns[p] as readonly [(key: string) => boolean, TreeCheck];
          if (!matches(key)) continue;
          matched = true;
          if (!sub(value)) return false;
        }
        if (matched) continue;
        if (others === false) return false;
        if (others && !others(value)) return false;
      }
      return true;
    };
  }

  private items(schema: Schema, base: string): TreeCheck {
    const items = schema.items;
    if (!Array.isArray(items)) {
      const each = this.schema(items as Schema, base);
      return (node) => {
        if (node.type !== 'array') return true;
        const children = node.children ?? [];
        for (let i = 0; i < children.length; i++) if (!each(children[i] as Node)) return false;
        return true;
      };
    }
    const positional = this.list(items, base);
    const rest = this.additional(schema.additionalItems, base);
    return (node) => {
      if (node.type !== 'array') return true;
      const children = node.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const check = i < positional.length ? positional[i] : rest;
        if (check === false) return false;
        if (check && !check(children[i] as Node)) return false;
      }
      return true;
    };
  }
}

/**
 * The check for `root` (a schema with an `id`, or a draft-07 `$id`), with `others` for the `$ref`s it
 * makes to other documents. Only the keywords that mean the same in draft-04 and draft-07 are known
 * (not `exclusiveMinimum` as a number, `const`, `if`…): it throws on any other, so that a schema
 * change is never judged half.
 */
export function compileTreeCheck(root: Schema, others: readonly Schema[] = []): TreeCheck {
  const idOf = (schema: Schema): string => String(schema.$id ?? schema.id ?? '').replace(/#$/, '');
  const documents = new Map([root, ...others].map((schema) => [idOf(schema), schema]));
  return new Compiler(documents).ref('#', idOf(root));
}
