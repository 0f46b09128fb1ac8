// Helpers shared by the parameter and schema rules (catalog rows 78–90): a bounded walk over every
// schema of the file, readable names for schema nodes, and formatting-preserving edits.
import { entries, items, pointerOf, prop, str, type Node } from '../../engine/json/tree.js';
import { deref, HTTP_METHODS, MAX_SCHEMA_DEPTH, operations, type Operation } from '../../engine/swagger.js';
import type { Fix } from '../../engine/types.js';
import { allParameters, operationLabel } from '../completeness/shared.js';

/** "request": body and parameters; "response": responses and notification content; "unused": only in #/definitions. */
export type SchemaRole = 'request' | 'response' | 'unused';

export interface SchemaVisit {
  /** The schema (after `$ref` resolution), or a non-body parameter object, or a parameter's `items`. */
  node: Node;
  role: SchemaRole;
  /** The root of a body or of a response (string/binary and file are allowed there only). */
  top: boolean;
  /** True for non-body parameter objects and their `items` (Swagger's "parameter" flavour of schema). */
  parameter: boolean;
  /** How the walk got here from its parent schema. */
  via: 'root' | 'property' | 'items' | 'additionalProperties' | 'allOf';
  /** The object schema holding this node in its `properties` (via === 'property'). */
  parent?: Node;
  /** The property name (via === 'property'). */
  name?: string;
}

const METHODS = new Set<string>(HTTP_METHODS);

/**
 * Visits every schema of the file: parameters (body schemas and the parameter objects themselves),
 * responses, notification content, #/parameters, #/responses and #/definitions, following
 * properties, items, additionalProperties, allOf and `$ref`s. Each node is visited at most once per
 * (role, top) pair, so a shared definition costs one visit however many operations use it.
 * Iterative, with a depth bound: cycles and long `$ref` chains are safe.
 */
export function forEachSchema(root: Node, visit: (schema: SchemaVisit) => void): void {
  let visits = walked.get(root);
  if (!visits) {
    const list: SchemaVisit[] = [];
    walkSchemas(root, (schema) => list.push(schema));
    walked.set(root, (visits = list));
  }
  for (const schema of visits) visit(schema);
}

/** One walk per parsed file, shared by every rule that looks at schemas (the tree is never mutated). */
const walked = new WeakMap<Node, readonly SchemaVisit[]>();

function walkSchemas(root: Node, visit: (schema: SchemaVisit) => void): void {
  const seen = new Set<string>();
  const ids = new Map<Node, number>();
  const idOf = (node: Node): number => {
    let id = ids.get(node);
    if (id === undefined) ids.set(node, (id = ids.size));
    return id;
  };
  type Item = Omit<SchemaVisit, 'node'> & { raw: Node | undefined; depth: number };
  const stack: Item[] = [];
  const walk = (): void => {
    while (stack.length > 0) {
      const item = stack.pop() as Item;
      const node = item.raw && deref(root, item.raw);
      if (!node || node.type !== 'object' || item.depth > MAX_SCHEMA_DEPTH) continue;
      const key = `${idOf(node)}:${item.role}:${item.top ? 1 : 0}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { depth } = item;
      visit({ node, role: item.role, top: item.top, parameter: item.parameter, via: item.via, parent: item.parent, name: item.name });
      const next: Item[] = [];
      const child = (raw: Node | undefined, via: SchemaVisit['via'], extra: Partial<SchemaVisit> = {}): void => {
        if (raw) next.push({ raw, depth: depth + 1, role: item.role, top: false, parameter: item.parameter && via === 'items', via, ...extra });
      };
      if (!item.parameter) {
        for (const { key: name, value } of entries(prop(node, 'properties'))) child(value, 'property', { parent: node, name });
        const additional = prop(node, 'additionalProperties');
        if (additional?.type === 'object') child(additional, 'additionalProperties');
        for (const member of items(prop(node, 'allOf'))) child(member, 'allOf');
      }
      const itemsNode = prop(node, 'items');
      if (itemsNode?.type === 'object') child(itemsNode, 'items');
      else for (const tuple of items(itemsNode)) child(tuple, 'items');
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as Item);
    }
  };
  const start = (raw: Node | undefined, role: SchemaRole, top: boolean, parameter = false): void => {
    stack.push({ raw, depth: 0, role, top, parameter, via: 'root' });
    walk();
  };
  for (const site of allParameters(root)) {
    if (site.in === 'body') start(prop(site.node, 'schema'), 'request', true);
    else start(site.node, 'request', false, true);
  }
  for (const operation of operations(root)) {
    for (const { value } of entries(prop(operation.node, 'responses'))) start(prop(deref(root, value), 'schema'), 'response', true);
    start(prop(prop(operation.node, 'x-ms-notification-content'), 'schema'), 'response', true);
  }
  for (const { value } of entries(prop(root, 'responses'))) start(prop(value, 'schema'), 'response', true);
  for (const { value } of entries(prop(root, 'definitions'))) {
    // Reached through a use above already: visit unused definitions only, so they are still checked.
    const resolved = deref(root, value);
    const used = resolved && ['request:0', 'request:1', 'response:0', 'response:1'].some((suffix) => seen.has(`${idOf(resolved)}:${suffix}`));
    if (!used) start(value, 'unused', false);
  }
}

const operationsByNode = new WeakMap<Node, Map<Node, Operation>>();

/** The file's operations keyed by their operation object, computed once per parsed file. */
function operationIndex(root: Node): Map<Node, Operation> {
  let index = operationsByNode.get(root);
  if (!index) {
    index = new Map(operations(root).map((operation) => [operation.node, operation]));
    operationsByNode.set(root, index);
  }
  return index;
}

/** The operation whose subtree holds a node (nodes under /paths/{path}/{method}), else undefined. */
export function enclosingOperation(root: Node, node: Node): Operation | undefined {
  const index = operationIndex(root);
  for (let current: Node | undefined = node; current; current = current.parent) {
    const operation = index.get(current);
    if (operation) return operation;
  }
  return undefined;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * How messages name a schema node: "property 'owner.name' of #/definitions/Frame",
 * "the body of POST /frames (AddFrame)", "items of the 200 response of GET /frames (ListFrames)".
 */
export function schemaName(root: Node, node: Node): string {
  const segments = pointerOf(node).split('/').slice(1).map(unescape);
  let base: string;
  let rest: string[];
  const [first, second, third] = segments;
  if (first === 'definitions' && second !== undefined) {
    base = `#/definitions/${second}`;
    rest = segments.slice(2);
  } else if ((first === 'parameters' || first === 'responses') && second !== undefined) {
    base = `#/${first}/${second}`;
    rest = segments.slice(2);
    if (rest[0] === 'schema') {
      base = first === 'parameters' ? `the body of ${base}` : base;
      rest = rest.slice(1);
    }
  } else if (first === 'paths' && second !== undefined && third !== undefined && METHODS.has(third)) {
    const operation = [...operationIndex(root).values()].find((op) => op.path === second && op.method === third);
    const label = operation ? operationLabel(operation) : `${third.toUpperCase()} ${second}`;
    const [kind, index, sub] = segments.slice(3);
    if (kind === 'parameters' && index !== undefined) {
      const parameter = deref(root, atIndex(prop(operation?.node, 'parameters'), Number(index)));
      const name = str(prop(parameter, 'name'));
      if (sub === 'schema') {
        base = `the body of ${label}`;
        rest = segments.slice(6);
      } else {
        base = `parameter ${name === undefined ? '(unnamed)' : `'${name}'`} of ${label}`;
        rest = segments.slice(5);
      }
    } else if (kind === 'responses' && index !== undefined && sub === 'schema') {
      base = `the ${index} response of ${label}`;
      rest = segments.slice(6);
    } else if (kind === 'x-ms-notification-content' && index === 'schema') {
      base = `the notification content of ${label}`;
      rest = segments.slice(5);
    } else {
      return `#${pointerOf(node)}`;
    }
  } else {
    return `#${pointerOf(node)}`;
  }
  const path: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const segment = rest[i] as string;
    if (segment === 'properties' && i + 1 < rest.length) path.push((rest[++i] as string).replace(/\./g, '\\.'));
    else if (segment === 'items') path.push('[]');
    else if (segment === 'additionalProperties') path.push('{*}');
    else if (segment === 'allOf') i++;
    else if (path.length > 0 || segment !== 'schema') path.push(segment);
  }
  if (path.length === 0) return base;
  const joined = path.join('.').replace(/\.\[\]/g, '[]').replace(/\.\{\*\}/g, '{*}');
  return joined.startsWith('[]') || joined.startsWith('{*}') ? `${joined === '[]' ? 'items' : `'${joined}'`} of ${base}` : `property '${joined}' of ${base}`;
}

function atIndex(list: Node | undefined, index: number): Node | undefined {
  return list?.type === 'array' ? list.children?.[index] : undefined;
}

/** The JSON type name of a node's value ("string", "integer", "number", "boolean", "array", "object", "null"). */
export function jsonTypeOf(node: Node): string {
  if (node.type === 'number') return Number.isInteger(node.value) ? 'integer' : 'number';
  return node.type;
}

/** Whether a value node fits a Swagger type (integers are numbers too). Unknown types fit anything. */
export function fitsType(value: Node, type: string): boolean {
  const actual = jsonTypeOf(value);
  switch (type) {
    case 'string':
    case 'boolean':
    case 'array':
    case 'object':
    case 'integer':
      return actual === type;
    case 'number':
      return actual === 'number' || actual === 'integer';
    default:
      return true;
  }
}

/**
 * The literal a mistyped string stands for ("true" for boolean, "10" for integer), when the
 * rewrite is unambiguous; undefined otherwise.
 */
export function literalFor(value: Node, type: string): string | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text;
  if (type === 'integer' && /^-?(0|[1-9]\d{0,14})$/.test(text)) return text;
  if (type === 'number' && /^-?(0|[1-9]\d{0,14})(\.\d{1,15})?$/.test(text)) return text;
  return undefined;
}

/** Replaces a value node's text. */
export function replaceFix(value: Node, text: string): Fix {
  return { offset: value.offset, length: value.length, text };
}

/**
 * Appends `member` after the last child of an object or array node, in the file's own style: on its
 * own line with the indentation and line ending of the last child, or inline when the container is
 * written on one line.
 */
export function appendFix(text: string, container: Node, member: string): Fix {
  const children = container.children ?? [];
  const last = children[children.length - 1];
  if (!last) return { offset: container.offset + 1, length: 0, text: member };
  const previous = children[children.length - 2];
  const gapStart = previous ? previous.offset + previous.length : container.offset + 1;
  const gap = text.slice(gapStart, last.offset);
  const end = last.offset + last.length;
  const newline = gap.lastIndexOf('\n');
  if (newline < 0) return { offset: end, length: 0, text: `, ${member}` };
  const eol = gap[newline - 1] === '\r' ? '\r\n' : '\n';
  return { offset: end, length: 0, text: `,${eol}${gap.slice(newline + 1)}${member}` };
}

/** Adds `"key": valueJson` as the last property of an object node. */
export function insertPropertyFix(text: string, object: Node, key: string, valueJson: string): Fix {
  return appendFix(text, object, `${JSON.stringify(key)}: ${valueJson}`);
}

/**
 * Removes one property (given its value node) or one array item, with the comma that separates it,
 * leaving the rest of the file as it was.
 */
export function removeFix(value: Node): Fix | undefined {
  const member = value.parent?.type === 'property' ? value.parent : value;
  const container = member.parent;
  const siblings = container?.children;
  if (!container || !siblings) return undefined;
  const index = siblings.indexOf(member);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  const end = member.offset + member.length;
  if (previous) return { offset: previous.offset + previous.length, length: end - (previous.offset + previous.length), text: '' };
  if (next) return { offset: member.offset, length: next.offset - member.offset, text: '' };
  return { offset: container.offset + 1, length: container.offset + container.length - 1 - (container.offset + 1), text: '' };
}

/** Path template variables, in order ("/a/{id}/b/{name}" → ["id", "name"]). */
export function pathVariables(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] as string);
}

/** Whether an object node has any of the given keys (one pass over its properties, no lookups). */
export function hasAnyKey(node: Node, keys: ReadonlySet<string>): boolean {
  for (const property of node.children ?? []) {
    if (keys.has(property.children?.[0]?.value as string)) return true;
  }
  return false;
}

/** The value of `"type"` when it is a string. */
export function typeOf(node: Node | undefined): string | undefined {
  return str(prop(node, 'type'));
}
