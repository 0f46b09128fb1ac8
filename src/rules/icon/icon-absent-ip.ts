import { defineRule, levels } from '../define.js';

export default defineRule({
  meta: {
    id: 'icon-absent-ip',
    criterion: 'icon',
    description: 'Independent-publisher connectors do not ship icon.png (Microsoft applies the generic icon).',
    level: levels('off', 'error', 'off'),
  },
  check({ connector, report }) {
    const icon = connector.files.icon;
    // Reported even when the file cannot be read: the fix (delete it) is the same.
    if (!icon) return;
    const name = icon.path.split('/').pop() as string;
    report({
      file: icon,
      message: `independent-publisher connectors must not ship ${name}: Microsoft applies the generic Independent Publisher icon; delete the file`,
    });
  },
});
