import { defineRule, levels } from '../define.js';

/** The folders of Microsoft's PowerPlatformConnectors repository, one per profile. */
export const KNOWN_FOLDERS = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'] as const;

export default defineRule({
  meta: {
    id: 'pkg-folder-location',
    criterion: 'definition',
    description: 'The connector sits directly in certified-connectors/, independent-publisher-connectors/ or custom-connectors/ (a notice: other layouts are legitimate outside Microsoft\'s repository).',
    // A notice, not the catalog's error: ISV and company repositories use their own layouts, and the
    // profile can be set explicitly. In Microsoft's repository a misplaced folder is a reviewer's remark.
    level: levels('notice', 'notice', 'notice'),
  },
  check({ connector, report }) {
    const anchor = connector.files.swagger ?? connector.files.apiProperties;
    if (!anchor) return;
    const segments = connector.dir === '.' ? [] : connector.dir.split('/');
    let index = -1;
    segments.forEach((segment, i) => {
      if ((KNOWN_FOLDERS as readonly string[]).includes(segment.toLowerCase())) index = i;
    });
    const expected = connector.profile === 'certified' ? KNOWN_FOLDERS[0] : connector.profile === 'independent-publisher' ? KNOWN_FOLDERS[1] : KNOWN_FOLDERS[2];
    if (index < 0) {
      report({
        file: anchor,
        message: `the connector folder '${connector.dir}' is in none of ${KNOWN_FOLDERS.map((f) => `${f}/`).join(', ')}; it was checked as ${connector.profile}: for Microsoft's repository move it to ${expected}/<Connector Name>/`,
      });
      return;
    }
    const folder = segments[index] as string;
    if (folder !== folder.toLowerCase()) {
      report({ file: anchor, message: `the folder '${folder}' must be spelled '${folder.toLowerCase()}' (letter case matters on GitHub); rename it` });
    }
    if (index !== segments.length - 2) {
      const where = index === segments.length - 1 ? 'directly in' : 'nested below';
      report({
        file: anchor,
        message: `the connector is ${where} '${segments.slice(0, index + 1).join('/')}/'; each connector has its own folder directly inside it: ${folder.toLowerCase()}/<Connector Name>/`,
      });
    }
  },
});
