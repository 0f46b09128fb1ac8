import { items, prop, str, type Node } from '../../engine/json/tree.js';
import { operations, parametersOf } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { allParameters, operationLabel, parameterLabel } from '../completeness/shared.js';
import { forEachSchema, schemaName, typeOf } from './schema-shared.js';

const FORM_URLENCODED = 'application/x-www-form-urlencoded';

function mimeTypes(node: Node | undefined): string[] | undefined {
  if (!node) return undefined;
  return items(node).flatMap((item) => {
    const value = str(item);
    return value === undefined ? [] : [value.split(';')[0]?.trim().toLowerCase() ?? ''];
  });
}

function isBinary(node: Node | undefined): boolean {
  return typeOf(node) === 'string' && str(prop(node, 'format')) === 'binary';
}

export default defineRule({
  meta: {
    id: 'param-file-binary',
    criterion: 'definition',
    description: 'type file only in formData or at the root of a response; string/binary only at the top of a body, formData or response; US-ASCII formData names.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    for (const site of allParameters(root)) {
      if (typeOf(site.node) === 'file' && site.in !== 'formData' && site.in !== 'body') {
        report({
          file,
          node: prop(site.node, 'in') ?? site.node,
          message: `${parameterLabel(site)} has type 'file' but is in ${site.in ?? 'no location'}; files are sent as formData (FileParameterMustBeInFormData)`,
        });
      }
      // eslint-disable-next-line no-control-regex
      if (site.in === 'formData' && site.name !== undefined && /[^\x00-\x7f]/.test(site.name)) {
        report({
          file,
          node: prop(site.node, 'name') ?? site.node,
          message: `${parameterLabel(site)} has a name with characters outside US-ASCII; rename it with ASCII characters only (InvalidFormDataParameterName)`,
        });
      }
    }
    forEachSchema(root, ({ node, role, top, parameter, via }) => {
      const type = typeOf(node);
      if (type !== 'file' && type !== 'string') return; // the only types reported below
      // The root of a definition no operation uses: where it would be used is unknown.
      const unusedRoot = role === 'unused' && via === 'root';
      if (type === 'file' && !parameter && !(role === 'response' && top) && !unusedRoot) {
        report({
          file,
          node: prop(node, 'type') as Node,
          message: `${schemaName(root, node)} has type 'file'; only formData parameters and the root of a response schema can, use "type": "string", "format": "binary" at the top of the body instead (SchemaTypeFileNotValid)`,
        });
      }
      // Non-body parameters: only formData may carry binary content.
      const allowed = parameter ? str(prop(node, 'in')) === 'formData' : top || unusedRoot;
      if (isBinary(node) && !allowed) {
        report({
          file,
          node: prop(node, 'format') as Node,
          message: `${schemaName(root, node)} is string/binary below the top level; binary content can only be a whole body, a formData parameter or a whole response (InvalidStringBinaryProperty)`,
        });
      }
    });
    // string/binary or file content cannot be sent form-urlencoded.
    const rootConsumes = mimeTypes(prop(root, 'consumes'));
    for (const operation of operations(root)) {
      const consumes = mimeTypes(prop(operation.node, 'consumes')) ?? rootConsumes ?? [];
      if (!consumes.includes(FORM_URLENCODED) || consumes.includes('multipart/form-data')) continue;
      for (const parameter of parametersOf(root, operation)) {
        const binary =
          parameter.in === 'formData'
            ? typeOf(parameter.node) === 'file' || isBinary(parameter.node)
            : parameter.in === 'body' && isBinary(prop(parameter.node, 'schema'));
        if (binary) {
          report({
            file,
            node: parameter.site,
            message: `${operationLabel(operation)} consumes only ${FORM_URLENCODED}, which cannot carry the binary parameter ${quote(parameter.name ?? '?')}; consume multipart/form-data (StringBinaryNotSupportedForFormUrlEncoded)`,
          });
        }
      }
    }
  },
});
