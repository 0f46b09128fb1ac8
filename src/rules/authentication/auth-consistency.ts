import { items, prop, toValue } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, parsedSwagger, quote } from '../define.js';
import { isOAuth, isSecure, parameterGroups, securityDefinitions, type ParameterGroup } from './credentials.js';

const USERNAME = /^user_?name$/i;
const PASSWORD = /^password$/i;

function hasBasicPair(groups: ParameterGroup[]): boolean {
  return groups.some((g) => g.parameters.some((p) => USERNAME.test(p.name)) && g.parameters.some((p) => PASSWORD.test(p.name)));
}

export default defineRule({
  meta: {
    id: 'auth-consistency',
    criterion: 'authentication',
    description: 'Connection parameters in apiProperties.json match the securityDefinitions of the swagger.',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const swagger = parsedSwagger(connector);
    const apiProperties = parsedApiProperties(connector);
    // Both files are needed, and both must be objects: otherwise there is nothing to compare.
    if (!swagger || !apiProperties || swagger.doc.root.type !== 'object' || apiProperties.doc.root.type !== 'object') return;
    const definitions = securityDefinitions(swagger);
    const groups = parameterGroups(apiProperties);
    const all = groups.flatMap((g) => g.parameters);

    // securityDefinitions → parameters: a definition with nothing to fill it never gets a credential.
    for (const definition of definitions) {
      let missing: string | undefined;
      if (definition.type === 'apiKey' && !all.some(isSecure)) {
        missing = 'is an API key, but apiProperties.json has no securestring connection parameter to hold it; add "api_key" with type "securestring"';
      } else if (definition.type === 'oauth2' && !all.some(isOAuth)) {
        missing = 'is OAuth2, but apiProperties.json has no oauthSetting connection parameter; add "token" with type "oauthSetting" and its oAuthSettings';
      } else if (definition.type === 'basic' && !hasBasicPair(groups)) {
        missing = 'is basic authentication, but apiProperties.json has no "username" and "password" connection parameters; add both ("password" as securestring)';
      }
      if (missing) report({ file: swagger, node: definition.node, at: 'key', message: `securityDefinitions ${quote(definition.name)} ${missing}` });
    }

    // parameters → securityDefinitions: the platform sends "api_key" where an apiKey definition says.
    // Only that name is judged, and only when no policy uses the value itself (setheader etc.).
    if (definitions.some((d) => d.type === 'apiKey')) return;
    const policies = JSON.stringify(items(prop(prop(apiProperties.doc.root, 'properties'), 'policyTemplateInstances')).map(toValue));
    for (const group of groups) {
      for (const parameter of group.parameters) {
        if (parameter.name !== 'api_key' || !isSecure(parameter) || /connectionParameters\(\s*'api_key'/i.test(policies)) continue;
        report({
          file: apiProperties,
          node: parameter.node,
          at: 'key',
          message: `connection parameter ${quote(parameter.name)} asks for an API key, but the definition has no apiKey securityDefinition, so the key is never sent; add one to securityDefinitions ({"type": "apiKey", "in": "header", "name": "<header>"})`,
        });
      }
    }
  },
});
