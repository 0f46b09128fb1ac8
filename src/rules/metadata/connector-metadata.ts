import { items, prop, str } from '../../engine/json/tree.js';
import { CERTIFICATION_ERROR, defineRule, parsedSwagger, quote } from '../define.js';
import { httpUrlProblem, metadataEntry, typeName } from './shared.js';

const KEY = 'x-ms-connector-metadata';
/** The entries Microsoft requires, in the template's order; the first two are URLs. */
const REQUIRED = ['Website', 'Privacy policy', 'Categories'] as const;
const URL_ENTRIES: readonly string[] = ['Website', 'Privacy policy'];
const TEMPLATE = `[{"propertyName": "Website", "propertyValue": "https://…"}, {"propertyName": "Privacy policy", "propertyValue": "https://…"}, {"propertyName": "Categories", "propertyValue": "…"}]`;

export default defineRule({
  meta: {
    id: 'connector-metadata',
    criterion: 'metadata',
    description: 'The root-level x-ms-connector-metadata lists Website, Privacy policy (absolute http(s) URLs) and Categories, none empty.',
    level: CERTIFICATION_ERROR,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    if (root.type !== 'object') return;
    const metadata = prop(root, KEY);
    if (!metadata) {
      const misplaced = prop(prop(root, 'info'), KEY);
      if (misplaced) {
        report({ file, node: misplaced, at: 'key', message: `${KEY} is inside "info"; move it to the root of the definition, next to "info"` });
      } else {
        report({ file, node: root, message: `the definition has no root-level ${KEY}; add ${TEMPLATE}` });
      }
      return;
    }
    if (metadata.type !== 'array') {
      report({ file, node: metadata, at: 'value', message: `${KEY} is ${typeName(metadata)}; it must be an array like ${TEMPLATE}` });
      return;
    }
    for (const item of items(metadata)) {
      if (item.type !== 'object') {
        report({ file, node: item, at: 'value', message: `each ${KEY} entry must be an object with "propertyName" and "propertyValue"; this one is ${typeName(item)}` });
        continue;
      }
      const nameNode = prop(item, 'propertyName');
      if (str(nameNode) === undefined) {
        report({
          file,
          node: nameNode ?? item,
          at: 'value',
          message: nameNode
            ? `propertyName is ${typeName(nameNode)}; it must be a string such as "Website"`
            : `this ${KEY} entry has no "propertyName"; add one ("Website", "Privacy policy" or "Categories")`,
        });
      }
    }

    const missing: string[] = [];
    for (const required of REQUIRED) {
      // Letter case is not significant: "Privacy Policy" passes Microsoft's validator in merged connectors.
      const item = metadataEntry(root, required);
      if (!item) {
        missing.push(required);
        continue;
      }
      const valueNode = prop(item, 'propertyValue');
      const value = str(valueNode);
      if (!valueNode) {
        report({ file, node: item, at: 'value', message: `the "${required}" entry has no "propertyValue"; add ${describe(required)}` });
      } else if (value === undefined) {
        report({ file, node: valueNode, message: `the "${required}" propertyValue is ${typeName(valueNode)}; it must be a string: ${describe(required)}` });
      } else if (value.trim() === '') {
        report({ file, node: valueNode, message: `the "${required}" propertyValue is empty; give ${describe(required)}` });
      } else if (URL_ENTRIES.includes(required)) {
        const problem = httpUrlProblem(value);
        if (problem) report({ file, node: valueNode, message: `the "${required}" URL ${quote(value)} ${problem}; give an absolute https:// URL` });
      }
    }
    if (missing.length > 0) {
      report({
        file,
        node: metadata,
        at: 'key',
        message: `${KEY} lacks ${missing.map((m) => `"${m}"`).join(', ')}; add ${missing.length > 1 ? 'entries' : 'an entry'} {"propertyName": "${missing[0]}", "propertyValue": "…"}`,
      });
    }
  },
});

function describe(entry: string): string {
  if (entry === 'Website') return "the service's website as an absolute https:// URL";
  if (entry === 'Privacy policy') return "the service's privacy policy as an absolute https:// URL";
  return '1 or 2 categories separated by ";" (e.g. "Productivity;Collaboration")';
}
