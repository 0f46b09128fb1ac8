import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';

export default defineRule({
  meta: {
    id: 'swagger-version',
    criterion: 'definition',
    description: 'The definition is Swagger 2.0 ("swagger": "2.0"); OpenAPI 3 is not accepted.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file || file.doc.root.type !== 'object') return;
    const root = file.doc.root;
    const openapi = prop(root, 'openapi');
    if (openapi) {
      report({ file, node: openapi, message: 'OpenAPI 3 definitions are not accepted: connectors must use Swagger 2.0 ("swagger": "2.0")' });
      return;
    }
    const version = prop(root, 'swagger');
    if (!version) report({ file, node: root, message: 'the "swagger": "2.0" property is missing' });
    else if (str(version) !== '2.0') {
      report({ file, node: version, message: `"swagger" is ${quote(String(version.value))}; it must be the string "2.0"` });
    }
  },
});
