import { items, prop, str, type Node } from '../../engine/json/tree.js';
import { deref, MAX_SCHEMA_DEPTH } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { fitsType, forEachSchema, jsonTypeOf, literalFor, removeFix, replaceFix, schemaName } from './schema-shared.js';

const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'file'];
/** Formats of numeric types merged connectors use; the validator's list (UnrecognizedTypeFormat) is not published. */
const NUMERIC_FORMATS: Record<string, string[]> = {
  integer: ['int32', 'int64'],
  number: ['float', 'double', 'decimal', 'int32', 'int64'],
};

/**
 * The `properties` objects of an object schema and of the allOf members it brings; undefined when one
 * cannot be resolved, so its property names are unknowable.
 */
function propertyObjects(root: Node, schema: Node): (Node | undefined)[] | undefined {
  const objects: (Node | undefined)[] = [];
  const stack: { node: Node | undefined; depth: number }[] = [{ node: schema, depth: 0 }];
  const seen = new Set<Node>();
  while (stack.length > 0) {
    const { node: raw, depth } = stack.pop() as { node: Node | undefined; depth: number };
    const node = raw && deref(root, raw);
    if (!node) return undefined;
    if (seen.has(node) || depth > MAX_SCHEMA_DEPTH) continue;
    seen.add(node);
    objects.push(prop(node, 'properties'));
    for (const member of items(prop(node, 'allOf'))) stack.push({ node: member, depth: depth + 1 });
  }
  return objects;
}

/** Whether one of the `properties` objects defines `name` (looked up in its index, no list of names built). */
function defines(objects: readonly (Node | undefined)[], name: string): boolean {
  return objects.some((properties) => prop(properties, name) !== undefined);
}

export default defineRule({
  meta: {
    id: 'schema-types',
    criterion: 'definition',
    description: 'Known types and formats, arrays with items, defaults of the declared type, valid required lists and discriminators.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const readOnlyDone = new Set<Node>();
    forEachSchema(root, ({ node, role, parameter, first }) => {
      // Input-only check, for every role the node is reached with.
      // Only a "required" list can name a read-only property: the set is kept for those schemas only.
      const requiredList = role === 'request' && !parameter ? prop(node, 'required') : undefined;
      if (requiredList?.type === 'array' && !readOnlyDone.has(node)) {
        readOnlyDone.add(node);
        for (const item of items(requiredList)) {
          const name = str(item);
          const property = name === undefined ? undefined : deref(root, prop(prop(node, 'properties'), name));
          if (name !== undefined && prop(property, 'readOnly')?.value === true) {
            report({
              file,
              node: item,
              message: `${schemaName(root, node)} requires the read-only property ${quote(name)} in a request; drop it from "required" or remove "readOnly" (RequiredReadOnlyPropertyNotAllowedAsInput)`,
            });
          }
        }
      }
      if (!first) return;
      const typeNode = prop(node, 'type');
      const type = str(typeNode);
      if (typeNode && (type === undefined || !TYPES.includes(type))) {
        const shown = type === undefined ? file.doc.text.slice(typeNode.offset, typeNode.offset + Math.min(typeNode.length, 40)) : quote(type);
        report({ file, node: typeNode, message: `${schemaName(root, node)} has type ${shown}; use one of ${TYPES.map((t) => `"${t}"`).join(', ')} (UnrecognizedTypeFormat)` });
      }
      const formatNode = prop(node, 'format');
      const format = str(formatNode);
      if (formatNode && format !== undefined && format !== '' && type !== undefined && type !== 'string' && type !== 'file') {
        const known = NUMERIC_FORMATS[type];
        if (!known || !known.includes(format)) {
          report({
            file,
            node: formatNode,
            recommended: true,
            message: `${schemaName(root, node)} has type/format ${quote(`${type}/${format}`)}, which the platform may not recognize (its list is not published); ${known ? `use ${known.map((f) => `"${f}"`).join(' or ')}` : 'remove the format'} (UnrecognizedTypeFormat)`,
          });
        }
      }
      if (type === 'array' && !prop(node, 'items')) {
        report({ file, node: typeNode as Node, message: `${schemaName(root, node)} is an array without "items"; add "items" with the element schema (ArrayHasNoItems)` });
      }
      const fallback = prop(node, 'default');
      if (fallback && type !== undefined && fallback.type !== 'null' && !fitsType(fallback, type)) {
        const literal = literalFor(fallback, type);
        report({
          file,
          node: fallback,
          message: `${schemaName(root, node)} has a default of type ${jsonTypeOf(fallback)} but is of type ${type}; ${literal !== undefined ? `write it as ${literal}` : `give a ${type} default`} (DefaultValueMustMatchType)`,
          ...(literal !== undefined ? { fix: replaceFix(fallback, literal) } : {}),
        });
      }
      if (parameter) return;
      const required = prop(node, 'required');
      if (required?.type === 'array') {
        const list = items(required);
        if (list.length === 0) {
          const fix = removeFix(required);
          report({
            file,
            node: required,
            at: 'key',
            message: `${schemaName(root, node)} has an empty "required" list; remove it (RequiredPropertyArrayEmpty)`,
            ...(fix ? { fix } : {}),
          });
        } else if (type !== undefined && type !== 'object') {
          report({ file, node: required, at: 'key', message: `${schemaName(root, node)} is of type ${type} but has "required", which applies to objects only; remove it (RequiredPropertyNotOnObject)` });
        } else {
          const objects = propertyObjects(root, node);
          for (const item of list) {
            const name = str(item);
            if (objects && name !== undefined && !defines(objects, name)) {
              report({
                file,
                node: item,
                message: `${schemaName(root, node)} requires ${quote(name)}, which is not among its properties; define it or remove it from "required" (RequiredPropertyDefinitionMissing)`,
              });
            }
          }
        }
      }
      const discriminatorNode = prop(node, 'discriminator');
      const discriminator = str(discriminatorNode);
      if (discriminatorNode && discriminator !== undefined) {
        const property = deref(root, prop(prop(node, 'properties'), discriminator));
        const isRequired = items(required).some((item) => str(item) === discriminator);
        if (!property || !isRequired || str(prop(property, 'type')) !== 'string') {
          report({
            file,
            node: discriminatorNode,
            message: `${schemaName(root, node)} has discriminator ${quote(discriminator)}, which must name a required string property of the schema; define it and list it in "required" (DiscriminatorMustBeARequiredStringProperty)`,
          });
        }
      }
    });
  },
});
