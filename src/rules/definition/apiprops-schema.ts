import { apiPropertiesTreeCheck } from '../../engine/schema/tree-checks.js';
import { validateTree } from '../../engine/schema/validate.js';
// Precompiled from src/engine/schema/apiProperties.schema.json by scripts/compile-schemas.mjs
// (npm run schemas), in strict mode: a mistake in the schema fails there.
import apiPropertiesValidator from '../../generated/api-properties-validator.js';
import { defineRule, ERROR_EVERYWHERE, parsedApiProperties } from '../define.js';

export default defineRule({
  meta: {
    id: 'apiprops-schema',
    criterion: 'definition',
    description: 'apiProperties.json is valid against the apiProperties schema the platform accepts.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedApiProperties(connector);
    // A file that is not a JSON object is pkg-json-strict's finding; a schema error would repeat it.
    if (!file || file.doc.root.type !== 'object') return;
    for (const violation of validateTree(apiPropertiesValidator, file.doc, apiPropertiesTreeCheck())) {
      report({ file, node: violation.node, at: violation.at, message: `apiProperties schema: ${violation.message}` });
    }
  },
});
