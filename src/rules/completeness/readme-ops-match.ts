import { bool, prop, str } from '../../engine/json/tree.js';
import { operations } from '../../engine/swagger.js';
import { defineRule, levels, parsedSwagger, quote } from '../define.js';
import { readReadme, SECTIONS, sectionLines, subHeadings, plainText, type Heading, type Readme } from './readme.js';
import { isInternal } from './shared.js';

/** How many missing operations one message names. */
const NAMED = 5;

/** Lowercase letters and digits only, without a trailing "(deprecated)" / "(preview)" marker. */
export function opKey(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/\((deprecated|preview|beta|v\d+)\)\s*$/i, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

interface Listed {
  /** What the readme calls it, and the alternative readings ("Name - what it does" → "Name"). */
  name: string;
  candidates: string[];
  offset: number;
  length: number;
}

/** Headings inside an operations section that end the list: other template sections. */
const OTHER_SECTION = /^(frequently asked questions|faq|getting started|get started|further support|support|common errors|known issues|obtaining credentials|how to get credentials|deployment instructions|publisher|prerequisites)\b/;

/** Headings that group operations rather than name one. */
const GROUP = /^((supported|available|standard|premium)\s+)?(triggers?|actions?|operations?|webhooks?)$/;

/** Where a name's head ends: "Name: what it does", "Name - what it does". */
const HEAD_END = /:\s|\s[-–—]\s/;

/**
 * The name and, when it differs, its head, without blanks. Called for every listed item and every
 * operation summary, so it builds only the result (no split into all the parts, no set).
 */
function candidatesOf(text: string): string[] {
  const clean = plainText(text).replace(/:$/, '').trim();
  if (clean === '') return [];
  const end = HEAD_END.exec(clean);
  const head = end ? clean.slice(0, end.index).trim() : clean;
  return head === '' || head === clean ? [clean] : [clean, head];
}

/** The operations a readme lists: the innermost headings under the section, or else its list items. */
function listed(readme: Readme, section: Heading): Listed[] {
  const subs: Heading[] = [];
  for (const h of subHeadings(readme, section)) {
    if (OTHER_SECTION.test(h.key)) break;
    subs.push(h);
  }
  // The operations are the shallowest headings below the section; a group heading ("### Triggers",
  // "### Actions") stands for the headings one level below it. Deeper ones are details.
  const top = Math.min(...subs.map((h) => h.level));
  const leaves: Heading[] = [];
  subs.forEach((h, i) => {
    if (h.level !== top) return;
    if (!GROUP.test(h.key)) {
      leaves.push(h);
      return;
    }
    for (const child of subs.slice(i + 1)) {
      if (child.level <= h.level) break;
      if (child.level === h.level + 1) leaves.push(child);
    }
  });
  if (leaves.length > 0) return leaves.filter((h) => h.text !== '').map((h) => ({ name: h.text, candidates: candidatesOf(h.text), offset: h.offset, length: h.length }));
  const result: Listed[] = [];
  for (const line of sectionLines(readme, section)) {
    if (line.code) continue;
    // "- Name", "* **Name**: what it does", "1. `Name` - what it does"; nested items are details.
    const item = /^( {0,1}(?:[-*+]|\d+[.)])[ \t]+)(.*)$/.exec(line.text);
    if (!item) continue;
    const body = item[2] as string;
    const marked = /^(\*\*|__)(.+?)\1/.exec(body) ?? /^(`)(.+?)`/.exec(body);
    const candidates = candidatesOf(marked ? (marked[2] as string) : body);
    if (candidates.length === 0) continue;
    result.push({ name: candidates[candidates.length - 1] as string, candidates, offset: line.offset + (item[1] as string).length, length: body.trimEnd().length });
  }
  return result;
}

/** The words of a name, lowercase. */
function wordsOf(text: string): Set<string> {
  return new Set(plainText(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
}

/** Word overlap (Jaccard) of two names' words, 0–1. */
function similarity(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** `compute` remembered per text: the same names are compared many times over. */
function cached<T>(compute: (text: string) => T): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) results.set(text, (result = compute(text)));
    return result;
  };
}

export default defineRule({
  meta: {
    id: 'readme-ops-match',
    criterion: 'completeness',
    description: "The operations readme.md lists under Supported Operations are the definition's operation summaries.",
    level: levels('warning', 'warning', 'off'),
  },
  check({ connector, report }) {
    const file = connector.files.readme;
    const swagger = parsedSwagger(connector);
    if (!file || file.readProblem || !swagger) return;
    const readme = readReadme(file);
    // Every section listing operations ("Supported Operations", "Supported Triggers", "Actions").
    const sections = readme.headings.filter((h, index) => {
      if (!SECTIONS.operations.pattern.test(h.key)) return false;
      // Not a "### Get actions" operation inside another operations section.
      const parent = readme.headings.slice(0, index).reverse().find((p) => p.level < h.level);
      return !parent || !SECTIONS.operations.pattern.test(parent.key);
    });
    if (sections.length === 0) return; // readme-sections' business
    const items = sections.flatMap((section) => listed(readme, section));
    if (items.length === 0) return; // prose only: nothing to compare

    const key = cached(opKey);
    const words = cached(wordsOf);
    const ops = operations(swagger.doc.root).map((operation) => {
      const summary = str(prop(operation.node, 'summary'));
      return {
        summary,
        candidates: summary ? candidatesOf(summary) : [],
        id: str(prop(operation.node, 'operationId')),
        shown: !isInternal(operation.node) && bool(prop(operation.node, 'deprecated')) !== true,
      };
    });
    const known = new Set<string>();
    for (const op of ops) {
      for (const candidate of op.candidates) known.add(key(candidate));
      if (op.id) known.add(key(op.id));
    }
    const mentioned = new Set(items.flatMap((item) => item.candidates.map(key)));
    const unmatched = items.filter((item) => !item.candidates.some((c) => known.has(key(c))));
    const missing = ops.filter((op) => op.shown && op.summary && op.summary.trim() !== '' && !op.candidates.some((c) => mentioned.has(key(c))) && !(op.id && mentioned.has(key(op.id))));
    for (const item of unmatched) {
      // A renamed operation: the closest missing summary, if close enough, is named in the message.
      let best: { index: number; score: number } | undefined;
      missing.forEach((op, index) => {
        const score = Math.max(...item.candidates.map((c) => similarity(words(c), words(op.summary as string))));
        if (score >= 0.5 && (!best || score > best.score)) best = { index, score };
      });
      const match = best ? missing.splice(best.index, 1)[0] : undefined;
      report({
        file,
        offset: item.offset,
        length: item.length,
        message: match
          ? `readme.md lists the operation ${quote(item.name)}, but the definition's summary is ${quote(match.summary as string)}; use the same name in both`
          : `readme.md lists the operation ${quote(item.name)}, which matches no operation summary in the definition; rename it to the action's summary or remove it`,
      });
    }
    if (missing.length === 0) return;
    const first = sections[0] as Heading;
    const shown = missing.slice(0, NAMED).map((op) => quote(op.summary as string, 40)).join(', ');
    const more = missing.length > NAMED ? ` and ${missing.length - NAMED} more` : '';
    report({
      file,
      offset: first.offset,
      length: first.length,
      message: `readme.md's "${first.text}" does not list ${missing.length} operation${missing.length > 1 ? 's' : ''} of the definition: ${shown}${more}; add a "###" heading with a short description for each`,
    });
  },
});
