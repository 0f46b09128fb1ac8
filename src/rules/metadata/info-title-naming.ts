import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';

/** A trailing version: "(V1)", "V2", "v2.1", "Version 3", "- v2". */
const VERSION_SUFFIX = /(?:^|[\s\-–—:,(])\(?\s*(?:v|ver\.?|version)\s*\d+(?:\.\d+)*\s*\)?\s*$/i;
/** The IP label Microsoft adds to the published name: not part of info.title (rules.md row 10). */
const IP_SUFFIX = /\s*[(-]?\s*independent\s+publisher\s*\)?\s*$/i;

export default defineRule({
  meta: {
    id: 'info-title-naming',
    criterion: 'metadata',
    description: 'info.title is the service name without a version suffix such as "(V1)" or an "(Independent Publisher)" label.',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const title = prop(prop(file.doc.root, 'info'), 'title');
    const text = str(title);
    if (!title || text === undefined || text.trim() === '') return;
    const ip = IP_SUFFIX.exec(text);
    if (ip && ip.index > 0) {
      report({
        file,
        node: title,
        message: `the title ${quote(text)} ends with ${quote(ip[0].trim())}; Microsoft labels independent-publisher connectors itself (the suffix goes in the pull-request title): remove it from info.title`,
      });
      return;
    }
    const version = VERSION_SUFFIX.exec(text);
    if (version && version.index > 0) {
      const suffix = version[0].trim().replace(/^[-–—:,]\s*/, '');
      report({
        file,
        node: title,
        // No fix: "HubSpot CRM V2" may be how a second connector tells itself apart from the first.
        message: `the title ${quote(text)} ends with the version ${quote(suffix)}; name the service only and keep the version in info.version, unless it separates this connector from an existing one of the same name`,
      });
    }
  },
});
