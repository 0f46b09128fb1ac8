import { defineRule, levels } from '../define.js';

export default defineRule({
  meta: {
    id: 'icon-present',
    criterion: 'icon',
    description: 'A certified package folder holds icon.png (a warning: the public repository keeps most icons out of the folder).',
    // A warning, not an error: 70 of the 74 certified connectors in our corpus of merged ones keep
    // icon.png out of the repository, because the icon goes to Microsoft through the submission
    // portal. ISVs who gate the whole package set this rule to error in the config file.
    level: levels('warning', 'off', 'off'),
  },
  check({ connector, report }) {
    const { icon, apiProperties, swagger } = connector.files;
    if (icon) return;
    // A missing file has no line of its own: the finding sits on a file that exists.
    const anchor = apiProperties ?? swagger;
    if (anchor) {
      report({
        file: anchor,
        message: 'icon.png is not in the connector folder; the certification submission needs a 230×230 PNG icon: add it here so that it is checked, or make sure it is in the package you submit',
      });
    }
  },
});
