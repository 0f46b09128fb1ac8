import type { JsonFile } from '../../engine/files.js';
import type { Problem } from '../../engine/types.js';
import { defineRule, levels } from '../define.js';

/** Findings per kind and file; the rest are summed up in one more finding (a fix per run is enough). */
export const MAX_PER_KIND = 10;

export default defineRule({
  meta: {
    id: 'pkg-format-style',
    criterion: 'definition',
    description: 'apiDefinition.swagger.json and apiProperties.json use no hard tabs and no trailing whitespace.',
    level: levels('warning', 'warning', 'warning'),
  },
  check({ connector, report }) {
    for (const file of [connector.files.swagger, connector.files.apiProperties]) {
      // Only strict JSON: there every tab and trailing space is whitespace between tokens, so the
      // fixes cannot change a value (a raw tab inside a string is pkg-json-strict's business).
      if (!file || file.readProblem || !file.doc.root || file.doc.problems.length > 0) continue;
      checkFile(file, report);
    }
  },
});

function checkFile(file: JsonFile, report: (problem: Problem) => void): void {
  const name = file.path.split('/').pop() as string;
  const { trailing, tabs } = scanWhitespace(file.doc.text);
  trailing.slice(0, MAX_PER_KIND).forEach(({ offset, length }) => {
    report({ file, offset, length, message: `trailing whitespace in ${name}; remove it`, fix: { offset, length, text: '' } });
  });
  if (trailing.length > MAX_PER_KIND) {
    const next = trailing[MAX_PER_KIND] as { offset: number; length: number };
    report({ file, ...next, message: `${trailing.length - MAX_PER_KIND} more lines of ${name} end in whitespace; strip trailing whitespace from the whole file (the editor's "trim trailing whitespace")` });
  }
  tabs.slice(0, MAX_PER_KIND).forEach(({ offset, length, text }) => {
    report({ file, offset, length, message: `hard tab in ${name}; indent with spaces (Microsoft's convention is 4)`, fix: { offset, length, text } });
  });
  if (tabs.length > MAX_PER_KIND) {
    const next = tabs[MAX_PER_KIND] as { offset: number; length: number };
    report({ file, offset: next.offset, length: next.length, message: `${tabs.length - MAX_PER_KIND} more lines of ${name} contain hard tabs; convert tabs to spaces in the whole file` });
  }
}

const SPACE = 32;
const TAB = 9;
const CR = 13;

/**
 * Trailing whitespace and hard tabs, in one pass over the text. (A per-line `/[ \t]+$/` backtracks
 * over every run of indentation, which made this the slowest rule on large definitions.)
 */
function scanWhitespace(text: string): {
  trailing: { offset: number; length: number }[];
  tabs: { offset: number; length: number; text: string }[];
} {
  const trailing: { offset: number; length: number }[] = [];
  const tabs: { offset: number; length: number; text: string }[] = [];
  // The next tab at or after the current line: searched again only once the lines pass it, so
  // a file with a few tabs is not searched to its next tab from every line.
  let nextTab = text.indexOf('\t');
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const lineEnd = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    let bodyEnd = lineEnd;
    while (bodyEnd > start && (text.charCodeAt(bodyEnd - 1) === SPACE || text.charCodeAt(bodyEnd - 1) === TAB)) bodyEnd--;
    if (bodyEnd < lineEnd) trailing.push({ offset: bodyEnd, length: lineEnd - bodyEnd });
    if (nextTab !== -1 && nextTab < start) nextTab = text.indexOf('\t', start);
    const first = nextTab;
    if (first !== -1 && first < bodyEnd) {
      const last = text.lastIndexOf('\t', bodyEnd - 1);
      tabs.push({ offset: first, length: last - first + 1, text: text.slice(first, last + 1).replace(/\t/g, '    ') });
    }
    start = end + 1;
  }
  return { trailing, tabs };
}
