// Hand-written types for the generated module next to this file (scripts/compile-schemas.mjs).
// A standalone validator is Ajv's ValidateFunction less the compiler's `schema` and `schemaEnv`
// properties, which nothing here reads.
import type { ValidateFunction } from 'ajv';

export declare const validate: ValidateFunction;
export default validate;
