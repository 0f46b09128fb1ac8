import { prop, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, quote } from '../define.js';
import { publisherLine, readReadme } from '../completeness/readme.js';

/** Legal-form suffixes that do not change who the publisher is ("Contoso" = "Contoso Ltd."). */
const LEGAL_SUFFIX = /[\s,]+(ltd|limited|llc|l\.l\.c|inc|incorporated|corp|corporation|co|gmbh|ag|sa|s\.a|nv|bv|b\.v|oy|ab|as|srl|s\.r\.l|s\.r\.o|sro|plc|pty|pvt|private|kk|sas|spa|s\.p\.a)\.?$/i;

/** Case, accents, punctuation, spacing and legal suffixes removed: "QuartzData Ltd" = "Quartz Data". */
export function normalizePublisher(value: string): string {
  let text = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
  for (let i = 0; i < 4 && LEGAL_SUFFIX.test(text); i++) text = text.replace(LEGAL_SUFFIX, '');
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** "A, B & C" → the names A, B, C. */
function names(value: string): string[] {
  return value
    .split(/,|&|\band\b|;/i)
    .map(normalizePublisher)
    .filter((name) => name !== '');
}

const TEMPLATE_PLACEHOLDER = /publisher'?s name|<name>|your name/i;

export default defineRule({
  meta: {
    id: 'readme-publisher-consistency',
    criterion: 'metadata',
    description: 'The Publisher named in readme.md is apiProperties.json\'s publisher (independent publishers: one of the comma-separated names).',
    level: levels('warning', 'warning', 'off'),
  },
  check({ connector, report }) {
    const file = connector.files.readme;
    const apiProperties = parsedApiProperties(connector);
    if (!file || file.readProblem || !apiProperties) return;
    const publisher = str(prop(prop(apiProperties.doc.root, 'properties'), 'publisher'));
    // A missing publisher is publisher-stackowner's business, a missing readme line readme-sections'.
    if (publisher === undefined || publisher.trim() === '') return;
    const line = publisherLine(readReadme(file));
    if (!line || line.value === '') return;
    if (TEMPLATE_PLACEHOLDER.test(line.value)) {
      report({ file, offset: line.offset, length: line.length, message: `the readme's Publisher is the template placeholder ${quote(line.value)}; write ${quote(publisher)}, the publisher in apiProperties.json` });
      return;
    }
    const wanted = normalizePublisher(publisher);
    if (normalizePublisher(line.value) === wanted) return;
    const listed = names(line.value);
    const own = names(publisher);
    // Independent publishers list people and companies: apiProperties' publisher(s) must be among them.
    if (connector.profile === 'independent-publisher' && own.length > 0 && own.every((name) => listed.includes(name))) return;
    report({
      file,
      offset: line.offset,
      length: line.length,
      message: `the readme's Publisher ${quote(line.value)} differs from apiProperties.json's publisher ${quote(publisher)}; use the same name in both`,
    });
  },
});
