import { bool, prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, quote } from '../define.js';
import { isOAuth, parameterGroups, propCi } from '../authentication/credentials.js';

/** Names whose values are secrets (stricter than CREDENTIAL_NAME: no "auth", no bare "token"). */
export const SECRET_NAME = /api[_-]?key|secret|password|passwd|pwd|access[_-]?token|private[_-]?key|subscription[_-]?key/i;

export default defineRule({
  meta: {
    id: 'connection-params-ui',
    criterion: 'completeness',
    description: 'Connection parameters have uiDefinition displayName, description and tooltip; secrets are securestring and hidden; constraints.required is "true"/"false".',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedApiProperties(connector);
    if (!file) return;
    for (const group of parameterGroups(file)) {
      const where = group.label === 'connectionParameters' ? '' : ` (set ${quote(group.label)})`;
      for (const parameter of group.parameters) {
        if (parameter.node.type !== 'object') continue;
        const ui = prop(parameter.node, 'uiDefinition');
        const constraints = prop(ui, 'constraints');
        const required = prop(constraints, 'required');
        const requiredValue = bool(required);
        if (required && requiredValue !== undefined) {
          report({
            file,
            node: required,
            message: `constraints.required of ${quote(parameter.name)}${where} is the boolean ${requiredValue}; the schema wants the string "${requiredValue}"`,
            fix: { offset: required.offset, length: required.length, text: JSON.stringify(String(requiredValue)) },
          });
        }
        const hidden = prop(constraints, 'hidden');
        const isHidden = bool(hidden) === true || str(hidden)?.toLowerCase() === 'true';
        // OAuth sign-in and gateway parameters show no text box; "token:TenantId"-style parameters
        // are OAuth settings the user may fill, and hidden parameters are never shown.
        const kind = parameter.type?.toLowerCase();
        if (isOAuth(parameter) || kind === 'gatewaysetting' || isHidden) continue;
        if (!ui || ui.type !== 'object') {
          report({ file, node: parameter.node, at: 'key', message: `connection parameter ${quote(parameter.name)}${where} has no uiDefinition; add {"displayName": …, "description": …, "tooltip": …, "constraints": {"required": "true"}}` });
          continue;
        }
        const missing = ['displayName', 'description', 'tooltip'].filter((key) => {
          const text = str(propCi(ui, key));
          return text === undefined || text.trim() === '';
        });
        if (missing.length > 0) {
          report({
            file,
            node: ui,
            at: 'key',
            message: `the uiDefinition of ${quote(parameter.name)}${where} lacks ${missing.map((m) => `"${m}"`).join(', ')}; add ${missing.length > 1 ? 'them' : 'it'} so users know what to enter`,
          });
        }
        if (parameter.name.startsWith('token:') || !SECRET_NAME.test(parameter.name)) continue;
        if (kind === 'string') {
          report({
            file,
            node: parameter.typeNode ?? parameter.node,
            // No fix: changing a connection parameter's type breaks existing connections of a published connector.
            message: `connection parameter ${quote(parameter.name)}${where} holds a secret but has type "string"; use "securestring" so the value is stored encrypted and masked`,
          });
        }
        const clearText = prop(constraints, 'clearText');
        if (kind === 'securestring' && bool(clearText) === true && clearText) {
          report({
            file,
            node: clearText,
            message: `connection parameter ${quote(parameter.name)}${where} holds a secret but shows it in clear text; set "clearText": false`,
            fix: { offset: clearText.offset, length: clearText.length, text: 'false' },
          });
        }
      }
    }
  },
});
