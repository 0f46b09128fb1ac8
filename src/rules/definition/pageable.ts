import { prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger, quote } from '../define.js';
import { operationLabel } from '../completeness/shared.js';

const NEXT_LINK_NAMES = ['nextLink', '@odata.nextLink'];

export default defineRule({
  meta: {
    id: 'pageable',
    criterion: 'definition',
    description: "x-ms-pageable is an object whose nextLinkName is 'nextLink' or '@odata.nextLink'.",
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    for (const operation of operations(file.doc.root)) {
      const pageable = prop(operation.node, 'x-ms-pageable');
      if (!pageable) continue;
      const label = operationLabel(operation);
      if (pageable.type !== 'object') {
        report({ file, node: pageable, message: `${label} has an x-ms-pageable that is not an object; write {"nextLinkName": "nextLink"} or "@odata.nextLink"` });
        continue;
      }
      const name = prop(pageable, 'nextLinkName');
      const value = str(name);
      if (value !== undefined && NEXT_LINK_NAMES.includes(value)) continue;
      report({
        file,
        node: name ?? pageable,
        at: name ? 'value' : 'key',
        // No fix: the name is the response property the platform reads the next page's URL from.
        message: `${label} has ${name ? `x-ms-pageable.nextLinkName ${value === undefined ? 'that is not a string' : quote(value)}` : 'an x-ms-pageable without nextLinkName'}; it must be "nextLink" or "@odata.nextLink", the property of the response holding the next page's URL`,
      });
    }
  },
});
