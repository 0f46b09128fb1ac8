import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties } from '../define.js';
import { apiPropertiesObject, typeName } from './shared.js';

export default defineRule({
  meta: {
    id: 'publisher-stackowner',
    criterion: 'metadata',
    description: 'apiProperties.json has non-empty properties.publisher and properties.stackOwner.',
    level: levels('error', 'error', 'off'),
  },
  check({ connector, report }) {
    const file = parsedApiProperties(connector);
    if (!file) return;
    const ip = connector.profile === 'independent-publisher';
    const guidance: Record<'publisher' | 'stackOwner', string> = {
      publisher: ip ? 'your name or your company\'s (the independent publisher)' : 'your company name (no personal names)',
      stackOwner: ip ? 'the company that owns the backend service' : 'the company that owns the service, normally the publisher',
    };
    const properties = apiPropertiesObject(file, report, '"publisher" and "stackOwner"');
    if (!properties) return;
    const missing: ('publisher' | 'stackOwner')[] = [];
    for (const key of ['publisher', 'stackOwner'] as const) {
      const node = prop(properties, key);
      const text = str(node);
      if (!node) missing.push(key);
      else if (text === undefined) report({ file, node, message: `${key} is ${typeName(node)}; it must be a string: ${guidance[key]}` });
      else if (text.trim() === '') report({ file, node, message: `${key} is empty; give ${guidance[key]}` });
    }
    if (missing.length === 0) return;
    report({
      file,
      node: properties,
      at: 'key',
      message: `properties has no ${missing.map((k) => `"${k}"`).join(' or ')}; add ${missing.map((k) => `"${k}" (${guidance[k]})`).join(' and ')}`,
    });
  },
});
