import { operations, parametersOf } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';

export default defineRule({
  meta: {
    id: 'get-no-body',
    criterion: 'definition',
    description: 'GET operations have no body or formData parameter.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    for (const operation of operations(root)) {
      if (operation.method !== 'get') continue;
      for (const parameter of parametersOf(root, operation)) {
        if (parameter.in !== 'body' && parameter.in !== 'formData') continue;
        report({
          file,
          node: parameter.site,
          message: `${operationLabel(operation)} has the ${parameter.in} parameter ${quote(parameter.name ?? '(unnamed)')}; GET requests carry no body: send the values as query parameters or make the operation a POST`,
        });
      }
    }
  },
});
