import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, parsedSwagger, quote } from '../define.js';
import { dynamicHostUrls, hostShape, isIdentityProvider, isPlaceholderHost, judge, type HostShape } from './domains.js';

const HOW_TO_DECLARE = 'declare the domains you own with the action input `owned-domains` or the CLI flag `--owned-domain`';
const ADD_IT = 'or, if you own it, add its domain to the owned domains';

function describe(shape: HostShape): string {
  return shape.kind === 'host' ? quote(shape.host) : shape.kind === 'suffix' ? `hosts under ${quote(shape.suffix)}` : 'that host';
}

export default defineRule({
  meta: {
    id: 'biz-saas-ownership',
    criterion: 'ownership',
    description: 'The hosts the connector calls (swagger host, dynamichosturl policies) are under domains the publisher owns.',
    // Independent publishers do not need to own the service; private connectors are not certified.
    level: levels('error', 'off', 'off'),
  },
  check({ connector, options, report }) {
    const swagger = parsedSwagger(connector);
    const apiProperties = parsedApiProperties(connector);
    const root = swagger?.doc.root;
    const hostNode = prop(root, 'host');
    const host = str(hostNode);
    const owned = options.ownedDomains;

    if (owned.length === 0) {
      // Never a silent pass: say once that ownership was not checked, and how to have it checked.
      const file = swagger ?? apiProperties;
      if (!file) return;
      report({
        file,
        node: hostNode ?? file.doc.root,
        unverified: true,
        message: `ownership of ${host === undefined ? 'the service' : quote(host)} is not verified: ${HOW_TO_DECLARE}`,
      });
      return;
    }

    const list = quote(owned.join(', '));
    const urls = dynamicHostUrls(apiProperties);
    // A dynamichosturl policy without an operation list rewrites every request: the swagger host
    // is then only a placeholder and the policy's URL is what gets judged.
    const hostUnused = urls.some((url) => url.allOperations);

    if (swagger && root?.type === 'object' && !hostUnused) {
      if (hostNode && host !== undefined) {
        const shape = hostShape(host);
        const verdict = isIdentityProvider(shape) ? 'owned' : judge(shape, owned);
        if (verdict === 'not-owned') {
          const fix = isPlaceholderHost(shape) ? 'set it to your production host' : `call your own production service, ${ADD_IT}`;
          report({ file: swagger, node: hostNode, message: `the host ${quote(host)} is not under a domain you own (${list}); ${fix}` });
        } else if (verdict === 'unknown') {
          report({
            file: swagger,
            node: hostNode,
            unverified: true,
            message: `the host ${quote(host)} is templated and cannot be checked against your owned domains (${list}); use a static host under your domain`,
          });
        }
      } else if (urls.length === 0) {
        report({
          file: swagger,
          node: hostNode ?? root,
          unverified: true,
          message: `the definition has no host to check against your owned domains (${list}); set "host" to your production host`,
        });
      }
    }

    if (!apiProperties) return;
    for (const { node, url } of urls) {
      const shape = hostShape(url);
      if (isIdentityProvider(shape)) continue;
      const verdict = judge(shape, owned);
      if (verdict === 'not-owned') {
        report({
          file: apiProperties,
          node,
          message: `the dynamichosturl policy sends requests to ${describe(shape)} (from ${quote(url)}), which is not under a domain you own (${list}); point it at your own service, ${ADD_IT}`,
        });
      } else if (verdict === 'unknown') {
        report({
          file: apiProperties,
          node,
          unverified: true,
          message: `the dynamichosturl policy's host ${quote(url)} is chosen at connection time and cannot be checked against your owned domains (${list}); keep a static domain part, e.g. https://{tenant}.${owned[0] as string}`,
        });
      }
    }
  },
});
