// JSON Schema of the config file: config.schema.json, precompiled by scripts/compile-schemas.mjs
// (npm run schemas) so no run pays for compiling it. Rule ids are checked after the schema (with
// the list of valid ids in the message); globs, domains and SLAs by their parsers.
import type { ValidateFunction } from 'ajv';
import validate from '../generated/config-validator.js';
import schema from './config.schema.json' with { type: 'json' };

export const CONFIG_SCHEMA = schema;

/** Compiled with `verbose`: errors carry their parentSchema, so "unknown key" can list the keys allowed there. */
export function configValidator(): ValidateFunction {
  return validate;
}
