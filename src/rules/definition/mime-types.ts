import { items, prop, str, type Node } from '../../engine/json/tree.js';
import { operations, parametersOf } from '../../engine/swagger.js';
import type { Problem } from '../../engine/types.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote, type ParsedJsonFile } from '../define.js';
import { operationLabel } from '../completeness/shared.js';

/** RFC 6838 type/subtype, RFC 9110 parameters (token chars; "*" allowed for wildcards). */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MIME = new RegExp(`^${TOKEN}/${TOKEN}(?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|"[^"]*"))*$`);
const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];

function base(mime: string): string {
  return (mime.split(';')[0] as string).trim().toLowerCase();
}

export default defineRule({
  meta: {
    id: 'mime-types',
    criterion: 'definition',
    description: 'consumes/produces hold valid MIME types; operations with a body or form data declare consumes, and form data uses a form MIME type.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const rootConsumes = validList(file, prop(root, 'consumes'), report);
    validList(file, prop(root, 'produces'), report);
    for (const operation of operations(root)) {
      const consumesNode = prop(operation.node, 'consumes');
      const ownConsumes = validList(file, consumesNode, report);
      validList(file, prop(operation.node, 'produces'), report);
      // An operation's own list replaces the document's (Swagger 2.0).
      const consumes = consumesNode ? ownConsumes : rootConsumes;
      if (consumes === undefined) continue; // not an array: swagger-schema's business
      const parameters = parametersOf(root, operation);
      const body = parameters.find((p) => p.in === 'body');
      const form = parameters.filter((p) => p.in === 'formData');
      if ((body || form.length > 0) && consumes.length === 0) {
        const example = form.length > 0 ? (form.some((p) => str(prop(p.node, 'type')) === 'file') ? 'multipart/form-data' : 'application/x-www-form-urlencoded') : 'application/json';
        report({
          file,
          node: consumesNode ?? operation.node,
          at: 'key',
          // A JSON body without "consumes" is sent as application/json: 16 of 74 merged certified
          // connectors rely on that, so only form data (which cannot work without it) is an error.
          recommended: form.length === 0,
          message: `${operationLabel(operation)} sends ${form.length > 0 ? 'form data' : 'a body'} but declares no "consumes" MIME type; add "consumes": ["${example}"]`,
        });
        continue;
      }
      if (form.length === 0) continue;
      const bases = consumes.map(base);
      const upload = form.find((p) => str(prop(p.node, 'type')) === 'file');
      if (upload && !bases.includes('multipart/form-data')) {
        report({
          file,
          node: consumesNode ?? operation.node,
          at: 'key',
          message: `${operationLabel(operation)} uploads the file parameter ${quote(upload.name ?? '?')}, so "consumes" must include "multipart/form-data"`,
        });
      } else if (!bases.some((b) => FORM_TYPES.includes(b))) {
        report({
          file,
          node: consumesNode ?? operation.node,
          at: 'key',
          message: `${operationLabel(operation)} has formData parameters but "consumes" is ${quote(consumes.join(', '))}; use "application/x-www-form-urlencoded" or "multipart/form-data"`,
        });
      }
    }
  },
});

/** The string items of a MIME type list, after reporting the invalid ones; undefined when not an array. */
function validList(file: ParsedJsonFile, list: Node | undefined, report: (problem: Problem) => void): string[] | undefined {
  if (!list) return [];
  if (list.type !== 'array') return undefined;
  const result: string[] = [];
  for (const item of items(list)) {
    const value = str(item);
    if (value === undefined) continue; // swagger-schema reports the wrong type
    result.push(value);
    if (MIME.test(value.trim()) && value === value.trim()) continue;
    const trimmed = value.trim();
    report({
      file,
      node: item,
      message: `${quote(value)} is not a valid MIME type; write it as type/subtype, e.g. "application/json"`,
      ...(trimmed !== value && MIME.test(trimmed) ? { fix: { offset: item.offset, length: item.length, text: JSON.stringify(trimmed) } } : {}),
    });
  }
  return result;
}
