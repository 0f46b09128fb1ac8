import type { TextFile } from '../../engine/files.js';
import { defineRule, levels, quote } from '../define.js';
import { anchorOf, readReadme, type Heading, type Readme } from '../completeness/readme.js';

/**
 * intro.md, the Partner Center introduction of a certified connector: one descriptive paragraph
 * and six sections; the list of actions and triggers is generated, so it must not be written.
 *
 * Calibration: none of the 74 certified packages of the corpus keeps an intro.md in the
 * repository: intro.md travels in the Partner Center submission zip, next to the solution package
 * (pkg-partner-center-zip's business), not in the pull request. A missing intro.md is therefore not
 * reported by this repository gate: as an error it would fail every merged certified connector, and
 * as a warning it would mark every one of them (and every certified pull request) "warn". When
 * intro.md is in the package, its content is judged as the Partner Center requirement it is
 * (errors), except for the two heuristics (sentence count, an operations heading): warnings.
 */
export const INTRO_SECTIONS = [
  { title: 'Prerequisites', pattern: /^pre-?requisites?\b/ },
  { title: 'How to get credentials', pattern: /^how to (get|obtain) (the |your )?credentials?\b/ },
  { title: 'Get started', pattern: /^(get|getting) started\b/ },
  { title: 'Known issues and limitations', pattern: /^known issues\b/ },
  { title: 'Common errors and remedies', pattern: /^common errors\b/ },
  { title: 'FAQ', pattern: /^(faqs?|frequently asked questions)\b/ },
] as const;

/** A heading that lists the operations (Partner Center generates that list). */
const OPERATIONS_HEADING = /^((supported|available|connector)\s+)?(operations|actions|triggers)\b|^(actions|triggers)\s+(and|&)\s+(actions|triggers)\b/;

export const MAX_SENTENCES = 8;

/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATION = /\b(e\.g|i\.e|etc|vs|approx|incl|no|dr|mr|mrs|ms|inc|ltd|co|corp)\.$/i;

/** Sentences in a prose text: ends at . ! ? followed by a space or the end; decimals and abbreviations do not count. */
export function countSentences(text: string): number {
  const prose = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`[^`]*`/g, 'code');
  const ends = /[.!?]+(?=\s|$)/g;
  let count = 0;
  let last = 0;
  for (let match = ends.exec(prose); match; match = ends.exec(prose)) {
    const before = prose.slice(Math.max(0, match.index - 10), match.index + 1);
    last = match.index + match[0].length;
    if (match[0] === '.' && ABBREVIATION.test(before)) continue;
    count++;
  }
  // A last sentence without a full stop still counts.
  return count + (prose.slice(last).trim() === '' ? 0 : 1);
}

interface Paragraph {
  text: string;
  offset: number;
  length: number;
}

/** The prose before the first section heading (after an optional H1 title), as one text. */
function description(readme: Readme): Paragraph | undefined {
  const firstSection = readme.headings.find((h) => h.level > 1 || readme.headings.indexOf(h) > 0);
  const end = firstSection ? firstSection.line : readme.lines.length;
  const parts: string[] = [];
  let start: { offset: number; length: number } | undefined;
  for (const line of readme.lines.slice(0, end)) {
    if (line.code || /^ {0,3}#/.test(line.text) || /^ {0,3}(=+|-+)\s*$/.test(line.text)) continue;
    const text = line.text.trim();
    if (text === '' || /^<[^>]*>$/.test(text)) continue;
    start ??= { offset: line.offset + (line.text.length - line.text.trimStart().length), length: text.length };
    parts.push(text);
  }
  return start ? { text: parts.join(' '), ...start } : undefined;
}

function headingOf(readme: Readme, pattern: RegExp): Heading | undefined {
  return readme.headings.find((h) => pattern.test(h.key.replace(/[:.]+$/, '').trim()));
}

export default defineRule({
  meta: {
    id: 'intro-md',
    criterion: 'definition',
    description:
      'Certified: intro.md (the Partner Center introduction) has one descriptive paragraph of at most 8 sentences, the sections Prerequisites, How to get credentials, Get started, Known issues and limitations, Common errors and remedies, FAQ, and no list of actions or triggers.',
    level: levels('error', 'off', 'off'),
  },
  check({ connector, report }) {
    const file: TextFile | undefined = connector.files.intro;
    // Missing: not reported (see the calibration note above): intro.md goes to Partner Center with
    // the solution package, and no merged certified connector keeps one in the repository.
    if (!file) return;
    // An unreadable intro.md is pkg-file-readable's business.
    if (file.readProblem) return;
    const readme = readReadme(file);
    const anchor = anchorOf(readme);
    const paragraph = description(readme);
    if (!paragraph) {
      report({ file, ...anchor, message: 'intro.md has no descriptive paragraph before its sections; start with one paragraph (at most 8 sentences) about the service and the connector' });
    } else {
      const sentences = countSentences(paragraph.text);
      if (sentences > MAX_SENTENCES) {
        report({
          file,
          offset: paragraph.offset,
          length: paragraph.length,
          recommended: true,
          message: `intro.md's description has ${sentences} sentences; Partner Center asks for one paragraph of at most ${MAX_SENTENCES}: shorten it and move details into the sections`,
        });
      }
    }
    for (const { title, pattern } of INTRO_SECTIONS) {
      if (headingOf(readme, pattern)) continue;
      report({ file, ...anchor, message: `intro.md has no "${title}" section; add "## ${title}"` });
    }
    for (const heading of readme.headings) {
      if (!OPERATIONS_HEADING.test(heading.key)) continue;
      report({
        file,
        offset: heading.offset,
        length: heading.length,
        recommended: true,
        message: `intro.md lists operations under ${quote(heading.text)}; Partner Center generates the list of actions and triggers: remove this section`,
      });
    }
  },
});
