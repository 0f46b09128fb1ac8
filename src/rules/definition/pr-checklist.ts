import type { Profile } from '../../engine/types.js';
import { securityDefinitions } from '../authentication/credentials.js';
import { defineRule, levels, parsedSwagger } from '../define.js';

/** The checkboxes of Microsoft's pull request template (.github/pull_request_template.md), matched by their wording. */
export const CHECKLIST = [
  { name: 'not already on the platform', pattern: /already (exists?|available|on the)|(doesn't|does not|do not|not) (already |yet )?exists?\b/i, profiles: ['certified', 'independent-publisher'] },
  { name: 'tested all operations', pattern: /testing all the operations|tested all (the )?operations|connector works/i, profiles: ['certified', 'independent-publisher'] },
  { name: 'descriptions added', pattern: /detailed descriptions/i, profiles: ['certified', 'independent-publisher'] },
  { name: 'response schemas added', pattern: /response schemas?/i, profiles: ['certified', 'independent-publisher'] },
  { name: 'paconn validate run', pattern: /paconn validate/i, profiles: ['certified', 'independent-publisher'] },
  { name: 'brand colour / no icon', pattern: /brand colou?r|connector icon/i, profiles: ['certified', 'independent-publisher'] },
  { name: 'PR title pattern', pattern: /named this PR/i, profiles: ['independent-publisher'] },
  { name: 'screenshots of 3 operations in a flow', pattern: /3 unique operations|flow succeeding/i, profiles: ['independent-publisher'] },
  { name: 'screenshot of the Test operations section', pattern: /test operations section/i, profiles: ['independent-publisher'] },
  { name: 'OAuth app steps in readme.md', pattern: /uses OAuth.*create an app|steps on how to create an app/i, profiles: ['independent-publisher'], oauthOnly: true },
] as const satisfies readonly { name: string; pattern: RegExp; profiles: readonly Profile[]; oauthOnly?: boolean }[];

/** A body shorter than this is read whole; PR bodies are at most 65,536 characters on GitHub. */
const MAX_BODY = 262_144;
const CHECKBOX = /^\s{0,3}(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*)$/;

export interface Checkbox {
  ticked: boolean;
  text: string;
}

export function checkboxes(body: string): Checkbox[] {
  const result: Checkbox[] = [];
  for (const line of body.slice(0, MAX_BODY).split(/\r\n|\r|\n/)) {
    const match = CHECKBOX.exec(line);
    if (match) result.push({ ticked: match[1] !== ' ', text: match[2] as string });
  }
  return result;
}

/**
 * The template's attestations in the pull request body: one warning listing the required boxes left
 * unticked. Runs only when the edge supplies a pull request body that looks like the template (at
 * least two known checkbox texts): a body written from scratch is a reviewer's business. The finding
 * sits on line 1 of the connector's apiDefinition.swagger.json (a PR body has no file).
 */
export default defineRule({
  meta: {
    id: 'pr-checklist',
    criterion: 'definition',
    description: "The pull request body ticks the template's required checkboxes (tested, descriptions, response schemas, paconn validate, brand colour; independent publishers: title, screenshots, OAuth steps).",
    level: levels('warning', 'warning', 'off'),
  },
  check({ connector, options, report }) {
    const body = options.pullRequest?.body;
    if (!body) return;
    const file = connector.files.swagger ?? connector.files.apiProperties;
    if (!file) return;
    const boxes = checkboxes(body);
    const known = CHECKLIST.filter((item) => boxes.some((box) => item.pattern.test(box.text)));
    if (known.length < 2) return;
    const oauth = securityDefinitions(parsedSwagger(connector)).some((definition) => definition.type === 'oauth2');
    const unticked = known.filter(
      (item) =>
        (item.profiles as readonly Profile[]).includes(connector.profile) &&
        (!('oauthOnly' in item) || oauth) &&
        boxes.some((box) => !box.ticked && item.pattern.test(box.text)) &&
        !boxes.some((box) => box.ticked && item.pattern.test(box.text)),
    );
    if (unticked.length === 0) return;
    report({
      file,
      message: `the pull request body leaves ${unticked.length} required checklist item(s) of the template unticked: ${unticked.map((item) => item.name).join('; ')}; do what each asks, then tick it ("- [x]")`,
    });
  },
});
