import { prop, str, type Node } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import type { Fix } from '../../engine/types.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';
import { operationLabel } from './shared.js';

const VALUES = ['important', 'advanced', 'internal'];
const PROPERTY = '"x-ms-visibility": "important"';

/**
 * Inserts `"x-ms-visibility": "important"` as the first property of an operation object, in the
 * file's own style: on its own line with the indentation and line ending of the first property, or
 * inline when the object is written on one line.
 */
export function insertVisibilityFix(text: string, operation: Node): Fix {
  const brace = operation.offset;
  const firstKey = operation.children?.[0]?.offset;
  if (firstKey === undefined) return { offset: brace + 1, length: 0, text: PROPERTY };
  const gap = text.slice(brace + 1, firstKey);
  const newline = gap.lastIndexOf('\n');
  if (newline < 0) return { offset: firstKey, length: 0, text: `${PROPERTY}, ` };
  const eol = gap[newline - 1] === '\r' ? '\r\n' : '\n';
  const indent = gap.slice(newline + 1);
  return { offset: brace + 1, length: 0, text: `${eol}${indent}${PROPERTY},` };
}

export default defineRule({
  meta: {
    id: 'op-visibility',
    criterion: 'completeness',
    description: 'Every operation sets x-ms-visibility to important, advanced or internal.',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const label = operationLabel(operation);
      const visibility = prop(operation.node, 'x-ms-visibility');
      if (!visibility) {
        report({
          file,
          node: operation.node,
          at: 'key',
          message: `${label} has no x-ms-visibility; add "x-ms-visibility": "important" (main actions), "advanced" (under "more") or "internal" (hidden)`,
          fix: insertVisibilityFix(file.doc.text, operation.node),
        });
        continue;
      }
      const value = str(visibility);
      if (value !== undefined && VALUES.includes(value)) continue;
      const normalized = value?.trim().toLowerCase();
      const shown = value === undefined ? 'a non-string value' : quote(value);
      if (normalized !== undefined && VALUES.includes(normalized)) {
        report({
          file,
          node: visibility,
          message: `${label} has x-ms-visibility ${shown}; write it in lowercase: "${normalized}"`,
          fix: { offset: visibility.offset, length: visibility.length, text: JSON.stringify(normalized) },
        });
      } else {
        report({
          file,
          node: visibility,
          message: `${label} has x-ms-visibility ${shown}; use "important", "advanced" or "internal"`,
        });
      }
    }
  },
});
