import { prop, type Node } from '../../engine/json/tree.js';
import { deref, operations, responsesOf } from '../../engine/swagger.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger } from '../define.js';
import { isSuccessCode, removePropertyFix } from '../definition/ops-shared.js';
import { isInternal, operationLabel } from './shared.js';

/** Keys that give a schema content. Anything else (description, title, x-ms-summary, example) does not. */
const CONTENT = new Set(['type', 'properties', 'items', 'allOf', 'additionalProperties', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties', 'enum', 'format']);
/** Keys that say what an object holds. */
const STRUCTURE = new Set(['properties', 'allOf', 'additionalProperties', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties']);

/** Whether an object node has a property with a value (as entries() lists them) named one of `keys`: one pass, no entry objects. */
function hasEntry(node: Node, keys: ReadonlySet<string>): boolean {
  const properties = node.children ?? [];
  for (let i = 0; i < properties.length; i++) {
    const keyNode = properties[i]?.children?.[0];
    if (keyNode && properties[i]?.children?.[1] && keys.has(String(keyNode.value))) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'response-schema-nonempty',
    criterion: 'completeness',
    description: 'A 2xx response schema describes its content: not {} and not an object without properties.',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    for (const operation of operations(root)) {
      for (const response of responsesOf(root, operation)) {
        if (!isSuccessCode(response.code)) continue;
        const raw = prop(response.node, 'schema');
        const schema = raw && deref(root, raw);
        if (!raw || !schema || schema.type !== 'object') continue;
        const empty = !hasEntry(schema, CONTENT);
        const bareObject = !empty && prop(schema, 'type')?.value === 'object' && !hasEntry(schema, STRUCTURE);
        if (!empty && !bareObject) continue;
        const label = operationLabel(operation);
        if (response.code === '204') {
          // 204 No Content has no body: the schema says nothing and can go.
          const fix = raw === schema ? removePropertyFix(raw) : undefined;
          report({ file, node: raw, at: 'key', recommended: true, message: `the 204 response of ${label} has a schema, but 204 responses have no body; remove "schema"`, ...(fix ? { fix } : {}) });
          continue;
        }
        report({
          file,
          node: raw,
          // Internal operations (webhook deletion, lookups) show no outputs, and {"type": "object"}
          // at least says "a JSON object": advice for both. "schema": {} is what reviewers refuse.
          recommended: isInternal(operation.node) || !empty,
          message: `the ${response.code} response of ${label} has ${empty ? 'an empty schema' : 'an object schema without properties'}, so the designer offers no outputs; describe the returned properties (or use x-ms-dynamic-schema), or remove "schema" if the response has no body`,
        });
      }
    }
  },
});
