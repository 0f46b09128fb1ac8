import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedApiProperties, parsedSwagger, quote } from '../define.js';
import { isCertificate, parameterGroups, propCi, securityDefinitions } from './credentials.js';

const FIX = 'switch to OAuth2 (authorization code), an API key or basic authentication';
const SUPPORTED_TYPES = ['apiKey', 'basic', 'oauth2'];
/** OAuth2 flows connectors cannot run: client credentials, resource-owner password, implicit. */
const UNSUPPORTED_FLOWS: Record<string, string> = {
  application: 'client credentials',
  password: 'resource owner password',
  implicit: 'implicit',
};
const UNSUPPORTED_GRANTS: Record<string, string> = {
  client_credentials: 'client credentials',
  password: 'resource owner password',
  implicit: 'implicit',
};

export default defineRule({
  meta: {
    id: 'auth-supported',
    criterion: 'authentication',
    description: 'Authentication is OAuth2 authorization code, API key or basic: no client credentials, password or implicit flows, no client certificates.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const swagger = parsedSwagger(connector);
    if (swagger) {
      for (const definition of securityDefinitions(swagger)) {
        const typeNode = prop(definition.node, 'type');
        const type = definition.type;
        if (type === undefined) continue; // a missing or non-string type is swagger-schema's business
        if (!SUPPORTED_TYPES.includes(type)) {
          report({ file: swagger, node: typeNode, message: `securityDefinitions ${quote(definition.name)} has type ${quote(type)}, which connectors do not support; ${FIX}` });
          continue;
        }
        if (type !== 'oauth2') continue;
        const flowNode = prop(definition.node, 'flow');
        const flow = str(flowNode);
        const kind = flow === undefined ? undefined : UNSUPPORTED_FLOWS[flow];
        if (kind) {
          report({ file: swagger, node: flowNode, message: `securityDefinitions ${quote(definition.name)} uses the OAuth2 ${kind} flow ${quote(flow as string)}, which connectors do not support; ${FIX}` });
        }
      }
    }

    const apiProperties = parsedApiProperties(connector);
    if (!apiProperties) return;
    for (const group of parameterGroups(apiProperties)) {
      const where = group.label === 'connectionParameters' ? '' : ` (set ${quote(group.label)})`;
      for (const parameter of group.parameters) {
        if (isCertificate(parameter)) {
          report({
            file: apiProperties,
            node: parameter.typeNode,
            message: `connection parameter ${quote(parameter.name)}${where} has type ${quote(parameter.type as string)}: client-certificate authentication is not supported; ${FIX}`,
          });
        }
        if (!parameter.oauth) continue;
        const providerNode = prop(parameter.oauth, 'identityProvider');
        const provider = str(providerNode);
        if (provider !== undefined && /certificate/i.test(provider)) {
          report({
            file: apiProperties,
            node: providerNode,
            message: `connection parameter ${quote(parameter.name)}${where} uses identityProvider ${quote(provider)}: certificate sign-in is reserved for Microsoft's own apps; ${FIX}`,
          });
        }
        const grantNode = prop(propCi(prop(parameter.oauth, 'customParameters'), 'grantType'), 'value');
        const grant = str(grantNode);
        const kind = grant === undefined ? undefined : UNSUPPORTED_GRANTS[grant.toLowerCase()];
        if (kind) {
          report({
            file: apiProperties,
            node: grantNode,
            message: `connection parameter ${quote(parameter.name)}${where} asks for the OAuth2 ${kind} grant ${quote(grant as string)}, which connectors do not support; ${FIX}`,
          });
        }
      }
    }
  },
});
