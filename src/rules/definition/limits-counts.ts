import { prop, type Node } from '../../engine/json/tree.js';
import { deref, operations, parametersOf, responsesOf } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';

/** Published limits ([FAQ], "Fix Swagger Validator errors"). */
export const MAX_OPERATIONS = 256;
export const MAX_SCHEMAS_PER_BODY = 512;
export const MAX_SCHEMAS_PER_OPERATION = 16_384;
/**
 * SchemaTooDeep's limit is not published. Merged connectors reach a depth of 13 (shared corpus);
 * beyond this, the rule warns.
 */
export const DEEP_SCHEMA = 20;

interface Size {
  /** Schema objects in the schema with every `$ref` expanded (a recursive reference counts once). */
  count: number;
  /** Levels of nesting, `$ref`s expanded. */
  depth: number;
}

/**
 * Writes the schema objects a schema directly contains, `$ref`s resolved, to `into` from index
 * `end`; returns the new end. (A stack with its own end: truncating an array's length makes V8
 * shrink and regrow its storage.)
 */
function addChildren(root: Node, node: Node, into: Node[], end: number): number {
  // Indexed loops, and no empty array for an absent field: this runs once per schema of the file.
  const properties = prop(node, 'properties');
  if (properties?.type === 'object') end = addEach(root, properties.children, true, into, end);
  const schemaItems = prop(node, 'items');
  if (schemaItems?.type === 'array') end = addEach(root, schemaItems.children, false, into, end);
  else end = addSchema(root, schemaItems, into, end);
  end = addSchema(root, prop(node, 'additionalProperties'), into, end);
  const allOf = prop(node, 'allOf');
  if (allOf?.type === 'array') end = addEach(root, allOf.children, false, into, end);
  return end;
}

/** addSchema for each of `nodes`, or for each of their values when they are properties. */
function addEach(root: Node, nodes: readonly Node[] | undefined, values: boolean, into: Node[], end: number): number {
  if (!nodes) return end;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    end = addSchema(root, values ? node.children?.[1] : node, into, end);
  }
  return end;
}

function addSchema(root: Node, raw: Node | undefined, into: Node[], end: number): number {
  if (raw?.type !== 'object') return end;
  const schema = deref(root, raw);
  if (schema?.type === 'object') into[end++] = schema;
  return end;
}

/**
 * Sizes of schemas with `$ref`s expanded, memoised per schema node so each node is computed once
 * (shared definitions would otherwise be walked once per use, exponentially for nested reuse).
 * Iterative; a reference back to a schema still being computed (recursion) counts as one schema.
 */
class SchemaSizes {
  /** Per schema node: its size once computed, null while it is being computed (open). One map, one lookup. */
  private readonly sizes = new Map<Node, Size | null>();
  /** The children being sized (see of()), reused from one call to the next: only `kids[0..end)` counts. */
  private readonly kids: Node[] = [];
  /** The stacks of of(), reused too: each call leaves them empty. */
  private readonly nodes: Node[] = [];
  private readonly kidsFrom: number[] = [];

  constructor(private readonly root: Node) {}

  of(raw: Node | undefined): Size | undefined {
    const start = raw && deref(this.root, raw);
    if (!start || start.type !== 'object') return undefined;
    // Shared definitions are sized once and then asked again and again.
    const known = this.sizes.get(start);
    if (known) return known;
    // The schemas being sized, innermost last. The children of each sit in `kids` from
    // `kidsFrom[i]` (-1 until listed), after those of the schemas below it on the stack: no frame
    // object or child array per schema.
    const { nodes, kidsFrom, kids } = this;
    nodes.push(start);
    kidsFrom.push(-1);
    let kidsEnd = 0;
    while (nodes.length > 0) {
      const top = nodes.length - 1;
      const node = nodes[top] as Node;
      const from = kidsFrom[top] as number;
      if (this.sizes.get(node)) {
        nodes.pop();
        kidsFrom.pop();
        continue;
      }
      if (from === -1) {
        this.sizes.set(node, null);
        kidsFrom[top] = kidsEnd;
        kidsEnd = addChildren(this.root, node, kids, kidsEnd);
        for (let i = kidsFrom[top] as number; i < kidsEnd; i++) {
          const kid = kids[i] as Node;
          // Neither sized nor open.
          if (!this.sizes.has(kid)) {
            nodes.push(kid);
            kidsFrom.push(-1);
          }
        }
        continue;
      }
      let count = 1;
      let depth = 0;
      for (let i = from; i < kidsEnd; i++) {
        const size = this.sizes.get(kids[i] as Node) ?? RECURSIVE_REFERENCE;
        count = Math.min(count + size.count, Number.MAX_SAFE_INTEGER);
        depth = Math.max(depth, size.depth);
      }
      kidsEnd = from;
      this.sizes.set(node, { count, depth: depth + 1 });
      nodes.pop();
      kidsFrom.pop();
    }
    return this.sizes.get(start) ?? undefined;
  }
}

/** What a reference back to a schema still being sized counts for. */
const RECURSIVE_REFERENCE: Size = { count: 1, depth: 1 };

export default defineRule({
  meta: {
    id: 'limits-counts',
    criterion: 'definition',
    description: `At most ${MAX_OPERATIONS} operations, ${MAX_SCHEMAS_PER_BODY} schemas per body or response and ${MAX_SCHEMAS_PER_OPERATION} per operation; very deep schemas are a warning (that limit is unpublished).`,
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const all = operations(root);
    if (all.length > MAX_OPERATIONS) {
      report({
        file,
        node: prop(root, 'paths'),
        at: 'key',
        message: `the definition has ${all.length} operations; the platform allows at most ${MAX_OPERATIONS}: split the API into several connectors`,
      });
    }
    const sizes = new SchemaSizes(root);
    const deepReported = new Set<Node>();
    for (const operation of all) {
      // Labelled only when reported: most operations are within every limit.
      const label = (): string => operationLabel(operation);
      const sites: { what: string; schema: Node }[] = [];
      for (const parameter of parametersOf(root, operation)) {
        const schema = prop(parameter.node, 'schema');
        if (parameter.in === 'body' && schema) sites.push({ what: 'body', schema });
      }
      for (const { code, node } of responsesOf(root, operation)) {
        const schema = prop(node, 'schema');
        if (schema) sites.push({ what: `${code} response`, schema });
      }
      const notification = prop(prop(operation.node, 'x-ms-notification-content'), 'schema');
      if (notification) sites.push({ what: 'notification content', schema: notification });
      let total = 0;
      for (const { what, schema } of sites) {
        const size = sizes.of(schema);
        if (!size) continue;
        total += size.count;
        if (size.count > MAX_SCHEMAS_PER_BODY) {
          report({
            file,
            node: schema,
            at: 'key',
            message: `the ${what} schema of ${label()} expands to ${size.count} schemas (properties, items, $refs included); the limit is ${MAX_SCHEMAS_PER_BODY}: drop unused properties or return a shallower object`,
          });
        }
        const target = deref(root, schema) as Node;
        if (size.depth > DEEP_SCHEMA && !deepReported.has(target)) {
          deepReported.add(target);
          const ref = prop(schema, '$ref');
          report({
            file,
            node: schema,
            at: 'key',
            recommended: true,
            message: `the ${what} schema of ${label()}${ref ? ` (${quote(String(ref.value))})` : ''} nests ${size.depth} levels deep with $refs expanded; the platform rejects too-deep schemas (SchemaTooDeep, limit unpublished): flatten it`,
          });
        }
      }
      if (total > MAX_SCHEMAS_PER_OPERATION) {
        report({
          file,
          node: operation.node,
          at: 'key',
          message: `${label()} uses ${total} schemas across its body and responses; the limit is ${MAX_SCHEMAS_PER_OPERATION} per operation: simplify its schemas`,
        });
      }
    }
  },
});
