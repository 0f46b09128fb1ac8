import { entries, str } from '../../engine/json/tree.js';
import { defineRule, levels, quote, type ParsedJsonFile } from '../define.js';

/** Keys of paconn's settings.json (schemas/paconn-settings.schema.json, plus "script" that paconn reads). */
const KEYS = ['connectorId', 'environment', 'apiProperties', 'apiDefinition', 'icon', 'script', 'powerAppsUrl', 'powerAppsApiVersion', 'flowUrl', 'flowApiVersion'] as const;
const BY_LOWER = new Map<string, string>(KEYS.map((k) => [k.toLowerCase(), k]));
export const API_VERSION = '2016-11-01';
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** An environment name: a GUID, or a default environment "Default-<tenant GUID>". */
const ENVIRONMENT = new RegExp(`^(?:Default-)?${GUID}$`);
const CONNECTOR_ID = /^[A-Za-z0-9_-]+$/;

export default defineRule({
  meta: {
    id: 'pkg-settings-schema',
    criterion: 'definition',
    description: `settings.json, when present, has only paconn's keys, string values, an environment GUID and API versions ${API_VERSION}.`,
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = connector.files.settings;
    if (!file?.doc.root) return;
    const settings = file as ParsedJsonFile;
    const root = settings.doc.root;
    if (root.type !== 'object') {
      report({ file: settings, node: root, message: `settings.json is a JSON ${root.type}; it must be an object such as {"powerAppsApiVersion": "${API_VERSION}"}` });
      return;
    }
    for (const { key, keyNode, value } of entries(root)) {
      const known = BY_LOWER.get(key.toLowerCase());
      if (known === undefined) {
        report({ file: settings, node: keyNode, message: `settings.json has the unknown key ${quote(key)}; paconn reads only ${KEYS.join(', ')}: remove it` });
        continue;
      }
      if (known !== key) {
        report({ file: settings, node: keyNode, message: `settings.json key ${quote(key)} must be spelled ${quote(known)}`, fix: { offset: keyNode.offset, length: keyNode.length, text: JSON.stringify(known) } });
      }
      const text = str(value);
      if (text === undefined) {
        report({ file: settings, node: value, message: `settings.json "${known}" is ${value.type === 'null' ? 'null' : `a JSON ${value.type}`}; it must be a string` });
        continue;
      }
      if (known === 'environment' && !ENVIRONMENT.test(text.trim())) {
        report({ file: settings, node: value, message: `environment ${quote(text)} is not an environment name; give the environment GUID (or "Default-<tenant GUID>") from the maker portal URL` });
      } else if (known === 'connectorId' && !CONNECTOR_ID.test(text)) {
        report({ file: settings, node: value, message: `connectorId ${quote(text)} is not a connector id (letters, digits, "-" and "_"); copy it from the connector's URL or remove it` });
      } else if ((known === 'powerAppsApiVersion' || known === 'flowApiVersion') && text !== API_VERSION) {
        report({ file: settings, node: value, message: `${known} ${quote(text)} must be "${API_VERSION}"`, fix: { offset: value.offset, length: value.length, text: JSON.stringify(API_VERSION) } });
      } else if ((known === 'powerAppsUrl' || known === 'flowUrl') && !/^https:\/\/[^\s/]+\.[^\s/]+\/?$/.test(text)) {
        report({ file: settings, node: value, message: `${known} ${quote(text)} is not an https:// service URL such as "${known === 'flowUrl' ? 'https://api.flow.microsoft.com' : 'https://api.powerapps.com'}"` });
      } else if ((known === 'apiProperties' || known === 'apiDefinition' || known === 'icon' || known === 'script') && (text.trim() === '' || /^[/\\]|^[a-zA-Z]:|(^|[/\\])\.\.([/\\]|$)/.test(text))) {
        report({ file: settings, node: value, message: `${known} ${quote(text)} must be a file name relative to the connector folder, such as "${defaultName(known)}"` });
      }
    }
  },
});

function defaultName(key: string): string {
  return key === 'apiProperties' ? 'apiProperties.json' : key === 'apiDefinition' ? 'apiDefinition.swagger.json' : key === 'icon' ? 'icon.png' : 'script.csx';
}
