import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';

export default defineRule({
  meta: {
    id: 'info-version',
    criterion: 'metadata',
    description: 'info.version is a non-empty string (a missing or non-string version is reported by swagger-schema).',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const version = prop(prop(file.doc.root, 'info'), 'version');
    const text = str(version);
    // Missing or not a string: the Swagger 2.0 schema requires a string and swagger-schema says so.
    if (!version || text === undefined || text.trim() !== '') return;
    report({
      file,
      node: version,
      message: `info.version is ${text === '' ? 'empty' : 'blank'}; give the definition's version as a string, e.g. "1.0"`,
    });
  },
});
