import { defineRule, ERROR_EVERYWHERE } from '../define.js';

/** Microsoft's documented limit for an OpenAPI definition. */
const MAX_SWAGGER_BYTES = 1024 * 1024;

export default defineRule({
  meta: {
    id: 'pkg-swagger-size',
    criterion: 'definition',
    description: 'apiDefinition.swagger.json is smaller than 1 MB.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = connector.files.swagger;
    if (!file || file.readProblem) return;
    const bytes = Buffer.byteLength(file.doc.text, 'utf8');
    if (bytes <= MAX_SWAGGER_BYTES) return;
    report({
      file,
      message: `the definition is ${(bytes / 1048576).toFixed(2)} MB; the platform limit is 1 MB: split the API into several connectors or drop unused schemas`,
    });
  },
});
