import { items, prop, str, type Node } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote, type ParsedJsonFile } from '../define.js';
import type { Problem } from '../../engine/types.js';

const SUPPORTED = ['https', 'http'];

export default defineRule({
  meta: {
    id: 'schemes',
    criterion: 'definition',
    description: 'schemes lists "https" (or "http"): not empty, lowercase, no WebSocket schemes; http alone is a warning.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    if (root.type !== 'object') return;
    const top = prop(root, 'schemes');
    if (!top) {
      report({ file, node: root, recommended: true, message: 'the definition has no "schemes"; add "schemes": ["https"] so the platform calls the API over HTTPS' });
    } else checkList(file, top, 'schemes', report);
    for (const operation of operations(root)) {
      const list = prop(operation.node, 'schemes');
      if (list) checkList(file, list, `the schemes of ${operation.method.toUpperCase()} ${operation.path}`, report);
    }
  },
});

function checkList(file: ParsedJsonFile, list: Node, where: string, report: (problem: Problem) => void): void {
  // A list that is not an array is swagger-schema's business.
  if (list.type !== 'array') return;
  const values = items(list);
  if (values.length === 0) {
    report({
      file,
      node: list,
      message: `${where} is empty; list at least one scheme: ["https"]`,
      fix: { offset: list.offset, length: list.length, text: '["https"]' },
    });
    return;
  }
  const valid: string[] = [];
  for (const item of values) {
    const scheme = str(item);
    if (scheme === undefined) continue; // swagger-schema reports the wrong type
    const normal = scheme.trim().toLowerCase();
    if (SUPPORTED.includes(scheme)) valid.push(scheme);
    else if (SUPPORTED.includes(normal)) {
      valid.push(normal);
      report({
        file,
        node: item,
        message: `scheme ${quote(scheme)} must be written in lowercase without spaces: "${normal}"`,
        fix: { offset: item.offset, length: item.length, text: JSON.stringify(normal) },
      });
    } else if (normal === 'ws' || normal === 'wss') {
      report({ file, node: item, message: `scheme ${quote(scheme)} is a WebSocket scheme, which connectors do not support; use "https"` });
    } else {
      report({ file, node: item, message: `scheme ${quote(scheme)} is not a transfer protocol connectors support; use "https" (or "http")` });
    }
  }
  if (valid.length > 0 && !valid.includes('https')) {
    report({
      file,
      node: list,
      recommended: true,
      message: `${where} allows only "http"; serve the API over HTTPS and list "https" (credentials and data otherwise travel unencrypted)`,
    });
  }
}
