import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedApiProperties, quote } from '../define.js';
import { apiPropertiesObject, typeName } from './shared.js';

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export default defineRule({
  meta: {
    id: 'brand-color-format',
    criterion: 'metadata',
    description: 'apiProperties.json has properties.iconBrandColor as a "#RRGGBB" hex colour.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedApiProperties(connector);
    if (!file) return;
    const properties = apiPropertiesObject(file, report, 'an "iconBrandColor" ("#RRGGBB")');
    if (!properties) return;
    const color = prop(properties, 'iconBrandColor');
    if (!color) {
      report({ file, node: properties, at: 'key', message: 'properties has no "iconBrandColor"; add the icon background colour as "#RRGGBB"' });
      return;
    }
    const text = str(color);
    if (text === undefined) {
      report({ file, node: color, message: `iconBrandColor is ${typeName(color)}; it must be a string "#RRGGBB"` });
    } else if (!HEX_COLOR.test(text)) {
      const hint = /^[0-9a-fA-F]{6}$/.test(text) ? ` (add the "#": "#${text}")` : /^#[0-9a-fA-F]{3}$/.test(text) ? ' (short "#RGB" forms are not accepted)' : '';
      report({ file, node: color, message: `iconBrandColor ${quote(text)} is not a "#RRGGBB" hex colour; write it as "#" and six hex digits${hint}` });
    }
  },
});
