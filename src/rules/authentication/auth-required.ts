import { prop } from '../../engine/json/tree.js';
import { operations, parametersOf } from '../../engine/swagger.js';
import { defineRule, levels, parsedApiProperties, parsedSwagger, quote } from '../define.js';
import { bearsCredential, CREDENTIAL_NAME, parameterGroups, securityDefinitions } from './credentials.js';

export default defineRule({
  meta: {
    id: 'auth-required',
    criterion: 'authentication',
    description: 'The connector authenticates: a securityDefinitions entry or a credential connection parameter.',
    // Independent publishers: a warning. Microsoft merges anonymous IP connectors for public APIs
    // (11 of 43 in the corpus; catalog row 47 allows "none"), so an error would be a false failure.
    level: levels('error', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const swagger = parsedSwagger(connector);
    const apiProperties = parsedApiProperties(connector);
    // Judge only what could be read: a file that did not parse may hold the authentication.
    if (!swagger || swagger.doc.root.type !== 'object') return;
    if (connector.files.apiProperties && (!apiProperties || apiProperties.doc.root.type !== 'object')) return;
    if (securityDefinitions(swagger).length > 0) return;
    if (parameterGroups(apiProperties).some((group) => group.parameters.some(bearsCredential))) return;
    const definitions = prop(swagger.doc.root, 'securityDefinitions');
    // A credential asked for in every action ("token" as a query parameter) is the usual cause.
    const root = swagger.doc.root;
    const perAction = operations(root)
      .flatMap((operation) => parametersOf(root, operation))
      .find((parameter) => parameter.in !== 'body' && parameter.name !== undefined && CREDENTIAL_NAME.test(parameter.name));
    const hint = perAction?.name === undefined ? '' : `; operations take ${quote(perAction.name)} as an input instead: move it into a connection parameter`;
    report({
      file: swagger,
      node: definitions ?? root,
      at: definitions ? 'key' : undefined,
      message: `the connector has no authentication (no securityDefinitions entry, no credential connection parameter); add OAuth2 (authorization code), an API key or basic authentication${hint}`,
    });
  },
});
