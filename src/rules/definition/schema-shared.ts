// Helpers shared by the parameter and schema rules (catalog rows 78–90): a bounded walk over every
// schema of the file, readable names for schema nodes, and formatting-preserving edits.
import { forEachEntry, keyPath, pointerOf, prop, str, type Node } from '../../engine/json/tree.js';
import { deref, HTTP_METHODS, MAX_SCHEMA_DEPTH, operations, reverseTail, type Operation } from '../../engine/swagger.js';
import type { Fix } from '../../engine/types.js';
import { allParameters, operationLabel } from '../completeness/shared.js';
import { memoizeByObject } from '../../engine/memo.js';

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
  /**
   * The node's first visit: rules that check a node once, whatever role it is reached with, skip
   * the other visits without a set of their own.
   */
  first: boolean;
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
  const visits = walked(root);
  // Indexed, as in forEachEntry: no iterator object per step while the code is not optimized.
  for (let i = 0; i < visits.length; i++) visit(visits[i] as SchemaVisit);
}

/** One walk per parsed file, shared by every rule that looks at schemas (the tree is never mutated). */
const walked = memoizeByObject(walkSchemas);

/** A schema on the walk's stack, `$ref`s resolved: it becomes a visit unless its node was visited so already. */
interface PendingSchema extends SchemaVisit {
  depth: number;
}

/** The bit of a (role, top) pair in a node's mask of visits. */
function visitBit(role: SchemaRole, top: boolean): number {
  const shift = role === 'request' ? 0 : role === 'response' ? 2 : 4;
  return 1 << (shift + (top ? 1 : 0));
}

/** The request and response bits, top or not: a definition visited with any of them is in use. */
const USED_BITS = visitBit('request', false) | visitBit('request', true) | visitBit('response', false) | visitBit('response', true);

/** Schemas are objects; deeper than the bound, a walk stops (long `$ref` chains, hostile nesting). */
function isWalkable(node: Node | undefined, depth: number): node is Node {
  return node?.type === 'object' && depth <= MAX_SCHEMA_DEPTH;
}

const NO_CHILDREN: readonly Node[] = [];

/** The children of an object or array node, else none: unlike items(), no new empty array per schema. */
function childrenOf(node: Node | undefined, type: 'object' | 'array'): readonly Node[] {
  return node?.type === type ? (node.children ?? NO_CHILDREN) : NO_CHILDREN;
}

function walkSchemas(root: Node): SchemaVisit[] {
  const visits: SchemaVisit[] = [];
  // Per node, the (role, top) pairs it was visited with, as bits: no key strings per visit.
  const visited = new Map<Node, number>();
  const stack: PendingSchema[] = [];
  const pushChild = (raw: Node, from: PendingSchema, via: SchemaVisit['via'], parent?: Node, name?: string): void => {
    const node = deref(root, raw);
    const depth = from.depth + 1;
    // A node already visited with this (role, top) pair would be skipped when popped: not pushed at all.
    if (isWalkable(node, depth) && ((visited.get(node) ?? 0) & visitBit(from.role, false)) === 0) {
      stack.push({ node, role: from.role, top: false, parameter: from.parameter && via === 'items', via, parent, name, first: false, depth });
    }
  };
  const walk = (): void => {
    while (stack.length > 0) {
      const item = stack.pop() as PendingSchema;
      const { node } = item;
      const bit = visitBit(item.role, item.top);
      const mask = visited.get(node) ?? 0;
      if (mask & bit) continue;
      visited.set(node, mask | bit);
      item.first = mask === 0;
      visits.push(item);
      const first = stack.length;
      if (!item.parameter) {
        // Indexed loops, not forEachEntry or for-of: no closure or iterator per visited schema.
        const propertyNodes = childrenOf(prop(node, 'properties'), 'object');
        for (let i = 0; i < propertyNodes.length; i++) {
          const keyNode = propertyNodes[i]?.children?.[0];
          const value = propertyNodes[i]?.children?.[1];
          if (keyNode && value) pushChild(value, item, 'property', node, String(keyNode.value));
        }
        const additional = prop(node, 'additionalProperties');
        if (additional?.type === 'object') pushChild(additional, item, 'additionalProperties');
        const members = childrenOf(prop(node, 'allOf'), 'array');
        for (let i = 0; i < members.length; i++) pushChild(members[i] as Node, item, 'allOf');
      }
      const itemsNode = prop(node, 'items');
      if (itemsNode?.type === 'object') pushChild(itemsNode, item, 'items');
      else {
        const tuple = childrenOf(itemsNode, 'array');
        for (let i = 0; i < tuple.length; i++) pushChild(tuple[i] as Node, item, 'items');
      }
      // Pushed in walking order, then flipped: the first child is popped first.
      reverseTail(stack, first);
    }
  };
  const start = (raw: Node | undefined, role: SchemaRole, top: boolean, parameter = false): void => {
    const node = raw && deref(root, raw);
    if (!isWalkable(node, 0)) return;
    stack.push({ node, role, top, parameter, via: 'root', parent: undefined, name: undefined, first: false, depth: 0 });
    walk();
  };
  for (const site of allParameters(root)) {
    if (site.in === 'body') start(prop(site.node, 'schema'), 'request', true);
    else start(site.node, 'request', false, true);
  }
  for (const operation of operations(root)) {
    forEachEntry(prop(operation.node, 'responses'), (_code, value) => start(prop(deref(root, value), 'schema'), 'response', true));
    start(prop(prop(operation.node, 'x-ms-notification-content'), 'schema'), 'response', true);
  }
  forEachEntry(prop(root, 'responses'), (_name, value) => start(prop(value, 'schema'), 'response', true));
  forEachEntry(prop(root, 'definitions'), (_name, value) => {
    // Reached through a use above already: visit unused definitions only, so they are still checked.
    const resolved = deref(root, value);
    const used = resolved !== undefined && ((visited.get(resolved) ?? 0) & USED_BITS) !== 0;
    if (!used) start(value, 'unused', false);
  });
  return visits;
}

/** The file's operations keyed by their operation object, computed once per parsed file. */
const operationIndex = memoizeByObject((root: Node) => new Map(operations(root).map((operation) => [operation.node, operation])));

/** The file's operations by `method path`, the first in file order winning; built once per file. */
const operationsByPath = memoizeByObject((root: Node) => {
  const index = new Map<string, Operation>();
  for (const operation of operations(root)) {
    const key = `${operation.method} ${operation.path}`;
    if (!index.has(key)) index.set(key, operation);
  }
  return index;
});

/** The first operation (in file order) with this path and method. */
function operationAt(root: Node, path: string, method: string): Operation | undefined {
  return operationsByPath(root).get(`${method} ${path}`);
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

/**
 * How messages name a schema node: "property 'owner.name' of #/definitions/Frame",
 * "the body of POST /frames (AddFrame)", "items of the 200 response of GET /frames (ListFrames)".
 */
export function schemaName(root: Node, node: Node): string {
  const segments = keyPath(node);
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
    const operation = operationAt(root, second, third);
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
  if (!path.includes('{')) return []; // most paths: no regex run
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] as string);
}

/** The value of `"type"` when it is a string. */
export function typeOf(node: Node | undefined): string | undefined {
  return str(prop(node, 'type'));
}
