// param-x-ms-summary and param-description differ only in the key they look for.
import { entries, items, prop, type Node } from '../../engine/json/tree.js';
import { deref } from '../../engine/swagger.js';
import type { Rule } from '../../engine/types.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger } from '../define.js';
import { allParameters, describeProblem, isInternal, parameterLabel, textState } from './shared.js';

/** An object schema the designer flattens into fields: it has properties (directly or through allOf). */
function hasProperties(root: Node, raw: Node | undefined): boolean {
  const schema = raw && deref(root, raw);
  return entries(prop(schema, 'properties')).length > 0 || items(prop(schema, 'allOf')).length > 0;
}

export function parameterTextRule(id: string, key: string, description: string, hint: string): Rule {
  return defineRule({
    meta: { id, criterion: 'completeness', description, level: CERTIFICATION_ERROR },
    check({ connector, report }) {
      const file = parsedSwagger(connector);
      if (!file) return;
      const root = file.doc.root;
      for (const site of allParameters(root)) {
        // Internal parameters, and parameters only internal operations use, are never shown, so
        // there is nothing to label. The merged connectors agree: visible parameters of visible
        // operations lack x-ms-summary 2 times in 3,660; parameters of internal operations 74 times in 165.
        if (isInternal(site.node) || (site.usedBy.length > 0 && site.usedBy.every((operation) => isInternal(operation.node)))) continue;
        const value = prop(site.node, key);
        const state = textState(value);
        if (state === 'ok') continue;
        const body = site.in === 'body';
        // A body whose schema has properties is shown as those properties: its own label and
        // tooltip never appear (912 of 947 such merged body parameters have no x-ms-summary).
        if (body && hasProperties(root, prop(site.node, 'schema'))) continue;
        report({
          file,
          node: value ?? site.node,
          at: value ? 'value' : 'key',
          // A body shown as one field (text, file, array, free-form object): advice, capped at warning.
          recommended: body,
          message: `${parameterLabel(site)} ${describeProblem(state, key)}; add "${key}": ${hint}${body ? ' (recommended for body parameters)' : ''}`,
        });
      }
    },
  });
}
