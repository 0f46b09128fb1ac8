import { items, prop, str, type Node } from '../../engine/json/tree.js';
import type { Fix } from '../../engine/types.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';
import { allParameters, isInternal, parameterLabel } from '../completeness/shared.js';
import { appendFix, forEachSchema, insertPropertyFix, replaceFix, schemaName } from './schema-shared.js';

/** The platform fills these itself: a webhook's callback URL. */
function platformFilled(node: Node): boolean {
  return prop(node, 'x-ms-notification-url')?.value === true;
}

/** An object whose own properties carry the values (their defaults are checked one by one). */
function hasProperties(node: Node): boolean {
  return (prop(node, 'properties')?.children?.length ?? 0) > 0;
}

export default defineRule({
  meta: {
    id: 'param-internal-defaults',
    criterion: 'definition',
    description: 'Internal required parameters and request properties have a default; internal ones with a default are required (recommended).',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const text = file.doc.text;
    for (const site of allParameters(root)) {
      // A body is filled from its schema's properties, checked below.
      if (site.in === 'body' || !isInternal(site.node) || platformFilled(site.node)) continue;
      const required = prop(site.node, 'required');
      const isRequired = required?.value === true;
      const hasDefault = prop(site.node, 'default') !== undefined;
      const label = parameterLabel(site);
      if (isRequired && !hasDefault) {
        report({
          file,
          node: prop(site.node, 'x-ms-visibility') as Node,
          message: `${label} is internal and required but has no default, so users can never give it a value; add "default" or make it visible (PropertyMustBeRequired)`,
        });
      } else if (!isRequired && hasDefault) {
        const fix: Fix = required ? replaceFix(required, 'true') : insertPropertyFix(text, site.node, 'required', 'true');
        report({
          file,
          node: required ?? site.node,
          at: required ? 'value' : 'key',
          recommended: true,
          message: `${label} is internal with a default but optional, so the default is never sent; set "required": true (InternalPropertyWithDefaultOptional)`,
          fix,
        });
      }
    }
    const reported = new Set<Node>();
    forEachSchema(root, ({ node, role, parent, name, via }) => {
      if (role !== 'request' || via !== 'property' || !parent || name === undefined) return;
      if (reported.has(node) || !isInternal(node) || platformFilled(node) || hasProperties(node)) return;
      const requiredList = prop(parent, 'required');
      const isRequired = items(requiredList).some((item) => str(item) === name);
      const hasDefault = prop(node, 'default') !== undefined;
      const label = schemaName(root, node);
      if (isRequired && !hasDefault) {
        reported.add(node);
        report({
          file,
          node: prop(node, 'x-ms-visibility') as Node,
          message: `${label} is internal and required but has no default, so users can never give it a value; add "default" or make it visible (PropertyMustBeRequired)`,
        });
      } else if (!isRequired && hasDefault) {
        reported.add(node);
        const fix: Fix =
          requiredList?.type === 'array'
            ? appendFix(text, requiredList, JSON.stringify(name))
            : insertPropertyFix(text, parent, 'required', JSON.stringify([name]));
        report({
          file,
          node: prop(node, 'x-ms-visibility') as Node,
          recommended: true,
          message: `${label} is internal with a default but not in "required", so the default is never sent; add ${JSON.stringify(name)} to "required" (InternalPropertyWithDefaultOptional)`,
          ...(requiredList && requiredList.type !== 'array' ? {} : { fix }),
        });
      }
    });
  },
});
