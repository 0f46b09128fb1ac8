import { prop } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, parsedSwagger, quote } from '../define.js';
import { isOAuth, parameterGroups, securityDefinitions } from './credentials.js';

const FIX = 'new independent-publisher connectors may not use OAuth (reviewers, since December 2025): use an API key or basic authentication, or publish as a certified connector';

export default defineRule({
  meta: {
    id: 'ip-no-oauth',
    criterion: 'authentication',
    description: 'A new independent-publisher connector does not use OAuth (an oauthSetting connection parameter or an oauth2 security definition).',
    level: levels('off', 'error', 'off'),
  },
  check({ connector, report }) {
    const apiProperties = parsedApiProperties(connector);
    let reported = false;
    for (const group of parameterGroups(apiProperties)) {
      for (const parameter of group.parameters.filter(isOAuth)) {
        reported = true;
        report({ file: apiProperties as NonNullable<typeof apiProperties>, node: parameter.typeNode ?? parameter.node, message: `connection parameter ${quote(parameter.name)} is OAuth (${quote(parameter.type as string)}); ${FIX}` });
      }
    }
    if (reported) return;
    const swagger = parsedSwagger(connector);
    for (const definition of securityDefinitions(swagger)) {
      if (definition.type !== 'oauth2') continue;
      report({ file: swagger as NonNullable<typeof swagger>, node: prop(definition.node, 'type') ?? definition.node, message: `securityDefinitions ${quote(definition.name)} is OAuth2; ${FIX}` });
    }
  },
});
