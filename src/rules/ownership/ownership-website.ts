import { prop, str } from '../../engine/json/tree.js';
import { connectorMetadata } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';
import { hostShape, ownedBy } from './domains.js';

export default defineRule({
  meta: {
    id: 'ownership-website',
    criterion: 'ownership',
    description: 'The Website in x-ms-connector-metadata is under a domain the publisher owns.',
    level: levels('warning', 'off', 'off'),
  },
  check({ connector, options, report }) {
    const owned = options.ownedDomains;
    // Without owned domains biz-saas-ownership already says ownership is not verified.
    if (owned.length === 0) return;
    const file = parsedSwagger(connector);
    if (!file) return;
    const valueNode = prop(connectorMetadata(file.doc.root, 'Website'), 'propertyValue');
    const website = str(valueNode);
    if (!valueNode || website === undefined || website.trim() === '') return;
    const shape = hostShape(website);
    // A Website that is not a plain URL is the metadata rules' business.
    if (shape.kind !== 'host' || !/^[a-z0-9.-]+$/.test(shape.host) || !shape.host.includes('.')) return;
    if (ownedBy(shape.host, owned)) return;
    report({
      file,
      node: valueNode,
      message: `the Website ${quote(website)} is not under a domain you own (${quote(owned.join(', '))}); link your own product page`,
    });
  },
});
