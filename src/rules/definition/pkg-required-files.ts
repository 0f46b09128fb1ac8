import { defineRule, ERROR_EVERYWHERE } from '../define.js';

export default defineRule({
  meta: {
    id: 'pkg-required-files',
    criterion: 'definition',
    description: 'The package has apiDefinition.swagger.json, apiProperties.json and readme.md.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const { swagger, apiProperties, readme } = connector.files;
    // A missing file has no line of its own: the finding sits on a file that exists.
    const anchor = swagger ?? apiProperties;
    if (!anchor) return;
    if (!swagger) report({ file: anchor, message: `the folder has ${anchor.path.split('/').pop()} but no apiDefinition.swagger.json` });
    if (!apiProperties) report({ file: anchor, message: 'apiProperties.json is missing from the connector folder' });
    if (!readme) {
      report({
        file: anchor,
        message: 'readme.md is missing from the connector folder',
        recommended: connector.profile === 'custom',
      });
    }
  },
});
