import { defineRule, levels, parsedApiProperties, parsedSwagger } from '../define.js';
import { anchorOf, findSection, readReadme, sectionLines, type MdLine } from '../completeness/readme.js';
import { isOAuth, parameterGroups, securityDefinitions } from './credentials.js';

/** What app-registration instructions talk about: where to register, what to copy, what to set. */
const TOPICS: readonly RegExp[] = [
  /redirect|callback\s+url|reply\s+url/i,
  /client[\s_-]?id|application[\s_-]?id|app[\s_-]?id/i,
  /client[\s_-]?secret|app(lication)?\s+secret/i,
  /app(lication)?\s+registration|register(ed)?\s+(an?\s+|your\s+)?(new\s+)?(oauth\s+)?(app|application|client)|create\s+(an?\s+|your\s+)?(new\s+)?(oauth\s+)?(app|application|client)\b/i,
  /\bscopes?\b|permissions?/i,
];
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d+[.)])\s+\S/;

/** Steps: two topics of app registration, or one topic and a list of at least two steps. */
function hasSteps(lines: MdLine[]): boolean {
  const prose = lines.filter((line) => !line.code);
  const text = prose.map((line) => line.text).join('\n');
  const topics = TOPICS.filter((topic) => topic.test(text)).length;
  const steps = prose.filter((line) => LIST_ITEM.test(line.text)).length;
  return topics >= 2 || (topics >= 1 && steps >= 2);
}

export default defineRule({
  meta: {
    id: 'readme-oauth-steps',
    criterion: 'authentication',
    description: 'An OAuth connector\'s readme.md explains, step by step, how to register the OAuth app (client ID, secret, redirect URI).',
    level: levels('warning', 'error', 'off'),
  },
  check({ connector, report }) {
    const file = connector.files.readme;
    if (!file || file.readProblem) return;
    const oauth =
      parameterGroups(parsedApiProperties(connector)).some((group) => group.parameters.some(isOAuth)) ||
      securityDefinitions(parsedSwagger(connector)).some((definition) => definition.type === 'oauth2');
    if (!oauth) return;
    const readme = readReadme(file);
    const section = findSection(readme, 'credentials');
    if (section && hasSteps(sectionLines(readme, section))) return;
    if (!section && hasSteps(readme.lines)) return;
    report({
      file,
      ...(section ? { offset: section.offset, length: section.length } : anchorOf(readme)),
      message: `the connector signs in with OAuth, but readme.md ${section ? `"${section.text}" has` : 'has'} no step-by-step app registration; list the steps to create the OAuth app, the scopes, and the redirect URI to register (e.g. https://global.consent.azure-apim.net/redirect), so reviewers can recreate it`,
    });
  },
});
