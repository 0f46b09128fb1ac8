import { entries, items, prop, str, type Node } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import type { Problem } from '../../engine/types.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote, type ParsedJsonFile } from '../define.js';
import { operationLabel } from '../completeness/shared.js';

export default defineRule({
  meta: {
    id: 'security-requirements',
    criterion: 'authentication',
    description: '"security" entries name a defined security scheme, list only its OAuth scopes, and stay empty for API key and basic schemes.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const definitions = prop(root, 'securityDefinitions');
    checkList(file, definitions, prop(root, 'security'), 'the root "security"', report);
    for (const operation of operations(root)) {
      checkList(file, definitions, prop(operation.node, 'security'), `the "security" of ${operationLabel(operation)}`, report);
    }
  },
});

function checkList(file: ParsedJsonFile, definitions: Node | undefined, list: Node | undefined, where: string, report: (problem: Problem) => void): void {
  const defined = entries(definitions).map((entry) => entry.key);
  for (const requirement of items(list)) {
    for (const { key, keyNode, value } of entries(requirement)) {
      const definition = prop(definitions, key);
      if (!definition) {
        const sameIgnoringCase = defined.filter((name) => name.toLowerCase() === key.toLowerCase());
        const only = sameIgnoringCase.length === 1 ? sameIgnoringCase[0] : undefined;
        const hint =
          only !== undefined
            ? `did you mean ${quote(only)}?`
            : defined.length > 0
              ? `use one of ${defined.map((name) => quote(name)).join(', ')}`
              : 'add it to "securityDefinitions" or remove the requirement';
        report({
          file,
          node: keyNode,
          message: `${where} requires ${quote(key)}, which is not defined in "securityDefinitions"; ${hint}`,
          ...(only !== undefined && prop(requirement, only) === undefined ? { fix: { offset: keyNode.offset, length: keyNode.length, text: JSON.stringify(only) } } : {}),
        });
        continue;
      }
      // A value that is not an array is swagger-schema's business.
      if (value.type !== 'array') continue;
      const scopes = items(value);
      if (str(prop(definition, 'type')) === 'oauth2') {
        const declared = prop(definition, 'scopes');
        for (const scope of scopes) {
          const name = str(scope);
          if (name === undefined || prop(declared, name) !== undefined) continue;
          report({
            file,
            node: scope,
            message: `${where} asks ${quote(key)} for the scope ${quote(name)}, which its "scopes" do not define; add it to securityDefinitions.${key}.scopes or remove it here`,
          });
        }
      } else if (scopes.length > 0) {
        report({
          file,
          node: value,
          message: `${where} lists scopes for ${quote(key)}, but only OAuth2 schemes take scopes; use an empty array []`,
          fix: { offset: value.offset, length: value.length, text: '[]' },
        });
      }
    }
  }
}
