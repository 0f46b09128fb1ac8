// Helpers shared by the completeness rules: operation labels, text presence, and the parameters
// of a file visited once each (a `#/parameters` definition used by ten operations is one node).
import { forEachEntry, items, prop, str, type Node } from '../../engine/json/tree.js';
import { deref, operations, parametersOf, type Operation } from '../../engine/swagger.js';
import { memoizeByObject } from '../../engine/memo.js';

/** "GET /frames/{id} (GetFrame)": how messages name an operation (the operations are memoized, so their labels can be). */
export const operationLabel = memoizeByObject(describeOperation);

function describeOperation(operation: Operation): string {
  const id = str(prop(operation.node, 'operationId'));
  const base = `${operation.method.toUpperCase()} ${operation.path}`;
  return id && id.trim() !== '' ? `${base} (${id})` : base;
}

export type TextState = 'ok' | 'missing' | 'empty' | 'not-text';

/** Whether a node holds non-blank text. */
export function textState(node: Node | undefined): TextState {
  if (!node) return 'missing';
  const text = str(node);
  if (text === undefined) return 'not-text';
  return text.trim() === '' ? 'empty' : 'ok';
}

/** "has no summary" / "has an empty summary" / "has a summary that is not a string". */
export function describeProblem(state: Exclude<TextState, 'ok'>, what: string): string {
  switch (state) {
    case 'missing':
      return `has no ${what}`;
    case 'empty':
      return `has an empty ${what}`;
    case 'not-text':
      return `has a ${what} that is not a string`;
  }
}

/** Hidden from users, so no label or description is shown (the validator does not ask for them). */
export function isInternal(node: Node | undefined): boolean {
  return str(prop(node, 'x-ms-visibility'))?.trim().toLowerCase() === 'internal';
}

/** Shared by every rule that asks (see allParameters): read-only. */
export interface ParameterSite {
  /** The parameter object after `$ref` resolution: where a finding goes and the fix belongs. */
  readonly node: Node;
  readonly name?: string;
  readonly in?: string;
  /** True when the object is an entry of #/parameters (reached through `$ref` or listed there). */
  readonly shared: boolean;
  /** Operations that use it, in file order (empty for unused definitions and overridden path-level ones). */
  readonly usedBy: readonly Operation[];
  /** The path of the path item, for path-level parameters no operation uses. */
  readonly path?: string;
}

/**
 * Every parameter object of the file, once: operation and path-level parameters (with `$ref`s
 * resolved) and the entries of #/parameters. Computed once per parsed file, in file order.
 */
export const allParameters: (root: Node) => readonly ParameterSite[] = memoizeByObject((root: Node) => Object.freeze(collectParameters(root)));

/** Linear in the size of the parameter lists. */
function collectParameters(root: Node): ParameterSite[] {
  const byNode = new Map<Node, ParameterSite & { usedBy: Operation[] }>();
  const sharedRoot = prop(root, 'parameters');
  /** `node`: a parameter object, `$ref`s resolved; `name` and `in` as parametersOf read them, when it did. */
  const add = (node: Node | undefined, operation?: Operation, path?: string, name?: string, location?: string): void => {
    if (!node || node.type !== 'object') return;
    let site = byNode.get(node);
    if (!site) {
      site = {
        node,
        name: operation ? name : str(prop(node, 'name')),
        in: operation ? location : str(prop(node, 'in')),
        shared: node.parent?.parent === sharedRoot && sharedRoot !== undefined,
        usedBy: [],
        path,
      };
      byNode.set(node, site);
    }
    // Operations are visited one after the other, so a repeat can only be the last one added.
    if (operation && site.usedBy[site.usedBy.length - 1] !== operation) site.usedBy.push(operation);
  };
  for (const operation of operations(root)) {
    // parametersOf resolved each one already: its node, name and in are reused.
    for (const parameter of parametersOf(root, operation)) add(parameter.node, operation, undefined, parameter.name, parameter.in);
  }
  // Path-level parameters every operation overrides, and path items without operations.
  forEachEntry(prop(root, 'paths'), (path, pathItem) => {
    for (const raw of items(prop(pathItem, 'parameters'))) add(deref(root, raw), undefined, path);
  });
  // Definitions no operation references are still validated.
  forEachEntry(sharedRoot, (_name, value) => add(deref(root, value)));
  return [...byNode.values()].sort((a, b) => a.node.offset - b.node.offset);
}

/** "parameter 'top' (query) of GET /items (ListItems)" or, for a definition, "#/parameters/top (query, used by 3 operations)". */
export const parameterLabel = memoizeByObject(describeParameter);

function describeParameter(site: ParameterSite): string {
  const name = site.name !== undefined ? `'${site.name}'` : '(unnamed)';
  const location = site.in !== undefined ? site.in : 'no "in"';
  if (site.shared) {
    const key = site.node.parent?.children?.[0]?.value;
    const uses = site.usedBy.length;
    const usage =
      uses === 0 ? 'unused' : uses === 1 ? `used by ${operationLabel(site.usedBy[0] as Operation)}` : `used by ${uses} operations`;
    return `parameter ${name} (${location}) in #/parameters/${String(key)}, ${usage},`;
  }
  const first = site.usedBy[0];
  if (first) {
    const more = site.usedBy.length > 1 ? ` and ${site.usedBy.length - 1} more` : '';
    return `parameter ${name} (${location}) of ${operationLabel(first)}${more}`;
  }
  return `parameter ${name} (${location}) of path ${site.path ?? '?'}`;
}
