// Helpers of the paths-and-operations rules (catalog §1d): edits of string values and properties that
// keep the file's own formatting, success codes, MIME types. Rules in completeness/ use them too.
import { entries, items, prop, str, type Node } from '../../engine/json/tree.js';
import type { Operation } from '../../engine/swagger.js';
import type { Fix } from '../../engine/types.js';

/** "200", "201"...: a success status code. */
export function isSuccessCode(code: string): boolean {
  return /^2\d\d$/.test(code);
}

/** True when the string token is written without escapes, so value index i sits at offset + 1 + i. */
function isPlain(text: string, node: Node): boolean {
  return node.type === 'string' && text.slice(node.offset + 1, node.offset + node.length - 1) === node.value;
}

/** True when `value` needs no escaping inside a JSON string. */
function escapeFree(value: string): boolean {
  return JSON.stringify(value) === `"${value}"`;
}

/**
 * Replaces value[start, end) of a string node with `replacement`: a minimal edit when the token has
 * no escapes, else the whole token re-encoded (still valid JSON, same value).
 */
export function replaceInString(text: string, node: Node, start: number, end: number, replacement: string): Fix {
  const value = node.value as string;
  if (isPlain(text, node) && escapeFree(replacement)) {
    return { offset: node.offset + 1 + start, length: end - start, text: replacement };
  }
  return { offset: node.offset, length: node.length, text: JSON.stringify(value.slice(0, start) + replacement + value.slice(end)) };
}

/** Appends text at the end of a string value (before its closing quote). */
export function appendToString(text: string, node: Node, suffix: string): Fix {
  const value = node.value as string;
  return replaceInString(text, node, value.length, value.length, suffix);
}

/**
 * Removes the property whose value is `value` from its object, with the comma that separates it from
 * a neighbour, so the object stays valid JSON and the other lines keep their formatting.
 */
export function removePropertyFix(value: Node): Fix | undefined {
  const property = value.parent;
  const object = property?.parent;
  if (property?.type !== 'property' || object?.type !== 'object') return undefined;
  const siblings = object.children ?? [];
  const index = siblings.indexOf(property);
  const before = siblings[index - 1];
  const after = siblings[index + 1];
  const end = property.offset + property.length;
  if (before) return { offset: before.offset + before.length, length: end - (before.offset + before.length), text: '' };
  if (after) return { offset: property.offset, length: after.offset - property.offset, text: '' };
  return { offset: property.offset, length: property.length, text: '' };
}

/**
 * Inserts `"key": value` as the first property of an object, in the file's own style: on its own
 * line with the indentation and line ending of the existing first property, or inline.
 */
export function insertFirstPropertyFix(text: string, object: Node, property: string): Fix {
  const brace = object.offset;
  const firstKey = object.children?.[0]?.offset;
  if (firstKey === undefined) return { offset: brace + 1, length: 0, text: property };
  const gap = text.slice(brace + 1, firstKey);
  const newline = gap.lastIndexOf('\n');
  if (newline < 0) return { offset: firstKey, length: 0, text: `${property}, ` };
  const eol = gap[newline - 1] === '\r' ? '\r\n' : '\n';
  return { offset: brace + 1, length: 0, text: `${eol}${gap.slice(newline + 1)}${property},` };
}

/** MIME type without parameters, lowercase ("application/json; charset=utf-8" → "application/json"). */
export function mimeBase(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/** The MIME types an operation produces: its own `produces`, else the file's, else JSON (the connector default). */
export function producesOf(root: Node, operation: Operation): string[] {
  const own = prop(operation.node, 'produces') ?? prop(root, 'produces');
  const list = items(own)
    .map(str)
    .filter((v): v is string => v !== undefined)
    .map(mimeBase);
  return own ? list : ['application/json'];
}

/** True for an operation with `"deprecated": true`. */
export function isDeprecated(operation: Node): boolean {
  return prop(operation, 'deprecated')?.value === true;
}

/** A trigger: an operation with `x-ms-trigger` (any value). */
export function isTrigger(operation: Node): boolean {
  return prop(operation, 'x-ms-trigger') !== undefined;
}

/** Keys of an object that are extensions (`x-…`): allowed next to paths, responses and path items. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

/** The object entries that are not extensions. */
export function nonExtensionEntries(node: Node | undefined): ReturnType<typeof entries> {
  return entries(node).filter((entry) => !isExtensionKey(entry.key));
}
