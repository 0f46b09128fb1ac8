import type { Rule } from '../../engine/types.js';
import apipropsSchema from './apiprops-schema.js';
import operationIdRequiredUnique from './operationid-required-unique.js';
import pkgFileReadable from './pkg-file-readable.js';
import pkgJsonStrict from './pkg-json-strict.js';
import pkgRequiredFiles from './pkg-required-files.js';
import pkgSwaggerSize from './pkg-swagger-size.js';
import refs from './refs.js';
import swaggerSchema from './swagger-schema.js';
import swaggerVersion from './swagger-version.js';

export const definitionRules: Rule[] = [
  pkgRequiredFiles,
  pkgFileReadable,
  pkgJsonStrict,
  pkgSwaggerSize,
  swaggerVersion,
  swaggerSchema,
  refs,
  operationIdRequiredUnique,
  apipropsSchema,
];
