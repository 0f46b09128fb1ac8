import { prop, type Node } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';
import { isExtensionKey, isSuccessCode, nonExtensionEntries } from './ops-shared.js';

const STATUS_KEY = /^([1-5]\d\d|default)$/;

export default defineRule({
  meta: {
    id: 'op-responses-present',
    criterion: 'definition',
    description: "Every operation has responses keyed by HTTP status codes or 'default', including a 2xx one (certification).",
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const responses = prop(operation.node, 'responses');
      // One indexed pass over the keys: no entry objects or arrays for the many operations that pass.
      const properties = responses?.type === 'object' ? (responses.children ?? []) : [];
      let codes = 0;
      let success = false;
      for (let i = 0; i < properties.length; i++) {
        const keyNode = properties[i]?.children?.[0] as Node | undefined;
        if (!keyNode || !properties[i]?.children?.[1]) continue;
        const key = String(keyNode.value);
        if (isExtensionKey(key)) continue;
        codes++;
        if (isSuccessCode(key)) success = true;
        else if (!STATUS_KEY.test(key)) {
          report({
            file,
            node: keyNode,
            message: `${operationLabel(operation)} has a response keyed ${quote(key)}; use a three-digit HTTP status code (e.g. "200") or "default"`,
          });
        }
      }
      if (!responses || codes === 0) {
        report({
          file,
          node: responses ?? operation.node,
          at: 'key',
          message: `${operationLabel(operation)} has no responses; add at least "200": {"description": "OK"} (with a schema when it returns a body)`,
        });
      } else if (!success) {
        report({
          file,
          node: responses,
          at: 'key',
          // The validator's OperationShouldHaveSuccessfulResponse; reviewers refuse default-only responses.
          // Private connectors import without one: advice there.
          recommended: connector.profile === 'custom',
          message: `${operationLabel(operation)} has no 2xx response (only ${nonExtensionEntries(responses)
            .map(({ key }) => quote(key))
            .join(', ')}); add the success response, e.g. "200" with a description and schema`,
        });
      }
    }
  },
});
