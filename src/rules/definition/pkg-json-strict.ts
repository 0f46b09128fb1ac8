import { defineRule, ERROR_EVERYWHERE } from '../define.js';

export default defineRule({
  meta: {
    id: 'pkg-json-strict',
    criterion: 'definition',
    description: 'JSON files are strict JSON objects: no comments, trailing commas, control characters or duplicate keys.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const { swagger, apiProperties, settings } = connector.files;
    for (const file of [swagger, apiProperties, settings]) {
      if (!file) continue;
      for (const problem of file.doc.problems) {
        report({ file, offset: problem.offset, length: problem.length, message: `not strict JSON: ${problem.message}` });
      }
      const root = file.doc.root;
      if (root && root.type !== 'object') {
        report({ file, node: root, at: 'value', message: `the file holds a JSON ${root.type}; a JSON object is expected` });
      }
    }
  },
});
