// JSON Schema of the config file, compiled once per process. Rule ids are checked after the
// schema (with the list of valid ids in the message); globs, domains and SLAs by their parsers.
import { Ajv, type ValidateFunction } from 'ajv';
import { PROFILES } from '../engine/types.js';
import { BREAKING_LEVELS, CONFIG_LEVELS } from './types.js';

const nonEmptyString = { type: 'string', minLength: 1 };
/** One glob or a list of them. */
const globs = { type: ['string', 'array'], minLength: 1, minItems: 1, items: nonEmptyString };
/** `""` (the whole document) or `/a/b` with `~0`/`~1` escapes; `/a/b/**` for a subtree. */
const POINTER = '^(/([^~]|~[01])*)*$';
const levels = {
  type: 'object',
  additionalProperties: { enum: [...CONFIG_LEVELS] },
};

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/connector-gate/connector-gate/blob/main/docs/configuration.md',
  title: 'connector-gate configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: levels,
    connectors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['match'],
        properties: {
          match: globs,
          profile: { enum: ['auto', ...PROFILES] },
          'owned-domains': { type: ['string', 'array'], items: nonEmptyString },
          sla: { type: ['number', 'string'] },
          rules: levels,
          'breaking-allow': {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['reason'],
              properties: { rule: nonEmptyString, target: nonEmptyString, reason: nonEmptyString },
            },
          },
        },
      },
    },
    ignore: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'rule', 'reason'],
        properties: {
          file: nonEmptyString,
          rule: nonEmptyString,
          pointer: {
            type: ['string', 'array'],
            pattern: POINTER,
            minItems: 1,
            items: { type: 'string', pattern: POINTER },
          },
          reason: { type: 'string', pattern: '\\S' },
        },
      },
    },
    breaking: { enum: [...BREAKING_LEVELS] },
  },
} as const;

let validator: ValidateFunction | undefined;

export function configValidator(): ValidateFunction {
  // verbose: errors carry their parentSchema, so "unknown key" can list the keys allowed there.
  validator ??= new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, verbose: true, logger: false }).compile(CONFIG_SCHEMA);
  return validator;
}
