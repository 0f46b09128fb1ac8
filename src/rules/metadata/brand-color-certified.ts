import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, quote } from '../define.js';

/** Colours a certified connector may not use: the default custom-connector blue and plain white. */
const DEFAULT_COLORS: Record<string, string> = {
  '#007ee5': 'the default custom-connector blue',
  '#ffffff': 'white',
};

export default defineRule({
  meta: {
    id: 'brand-color-certified',
    criterion: 'metadata',
    description: 'A certified connector\'s iconBrandColor is its own brand colour, not #007ee5 or #ffffff.',
    level: levels('error', 'off', 'off'),
  },
  check({ connector, report }) {
    const file = parsedApiProperties(connector);
    if (!file) return;
    // Presence and format are brand-color-format's business.
    const color = prop(prop(file.doc.root, 'properties'), 'iconBrandColor');
    const text = str(color);
    if (!color || text === undefined) return;
    const what = DEFAULT_COLORS[text.trim().toLowerCase()];
    if (!what) return;
    // No fix: the right colour is the icon's background, which only the publisher knows.
    report({
      file,
      node: color,
      message: `iconBrandColor ${quote(text)} is ${what}; certified connectors use their brand colour, the background colour of icon.png, as "#RRGGBB"`,
    });
  },
});
