import { items, prop, type Node } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';
import { fitsType, forEachSchema, jsonTypeOf, literalFor, removeFix, replaceFix, schemaName, typeOf } from './schema-shared.js';

/** Canonical text of a JSON value node, for comparing enum values (objects compared by text). */
function canonical(text: string, node: Node): string {
  if (node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null') return `${node.type}:${String(node.value)}`;
  return `${node.type}:${text.slice(node.offset, node.offset + node.length).replace(/\s+/g, '')}`;
}

function shown(text: string, node: Node): string {
  const raw = text.slice(node.offset, node.offset + node.length);
  return raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
}

export default defineRule({
  meta: {
    id: 'schema-enums',
    criterion: 'definition',
    description: 'enum lists are non-empty, unique and of the declared type; x-ms-enum-values entries have a displayName and a value from the enum, once each.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const text = file.doc.text;
    forEachSchema(root, ({ node, first }) => {
      if (!first) return;
      // Two lookups: cheaper than a pass over the keys of every schema, and most have neither.
      const enumNode = prop(node, 'enum');
      const extension = prop(node, 'x-ms-enum-values');
      if (!enumNode && !extension) return;
      const label = (): string => schemaName(root, node);
      const type = typeOf(node);
      const values = new Set<string>();
      if (enumNode?.type === 'array') {
        const list = items(enumNode);
        if (list.length === 0) {
          report({ file, node: enumNode, message: `${label()} has an empty enum; list the allowed values or remove "enum" (EnumMustContainAtLeastOneElement)` });
        }
        for (const value of list) {
          const key = canonical(text, value);
          if (values.has(key)) {
            const fix = removeFix(value);
            report({
              file,
              node: value,
              message: `${label()} lists the enum value ${shown(text, value)} twice; remove the duplicate (ArrayDuplicateValue)`,
              ...(fix ? { fix } : {}),
            });
            continue;
          }
          values.add(key);
          if (type !== undefined && value.type !== 'null' && !fitsType(value, type)) {
            const literal = literalFor(value, type);
            report({
              file,
              node: value,
              message: `${label()} has the enum value ${shown(text, value)} of type ${jsonTypeOf(value)} but is of type ${type}; ${literal !== undefined ? `write it as ${literal}` : `use ${type} values`} (InvalidEnumValue)`,
              // The rewrite must not create a duplicate of a value listed earlier.
              ...(literal !== undefined && !values.has(`${type === 'boolean' ? 'boolean' : 'number'}:${String(JSON.parse(literal))}`) ? { fix: replaceFix(value, literal) } : {}),
            });
          }
        }
      }
      if (extension?.type !== 'array') return;
      if (enumNode?.type !== 'array' && items(extension).length > 0) {
        report({ file, node: extension, at: 'key', message: `${label()} has x-ms-enum-values but no enum; add "enum" with the values (InvalidEnumValuesExtensionValue)` });
      }
      const seenValues = new Set<string>();
      for (const entry of items(extension)) {
        if (entry.type !== 'object') continue;
        const displayName = prop(entry, 'displayName');
        if (!displayName || (displayName.type === 'string' && (displayName.value as string).trim() === '')) {
          report({
            file,
            node: displayName ?? entry,
            at: displayName ? 'value' : 'key',
            message: `an x-ms-enum-values entry of ${label()} has ${displayName ? 'an empty' : 'no'} displayName; add the text users see (MissingEnumValuesDisplayName)`,
          });
        }
        const value = prop(entry, 'value');
        if (!value) {
          report({ file, node: entry, message: `an x-ms-enum-values entry of ${label()} has no value; add "value" from the enum (InvalidEnumValuesExtensionValue)` });
          continue;
        }
        const key = canonical(text, value);
        if (seenValues.has(key)) {
          report({ file, node: value, message: `x-ms-enum-values of ${label()} maps the value ${shown(text, value)} twice; keep one display name per value (DuplicateEnumValuesInExtension)` });
        }
        seenValues.add(key);
        if (enumNode?.type === 'array' && !values.has(key)) {
          report({ file, node: value, message: `x-ms-enum-values of ${label()} gives the value ${shown(text, value)}, which is not in its enum; use an enum value (InvalidEnumValuesExtensionValue)` });
        }
      }
    });
  },
});
