import { entries, prop } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { allParameters, parameterLabel } from '../completeness/shared.js';

/**
 * Headers the platform writes itself: transport headers of the gateway, and Authorization when the
 * connector has a security definition. The validator's reserved list (ReservedParameterIsUsed) is
 * not published, so these are warnings.
 */
const PLATFORM_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect', 'proxy-authorization']);

export default defineRule({
  meta: {
    id: 'param-reserved',
    criterion: 'definition',
    description: 'No parameter is named connectionId; no parameter takes a header the platform sets itself.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    const secured = entries(prop(root, 'securityDefinitions')).length > 0;
    for (const site of allParameters(root)) {
      if (site.name === undefined) continue;
      const name = site.name.trim().toLowerCase();
      const nameNode = prop(site.node, 'name') ?? site.node;
      if (name === 'connectionid') {
        report({
          file,
          node: nameNode,
          message: `${parameterLabel(site)} is named ${quote(site.name)}, which the platform reserves for the connection; rename it, e.g. "${site.in === 'path' ? 'id' : 'connection'}" with an x-ms-summary (ConnectionIdParameterNotAllowed)`,
        });
      } else if (site.in === 'header' && (PLATFORM_HEADERS.has(name) || (name === 'authorization' && secured))) {
        const why = name === 'authorization' ? 'the connection adds it from the security definition' : 'the gateway sets it for every request';
        report({
          file,
          node: nameNode,
          recommended: true,
          message: `${parameterLabel(site)} takes the header ${quote(site.name)}, but ${why}; remove the parameter (ReservedParameterIsUsed)`,
        });
      }
    }
  },
});
