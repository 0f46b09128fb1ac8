import { findNodeAtOffset } from 'jsonc-parser';
import type { Node } from '../../engine/json/tree.js';
import { str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedApiProperties, parsedSwagger, quote } from '../define.js';
import { isOAuth, parameterGroups, propCi } from './credentials.js';
import { isPlaceholder, looksGenerated, secretsIn } from './secrets.js';

export const DUMMY = '[[DUMMY]]';
const ROTATE = 'and rotate the credential: it is public once pushed';

export default defineRule({
  meta: {
    id: 'no-secrets',
    criterion: 'authentication',
    description: `No real OAuth client secrets or client IDs (use "${DUMMY}"), API keys or tokens in apiProperties.json, readme.md or the definition.`,
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const apiProperties = parsedApiProperties(connector);
    for (const group of parameterGroups(apiProperties)) {
      for (const parameter of group.parameters.filter(isOAuth)) {
        const settings = parameter.oauth;
        if (!apiProperties || !settings) continue;
        const secretNode = propCi(settings, 'clientSecret');
        const secret = str(secretNode);
        if (secretNode && secret !== undefined && !isPlaceholder(secret)) {
          report({
            file: apiProperties,
            node: secretNode,
            message: `the OAuth clientSecret of ${quote(parameter.name)} holds a value (${secret.length} characters) that is not a placeholder; replace it with "${DUMMY}", give the real secret to Microsoft in the certification portal (or to paconn with --secret) ${ROTATE}`,
            fix: { offset: secretNode.offset, length: secretNode.length, text: JSON.stringify(DUMMY) },
          });
        }
        // A private connector needs its real client ID in the file (it is no secret); submissions replace it.
        if (connector.profile === 'custom') continue;
        const idNode = propCi(settings, 'clientId');
        const id = str(idNode);
        if (idNode && id !== undefined && looksGenerated(id)) {
          report({
            file: apiProperties,
            node: idNode,
            message: `the OAuth clientId of ${quote(parameter.name)} looks like a real application ID; replace it with "${DUMMY}" and give the real one to Microsoft in the certification portal`,
            fix: { offset: idNode.offset, length: idNode.length, text: JSON.stringify(DUMMY) },
          });
        }
      }
    }

    const readme = connector.files.readme;
    if (readme && !readme.readProblem) {
      for (const hit of secretsIn(readme.text)) {
        report({ file: readme, offset: hit.offset, length: hit.length, message: `readme.md contains what looks like ${hit.what}; replace it with a placeholder such as "<your API key>" ${ROTATE}` });
      }
    }

    // One pass of each pattern over the whole definition text, not one per string node: hits are
    // rare, so mapping them back to their string node afterwards is cheap.
    const swagger = parsedSwagger(connector);
    if (swagger) {
      const reported = new Set<Node>();
      for (const hit of secretsIn(swagger.doc.text)) {
        const node = findNodeAtOffset(swagger.doc.root, hit.offset);
        if (node?.type !== 'string' || reported.has(node)) continue;
        reported.add(node);
        report({ file: swagger, node, message: `this string of the definition contains what looks like ${hit.what}; replace it with a placeholder ${ROTATE}` });
      }
    }
  },
});
