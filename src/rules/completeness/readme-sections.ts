import type { Profile } from '../../engine/types.js';
import { defineRule, levels } from '../define.js';
import { anchorOf, findSection, publisherLine, readReadme, SECTIONS, type SectionName } from './readme.js';

/**
 * Sections each profile's template requires. Certified readmes follow the template loosely: of 73
 * merged certified readmes, 92% have Prerequisites and 89% Supported Operations, but only 45–63%
 * have the other sections (and 63% an H1 title). Those are required by the template yet reported as
 * recommendations for certified connectors, so the gate does not fail most merged connectors.
 * Independent publishers follow the template (41 of 43 pass): every section is an error.
 */
const REQUIRED: Record<Profile, readonly SectionName[]> = {
  certified: ['publisher', 'prerequisites', 'operations', 'credentials', 'known', 'deployment'],
  'independent-publisher': ['publisher', 'prerequisites', 'operations', 'credentials', 'known'],
  custom: ['publisher', 'prerequisites', 'operations', 'credentials', 'known'],
};
const CERTIFIED_STRICT: readonly SectionName[] = ['prerequisites', 'operations'];

const WHAT: Record<SectionName, string> = {
  publisher: 'the company or person publishing the connector',
  prerequisites: 'the plans, licences or accounts users need',
  operations: 'one "###" heading per action and trigger with a short description',
  credentials: 'how to get the credentials the connection asks for',
  known: 'known issues and limitations users may meet',
  deployment: 'how to deploy the connector as a custom connector (e.g. with paconn)',
};

export default defineRule({
  meta: {
    id: 'readme-sections',
    criterion: 'completeness',
    description: "readme.md has an H1 title and the template's sections: Publisher, Prerequisites, Supported Operations, Obtaining Credentials, Known Issues and Limitations (and Deployment Instructions for certified).",
    level: levels('error', 'error', 'warning'),
  },
  check({ connector, report }) {
    const file = connector.files.readme;
    // A missing or unreadable readme is pkg-required-files' / pkg-file-readable's business.
    if (!file || file.readProblem) return;
    const readme = readReadme(file);
    const anchor = anchorOf(readme);
    const certified = connector.profile === 'certified';
    if (!readme.headings.some((h) => h.level === 1)) {
      const first = readme.headings[0];
      report({
        file,
        ...(first ? { offset: first.offset, length: first.length } : anchor),
        recommended: certified,
        message: first
          ? `readme.md has no H1 title (its first heading is ${first.level > 1 ? `a level-${first.level} heading` : 'not a title'}); start with "# <connector name>" and 2–3 sentences about the service and the connector`
          : 'readme.md has no H1 title; start with "# <connector name>" and 2–3 sentences about the service and the connector',
      });
    }
    for (const name of REQUIRED[connector.profile]) {
      if (findSection(readme, name)) continue;
      if (name === 'publisher' && publisherLine(readme)) continue;
      const { title } = SECTIONS[name];
      const heading = name === 'publisher' ? '## Publisher: <name>' : `## ${title}`;
      report({
        file,
        ...anchor,
        recommended: certified && !CERTIFIED_STRICT.includes(name),
        message: `readme.md has no "${title}" section; add "${heading}" with ${WHAT[name]}`,
      });
    }
  },
});
