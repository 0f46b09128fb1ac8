import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, quote } from '../define.js';
import { isOAuth, parameterGroups } from './credentials.js';

/** Redirect modes the platform knows; certified connectors use the per-connector redirect URI. */
const MODES = ['Global', 'GlobalPerConnector', 'Direct'];

export default defineRule({
  meta: {
    id: 'oauth-redirect',
    criterion: 'authentication',
    description: "Each OAuth connection parameter of a certified connector sets oAuthSettings.redirectMode (the app's redirect URI itself cannot be checked offline).",
    level: levels('error', 'off', 'off'),
  },
  check({ connector, report }) {
    const file = parsedApiProperties(connector);
    if (!file) return;
    for (const group of parameterGroups(file)) {
      for (const parameter of group.parameters.filter(isOAuth)) {
        const settings = parameter.oauth;
        if (!settings || settings.type !== 'object') continue; // auth-supported's / apiprops-schema's business
        const modeNode = prop(settings, 'redirectMode');
        const mode = str(modeNode);
        if (!modeNode) {
          report({
            file,
            node: settings,
            at: 'key',
            message: `the OAuth settings of ${quote(parameter.name)} have no "redirectMode"; add "redirectMode": "GlobalPerConnector" and register the redirect URI the portal shows for this connector (or https://global.consent.azure-apim.net/redirect for "Global") in your OAuth app`,
          });
        } else if (mode !== undefined && !MODES.includes(mode)) {
          const near = MODES.find((m) => m.toLowerCase() === mode.toLowerCase());
          report({
            file,
            node: modeNode,
            message: `redirectMode ${quote(mode)} is not one of ${MODES.join(', ')}${near ? `; write ${quote(near)}` : '; use "GlobalPerConnector"'}`,
            ...(near ? { fix: { offset: modeNode.offset, length: modeNode.length, text: JSON.stringify(near) } } : {}),
          });
        }
      }
    }
  },
});
