// Navigation over a Swagger 2.0 tree: operations, parameters, responses and schemas, with
// internal `$ref`s resolved in place. External refs are never fetched or read.
import { atPointer, forEachEntry, items, prop, str, type Node } from './json/tree.js';
import { memoizeByObject } from './memo.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** How many `$ref` hops, or schema levels, a walk follows before it stops (cycles, ref chains). */
export const MAX_SCHEMA_DEPTH = 64;

export type RefResult = { target: Node; error?: undefined } | { target?: undefined; error: string };

export function isExternalRef(ref: string): boolean {
  return !ref.startsWith('#');
}

/** A `$ref` as messages quote it: at most 120 characters, so a 10 MB ref cannot flood a report. */
export function shortRef(ref: string): string {
  return ref.length > 120 ? `${ref.slice(0, 119)}…` : ref;
}

function computeRef(root: Node, ref: string): RefResult {
  if (isExternalRef(ref)) {
    return { error: `"${shortRef(ref)}" points outside this file; a connector must be a single file, and external references are never fetched` };
  }
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return { error: `"${shortRef(ref)}" is not a valid JSON pointer` };
  }
  const target = atPointer(root, pointer);
  return target ? { target } : { error: `"${shortRef(ref)}" points to nothing: ${shortRef(pointer) || '/'} does not exist in this file` };
}

/** Follows `$ref` chains from a node; undefined when a ref is broken, external or loops. */
export function deref(root: Node, node: Node | undefined): Node | undefined {
  let current = node;
  for (let hops = 0; current && hops <= MAX_SCHEMA_DEPTH; hops++) {
    const ref = str(prop(current, '$ref'));
    if (ref === undefined) return current;
    current = resolveRef(root, ref).target;
  }
  return undefined;
}

export interface Operation {
  path: string;
  method: string;
  /** The operation object. */
  node: Node;
  /** The path item that holds it (for path-level parameters). */
  pathItem: Node;
}

function computeOperations(root: Node | undefined): Operation[] {
  const result: Operation[] = [];
  forEachEntry(prop(root, 'paths'), (path, pathItem) => {
    forEachEntry(pathItem, (key, value) => {
      if ((HTTP_METHODS as readonly string[]).includes(key) && value.type === 'object') {
        result.push({ path, method: key, node: value, pathItem });
      }
    });
  });
  return result;
}

export interface Parameter {
  /** The parameter object after `$ref` resolution (may be in #/parameters). */
  node: Node;
  /** Where it is listed in the operation or path item (the `$ref` object when referenced). */
  site: Node;
  name?: string;
  in?: string;
}

function computeParameters(root: Node, operation: Operation): Parameter[] {
  const byKey = new Map<string, Parameter>();
  const unnamed: Parameter[] = [];
  for (const list of [prop(operation.pathItem, 'parameters'), prop(operation.node, 'parameters')]) {
    for (const site of items(list)) {
      const node = deref(root, site);
      if (!node) continue;
      const parameter: Parameter = { node, site, name: str(prop(node, 'name')), in: str(prop(node, 'in')) };
      if (parameter.name === undefined || parameter.in === undefined) unnamed.push(parameter);
      else byKey.set(`${parameter.in}\u0000${parameter.name}`, parameter);
    }
  }
  return [...byKey.values(), ...unnamed].sort((a, b) => a.site.offset - b.site.offset);
}

/**
 * Visits every object property reachable from a schema (through properties, items,
 * additionalProperties, allOf and `$ref`s) with its name, its key node in the `properties` object
 * and its schema after `$ref` resolution; each schema node once per `seen` set.
 * Iterative and bounded, so cycles and deep chains are safe.
 */
export function forEachSchemaProperty(
  root: Node,
  schema: Node | undefined,
  visit: (name: string, keyNode: Node, schema: Node) => void,
  seen: Set<Node> = new Set(),
): void {
  if (!schema) return;
  // Two parallel stacks (schema, depth) instead of one frame object per schema.
  const schemas: Node[] = [schema];
  const depths: number[] = [0];
  // One callback for all the schemas' properties (a closure per schema would allocate per schema).
  const visitProperty = (name: string, value: Node, keyNode: Node): void => {
    // Resolved once: the walk below starts from the resolved schema, which derefs to itself.
    const resolved = deref(root, value);
    if (!resolved) return;
    visit(name, keyNode, resolved);
    // A schema seen already would be skipped when popped: not pushed at all.
    if (!seen.has(resolved)) schemas.push(resolved);
  };
  while (schemas.length > 0) {
    const raw = schemas.pop() as Node;
    const depth = depths.pop() as number;
    const node = deref(root, raw);
    if (!node || node.type !== 'object' || seen.has(node) || depth > MAX_SCHEMA_DEPTH) continue;
    seen.add(node);
    const first = schemas.length;
    forEachEntry(prop(node, 'properties'), visitProperty);
    pushIfDefined(schemas, prop(node, 'items'));
    pushIfDefined(schemas, prop(node, 'additionalProperties'));
    for (const member of items(prop(node, 'allOf'))) schemas.push(member);
    // Pushed in walking order, then flipped: the first child is popped first.
    reverseTail(schemas, first);
    while (depths.length < schemas.length) depths.push(depth + 1); // one depth per child pushed above
  }
}

function pushIfDefined(stack: Node[], node: Node | undefined): void {
  if (node !== undefined) stack.push(node);
}

/**
 * Reverses `list[start..]` in place. Depth-first walks push a node's children in order, then flip
 * them, so the first child is popped first without a temporary array.
 */
export function reverseTail<T>(list: T[], start: number): void {
  for (let i = start, j = list.length - 1; i < j; i++, j--) {
    const swap = list[i] as T;
    list[i] = list[j] as T;
    list[j] = swap;
  }
}

function computeResponses(root: Node, operation: Operation): Response[] {
  const result: Response[] = [];
  forEachEntry(prop(operation.node, 'responses'), (code, value, keyNode) => {
    const node = deref(root, value);
    if (node) result.push({ code, keyNode, node });
  });
  return result;
}

/** The `x-ms-connector-metadata` entry with the given propertyName. */
export function connectorMetadata(root: Node | undefined, propertyName: string): Node | undefined {
  return items(prop(root, 'x-ms-connector-metadata')).find((item) => str(prop(item, 'propertyName')) === propertyName);
}


export interface Response {
  code: string;
  keyNode: Node;
  node: Node;
}

// Many rules ask the same questions of one tree: the answers are memoized per node. They are
// frozen, so a rule that tried to change a shared answer would fail loudly instead of misleading
// the rules after it.
const refCache = new WeakMap<Node, Map<string, RefResult>>();
const parameterCache = new WeakMap<Node, readonly Parameter[]>();
const responseCache = new WeakMap<Node, readonly Response[]>();

/** Resolves one `$ref` string against the document root. */
export function resolveRef(root: Node, ref: string): RefResult {
  let refs = refCache.get(root);
  if (!refs) refCache.set(root, (refs = new Map()));
  let result = refs.get(ref);
  if (!result) refs.set(ref, (result = Object.freeze(computeRef(root, ref))));
  return result;
}

/** Every operation of the document, in file order. */
export function operations(root: Node | undefined): readonly Operation[] {
  return root ? operationsOf(root) : [];
}

const operationsOf = memoizeByObject((root: Node): readonly Operation[] => Object.freeze(computeOperations(root)));

/** Path-level and operation-level parameters; operation-level ones override by name + in. */
export function parametersOf(root: Node, operation: Operation): readonly Parameter[] {
  let result = parameterCache.get(operation.node);
  if (!result) parameterCache.set(operation.node, (result = Object.freeze(computeParameters(root, operation))));
  return result;
}

/** The response objects of an operation, keyed by status code or `default`, `$ref`s resolved. */
export function responsesOf(root: Node, operation: Operation): readonly Response[] {
  let result = responseCache.get(operation.node);
  if (!result) responseCache.set(operation.node, (result = Object.freeze(computeResponses(root, operation))));
  return result;
}
