import { Ajv, type ValidateFunction } from 'ajv';
import apiPropertiesSchema from '../../engine/schema/apiProperties.schema.json' with { type: 'json' };
import { validateTree } from '../../engine/schema/validate.js';
import { defineRule, ERROR_EVERYWHERE, parsedApiProperties } from '../define.js';

let validator: ValidateFunction | undefined;

/** Compiled once per process. `strict` makes a mistake in our own schema throw at compile time. */
function apiPropertiesValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false, logger: false }).compile(apiPropertiesSchema as object);
  return validator;
}

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
    for (const violation of validateTree(apiPropertiesValidator(), file.doc)) {
      report({ file, node: violation.node, at: violation.at, message: `apiProperties schema: ${violation.message}` });
    }
  },
});
