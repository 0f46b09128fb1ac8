import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, quote } from '../define.js';

/** The colour every independent-publisher connector uses. */
export const IP_BRAND_COLOR = '#da3b01';

export default defineRule({
  meta: {
    id: 'brand-color-ip',
    criterion: 'metadata',
    description: `An independent-publisher connector's iconBrandColor is ${IP_BRAND_COLOR}.`,
    level: levels('off', 'error', 'off'),
  },
  check({ connector, report }) {
    const file = parsedApiProperties(connector);
    if (!file) return;
    // A missing or non-string colour is brand-color-format's business.
    const color = prop(prop(file.doc.root, 'properties'), 'iconBrandColor');
    const text = str(color);
    // The same colour in upper case ("#DA3B01") is the same colour: accepted.
    if (!color || text === undefined || text.toLowerCase() === IP_BRAND_COLOR) return;
    report({
      file,
      node: color,
      message: `iconBrandColor ${quote(text)} must be "${IP_BRAND_COLOR}" for independent-publisher connectors`,
      fix: { offset: color.offset, length: color.length, text: JSON.stringify(IP_BRAND_COLOR) },
    });
  },
});
