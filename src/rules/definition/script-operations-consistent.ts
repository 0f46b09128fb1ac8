import { items, prop, str, type Node } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedApiProperties, parsedSwagger, quote } from '../define.js';

export default defineRule({
  meta: {
    id: 'script-operations-consistent',
    criterion: 'definition',
    description: 'apiProperties.json scriptOperations name existing operationIds, and script.csx is present exactly when scriptOperations is declared.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const apiProperties = parsedApiProperties(connector);
    if (!apiProperties) return;
    const properties = prop(apiProperties.doc.root, 'properties');
    if (properties?.type !== 'object') return;
    const declared = prop(properties, 'scriptOperations');
    const script = connector.files.script;
    if (!declared) {
      // The platform then runs the script for no operation (or the upload ignores it): say which.
      if (script) {
        report({
          file: apiProperties,
          node: properties,
          at: 'key',
          recommended: true,
          message: 'the package has script.csx but apiProperties.json declares no "scriptOperations"; add "scriptOperations": [the operationIds the script handles] (an empty list means every operation)',
        });
      }
      return;
    }
    if (!script) {
      report({
        file: apiProperties,
        node: declared,
        at: 'key',
        message: 'apiProperties.json declares "scriptOperations" but the package has no script.csx; add the script or remove "scriptOperations"',
      });
    }
    if (declared.type !== 'array') return; // apiprops-schema's business
    const swagger = parsedSwagger(connector);
    // Only a definition that parsed completely tells which operationIds do not exist.
    if (!swagger || swagger.doc.problems.length > 0) return;
    const ids = new Set<string>();
    for (const operation of operations(swagger.doc.root)) {
      const id = str(prop(operation.node, 'operationId'));
      if (id !== undefined) ids.add(id);
    }
    const caseless = new Map([...ids].map((id) => [id.toLowerCase(), id]));
    const seen = new Set<string>();
    for (const item of items(declared)) {
      const name = str(item);
      if (name === undefined) continue; // apiprops-schema's business
      if (seen.has(name)) {
        report({ file: apiProperties, node: item, recommended: true, message: `scriptOperations lists ${quote(name)} twice; remove the duplicate`, fix: removal(item) });
        continue;
      }
      seen.add(name);
      if (ids.has(name)) continue;
      const near = caseless.get(name.toLowerCase());
      report({
        file: apiProperties,
        node: item,
        message: near
          ? `scriptOperations lists ${quote(name)}; the operationId is spelled ${quote(near)} (operationIds are case-sensitive)`
          : `scriptOperations lists ${quote(name)}, which is no operationId in the definition; use an existing operationId or remove it`,
        ...(near ? { fix: { offset: item.offset, length: item.length, text: JSON.stringify(near) } } : {}),
      });
    }
  },
});

/** Removes an array item with the comma before it (or after it, for the first item). */
function removal(item: Node): { offset: number; length: number; text: string } {
  const parent = item.parent;
  const siblings = parent?.children ?? [];
  const index = siblings.indexOf(item);
  const previous = siblings[index - 1];
  if (previous) return { offset: previous.offset + previous.length, length: item.offset + item.length - (previous.offset + previous.length), text: '' };
  const next = siblings[index + 1];
  if (next) return { offset: item.offset, length: next.offset - item.offset, text: '' };
  return { offset: item.offset, length: item.length, text: '' };
}
