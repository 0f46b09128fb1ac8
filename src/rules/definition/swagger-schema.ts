import { prop, str } from '../../engine/json/tree.js';
import { swagger2TreeCheck } from '../../engine/schema/tree-checks.js';
import { validateTree } from '../../engine/schema/validate.js';
// Precompiled from the Swagger 2.0 schema by scripts/compile-schemas.mjs (npm run schemas), with
// formats left unchecked: URL and email rules give sharper messages of their own.
import swagger2Validator from '../../generated/swagger2-validator.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';

export default defineRule({
  meta: {
    id: 'swagger-schema',
    criterion: 'definition',
    description: 'The definition is valid against the Swagger 2.0 schema.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    // Without "swagger": "2.0" the swagger-version rule explains the problem; schema noise would not help.
    if (!file || str(prop(file.doc.root, 'swagger')) !== '2.0') return;
    for (const violation of validateTree(swagger2Validator, file.doc, swagger2TreeCheck())) {
      report({ file, node: violation.node, at: violation.at, message: `Swagger 2.0 schema: ${violation.message}` });
    }
  },
});
