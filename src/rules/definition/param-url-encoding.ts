import { prop, str } from '../../engine/json/tree.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { allParameters, parameterLabel } from '../completeness/shared.js';
import { insertPropertyFix, removeFix, replaceFix } from './schema-shared.js';

const KEY = 'x-ms-url-encoding';
const VALUES = ['single', 'double'];

export default defineRule({
  meta: {
    id: 'param-url-encoding',
    criterion: 'definition',
    description: 'Path parameters set x-ms-url-encoding to "single" or "double" (recommended); other parameters do not set it.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const text = file.doc.text;
    for (const site of allParameters(file.doc.root)) {
      const encoding = prop(site.node, KEY);
      const label = parameterLabel(site);
      if (site.in === 'path') {
        if (!encoding) {
          // The validator warns (PathParameterMissingEncoding); 622 path parameters of merged
          // certified connectors omit it, so this stays a recommendation.
          report({
            file,
            node: site.node,
            at: 'key',
            recommended: true,
            message: `${label} has no ${KEY}; add "${KEY}": "single" so values with '/' or '%' reach the service intact (PathParameterMissingEncoding)`,
            fix: insertPropertyFix(text, site.node, KEY, '"single"'),
          });
          continue;
        }
        const value = str(encoding);
        if (value !== undefined && VALUES.includes(value)) continue;
        const lower = value?.trim().toLowerCase();
        const shown = value === undefined ? 'a non-string value' : quote(value);
        report({
          file,
          node: encoding,
          message: `${label} has ${KEY} ${shown}; use "single" or "double"`,
          ...(lower !== undefined && VALUES.includes(lower) ? { fix: replaceFix(encoding, JSON.stringify(lower)) } : {}),
        });
      } else if (encoding) {
        const fix = removeFix(encoding);
        if (site.in === 'query') {
          report({
            file,
            node: encoding,
            at: 'key',
            message: `${label} sets ${KEY}; query values are always single-encoded, remove it (QueryParameterEncodingNotSupported)`,
            ...(fix ? { fix } : {}),
          });
        } else {
          report({
            file,
            node: encoding,
            at: 'key',
            recommended: true,
            message: `${label} sets ${KEY}, which applies to path parameters only; remove it`,
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
});
