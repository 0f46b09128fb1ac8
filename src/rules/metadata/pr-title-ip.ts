import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';

const SUFFIX = '(Independent Publisher)';
const PROPOSAL = /^proposal\s*[-–—:]\s*/i;
const WITH_SUFFIX = /\s*\(\s*independent\s+publisher\s*\)$/i;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The pull request title of an independent-publisher connector: "Connector Name (Independent
 * Publisher)", without the "Proposal - " prefix of the proposal stage. The title has no file and
 * no line: findings sit on line 1 of the connector's apiDefinition.swagger.json. Runs only when the
 * edge supplies the pull request (the action on pull_request events, the CLI with --pr-title).
 */
export default defineRule({
  meta: {
    id: 'pr-title-ip',
    criterion: 'metadata',
    description: 'Independent publisher: the pull request title is "Connector Name (Independent Publisher)", without a "Proposal - " prefix, and names this connector.',
    level: levels('off', 'error', 'off'),
  },
  check({ connector, options, report }) {
    const title = collapse(options.pullRequest?.title ?? '');
    if (title === '') return;
    const file = connector.files.swagger ?? connector.files.apiProperties;
    if (!file) return;
    const proposal = PROPOSAL.exec(title);
    let name = title;
    if (proposal) {
      name = name.slice(proposal[0].length);
      report({ file, message: `the pull request title ${quote(title)} starts with ${quote(proposal[0].trim())}; remove the prefix once the proposal is accepted, before review` });
    }
    const suffix = WITH_SUFFIX.exec(name);
    if (suffix) name = name.slice(0, suffix.index).trim();
    const infoTitle = str(prop(prop(parsedSwagger(connector)?.doc.root, 'info'), 'title'));
    const expected = infoTitle !== undefined && collapse(infoTitle) !== '' ? collapse(infoTitle) : undefined;
    if (!suffix || name === '') {
      report({
        file,
        message: `the pull request title ${quote(title)} does not follow "Connector Name ${SUFFIX}"; rename the pull request to ${quote(`${expected ?? name ?? 'Connector Name'} ${SUFFIX}`)}`,
      });
    }
    if (expected !== undefined && name !== '' && name.toLowerCase() !== expected.toLowerCase()) {
      report({
        file,
        recommended: true,
        message: `the pull request title names ${quote(name)}, but this connector's info.title is ${quote(expected)}; name the pull request ${quote(`${expected} ${SUFFIX}`)} (one connector per pull request)`,
      });
    }
  },
});
