// Fixtures for the PR rules (pr-title-ip, pr-checklist) and intro-md, shared by the unit and end-to-end tests.
import { json } from '../helpers.js';

export const IP_DIR = 'independent-publisher-connectors/Contoso Frames';
export const CERT_DIR = 'certified-connectors/Contoso Frames';

export function swagger(oauth = false): string {
  return json({
    swagger: '2.0',
    info: { title: 'Contoso Frames', description: 'Contoso Frames sells picture frames.', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {},
    ...(oauth ? { securityDefinitions: { oauth2: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://contoso.com/auth', tokenUrl: 'https://contoso.com/token', scopes: {} } } } : {}),
  });
}

/** A package in `dir` (apiDefinition, apiProperties, readme), plus `extra` files. */
export function connectorFiles(dir: string, extra: Record<string, string> = {}, oauth = false): Record<string, string> {
  return {
    [`${dir}/apiDefinition.swagger.json`]: swagger(oauth),
    [`${dir}/apiProperties.json`]: json({ properties: { iconBrandColor: '#da3b01' } }),
    [`${dir}/readme.md`]: '# Contoso Frames\nContoso Frames sells frames.\n',
    ...Object.fromEntries(Object.entries(extra).map(([name, text]) => [`${dir}/${name}`, text])),
  };
}

const TEMPLATE = [
  'I attest that the connector works and I verified by deploying and testing all the operations.',
  'I attest that I have added detailed descriptions for all operations and parameters in the swagger file.',
  'I attest that I have added response schemas to my actions, unless the response schema is dynamic.',
  'I validated the swagger file, `apiDefinition.swagger.json`, by running `paconn validate` command.',
  "If this is a certified connector, I confirm that `apiProperties.json` has a valid brand color and doesn't use an invalid brand color, `#007ee5` or `#ffffff`. If this is an independent publisher connector, I confirm that I am not submitting a connector icon.",
  'I have named this PR after the pattern of "Connector Name (Independent Publisher)" ex: HubSpot Marketing (Independent Publisher)',
  'Within this PR markdown file, I have pasted screenshots that show: 3 unique operations (actions/triggers) working within a Flow. For each one of those flows, I have pasted in screenshots of the Flow succeeding.',
  'Within this PR markdown file, I have pasted in a screenshot from the Test operations section within the Custom Connector UI.',
  'If the connector uses OAuth, I have provided detailed steps on how to create an app in the readme.md.',
];

/** Microsoft's pull request template with the boxes at `ticked` (indexes) ticked. */
export function templateBody(ticked: number[] = []): string {
  return [
    '---',
    'When submitting a connector, please make sure that you follow the requirements below.',
    '',
    ...TEMPLATE.slice(0, 5).map((text, i) => `- [${ticked.includes(i) ? 'x' : ' '}] ${text}`),
    '',
    'If you are an Independent Publisher, you must also attest to the following:',
    ...TEMPLATE.slice(5).map((text, i) => `- [${ticked.includes(i + 5) ? 'x' : ' '}] ${text}`),
    '',
  ].join('\n');
}
export const ALL = TEMPLATE.map((_, i) => i);

export const GOOD_INTRO = [
  '# Contoso Frames',
  'Contoso Frames sells picture frames. The connector lets flows order and track frames.',
  '',
  '## Prerequisites',
  'A Contoso account.',
  '',
  '## How to get credentials',
  'Create an API key in your profile.',
  '',
  '## Get started',
  'Create a connection with your key.',
  '',
  '## Known issues and limitations',
  'None.',
  '',
  '## Common errors and remedies',
  '401: check the key.',
  '',
  '## FAQ',
  'None yet.',
  '',
].join('\n');
