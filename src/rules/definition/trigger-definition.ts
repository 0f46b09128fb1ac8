import { entries, items, prop, str, type Node } from '../../engine/json/tree.js';
import { deref, MAX_SCHEMA_DEPTH, operations, parametersOf, responsesOf, type Operation } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { isInternal, operationLabel } from '../completeness/shared.js';

const TRIGGER_KINDS = ['single', 'batch'];

interface NotificationUrl {
  name: string;
  keyNode: Node;
  schema: Node;
  /** Listed in `required` at every schema level down from the body schema. */
  required: boolean;
  /** The body parameter itself is `"required": true`. */
  parameterRequired: boolean;
  /** The property or one of its parents (the body parameter included) is internal. */
  internal: boolean;
}

/** Properties marked `x-ms-notification-url: true` in the body parameter's schema (bounded walk). */
function notificationUrls(root: Node, operation: Operation): NotificationUrl[] {
  const found: NotificationUrl[] = [];
  for (const parameter of parametersOf(root, operation)) {
    if (parameter.in !== 'body') continue;
    const seen = new Set<Node>();
    const parameterRequired = prop(parameter.node, 'required')?.value === true;
    const stack: { schema: Node | undefined; required: boolean; internal: boolean; depth: number }[] = [
      { schema: prop(parameter.node, 'schema'), required: true, internal: isInternal(parameter.node), depth: 0 },
    ];
    while (stack.length > 0) {
      const { schema: raw, required, internal, depth } = stack.pop() as (typeof stack)[number];
      const schema = raw && deref(root, raw);
      if (!schema || schema.type !== 'object' || seen.has(schema) || depth > MAX_SCHEMA_DEPTH) continue;
      seen.add(schema);
      const requiredNames = new Set(items(prop(schema, 'required')).map(str));
      for (const { key, keyNode, value } of entries(prop(schema, 'properties'))) {
        const property = deref(root, value);
        if (!property) continue;
        const state = { required: required && requiredNames.has(key), internal: internal || isInternal(property) };
        if (prop(property, 'x-ms-notification-url')?.value === true) found.push({ name: key, keyNode, schema: property, parameterRequired, ...state });
        stack.push({ schema: value, ...state, depth: depth + 1 });
      }
      for (const part of items(prop(schema, 'allOf'))) stack.push({ schema: part, required, internal, depth: depth + 1 });
    }
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'trigger-definition',
    criterion: 'definition',
    description: 'Triggers: x-ms-trigger is single or batch, an output schema exists, and webhook notification URLs are string, required and internal.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    for (const operation of operations(root)) {
      const trigger = prop(operation.node, 'x-ms-trigger');
      if (!trigger) continue;
      const urls = notificationUrls(root, operation);
      const content = prop(operation.pathItem, 'x-ms-notification-content');
      const label = operationLabel(operation);
      const kind = str(trigger);
      if (kind === undefined || !TRIGGER_KINDS.includes(kind)) {
        const lower = kind?.trim().toLowerCase();
        report({
          file,
          node: trigger,
          message: `${label} has x-ms-trigger ${kind === undefined ? 'that is not a string' : quote(kind)}; use "single" (one run per item) or "batch" (one run per array)`,
          ...(lower !== undefined && TRIGGER_KINDS.includes(lower) ? { fix: { offset: trigger.offset, length: trigger.length, text: JSON.stringify(lower) } } : {}),
        });
      }
      const outputSchema =
        responsesOf(root, operation).some((r) => (r.code === '200' || r.code === '201') && prop(r.node, 'schema')) || prop(content, 'schema') !== undefined;
      if (!outputSchema) {
        report({
          file,
          node: trigger,
          at: 'key',
          message: `trigger ${label} has no output schema; define a schema on its 200 or 201 response or, for a webhook, in "x-ms-notification-content" on its path item, or the designer shows no outputs`,
        });
      }
      if (content && urls.length === 0) {
        report({
          file,
          node: trigger,
          at: 'key',
          message: `webhook trigger ${label} has no notification URL; mark the body property that receives the callback URL with "x-ms-notification-url": true`,
        });
      }
      if (!content && urls.length > 0) {
        report({
          file,
          node: trigger,
          at: 'key',
          message: `webhook trigger ${label} marks ${quote(urls[0]?.name ?? '')} as the notification URL but its path has no "x-ms-notification-content"; add it with the schema of the payload the service posts`,
        });
      }
      for (const url of urls) {
        const what = `the notification URL ${quote(url.name)} of ${label}`;
        const type = str(prop(url.schema, 'type'));
        if (type !== 'string') {
          report({ file, node: url.keyNode, message: `${what} has type ${type === undefined ? '(none)' : quote(type)}; it must be "type": "string"` });
        }
        if (!url.required) {
          report({ file, node: url.keyNode, message: `${what} is not required at every level of the body schema; list it (and each parent property) in "required"` });
        } else if (!url.parameterRequired) {
          // Merged certified webhooks have optional body parameters: advice, not an error.
          report({ file, node: url.keyNode, recommended: true, message: `${what} sits in an optional body parameter; set "required": true on the body parameter so the URL is always sent` });
        }
        if (!url.internal) {
          report({ file, node: url.keyNode, message: `${what} is visible; set "x-ms-visibility": "internal" on it (or a parent): the platform fills it in` });
        }
      }
    }
  },
});
