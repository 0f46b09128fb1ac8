import { defineRule, ERROR_EVERYWHERE } from '../define.js';

export default defineRule({
  meta: {
    id: 'pkg-file-readable',
    criterion: 'definition',
    description: 'Every package file is a regular UTF-8 file inside the workspace that can be read.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    for (const file of Object.values(connector.files)) {
      if (!file.readProblem) continue;
      const name = file.path.split('/').pop();
      const { offset } = file.readProblem;
      report({ file, offset, length: offset === undefined ? 0 : 1, message: `${name} ${file.readProblem.message}` });
    }
  },
});
