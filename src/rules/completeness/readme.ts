// Reading readme.md: its lines and headings (ATX "## X" and setext "X\n==="), with fenced code
// blocks and HTML comments skipped, each with its offset in the file so findings land on the line.
// Used by the readme rules of several criteria. Linear in the size of the file.
import type { TextFile } from '../../engine/files.js';
import { memoizeByObject } from '../../engine/memo.js';

export interface MdLine {
  /** Offset of the line's first character. */
  offset: number;
  text: string;
  /** Inside a fenced code block or an HTML comment (or its fence line). */
  code: boolean;
}

export interface Heading {
  level: number;
  /** The heading text without markers, emphasis and trailing "#"s. */
  text: string;
  /** Lowercased, whitespace-collapsed `text`, for matching. */
  key: string;
  /** Index in `lines`. */
  line: number;
  /** Offset and length of the heading text in the file. */
  offset: number;
  length: number;
}

export interface Readme {
  file: TextFile;
  lines: MdLine[];
  headings: Heading[];
}

/** A line break: CRLF, CR or LF. */
const BREAK = /\r\n?|\n/g;

/** The lines of `text` with their offsets; the breaks are found by a regex scan, not char by char. */
export function splitLines(text: string): { offset: number; text: string }[] {
  const result: { offset: number; text: string }[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  for (let match = BREAK.exec(text); match; match = BREAK.exec(text)) {
    result.push({ offset: start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  result.push({ offset: start, text: text.slice(start) });
  return result;
}

/** What plainText removes or rewrites: without any of it, only the trim is left to do. */
const MARKUP = /[[*_`\u200b-\u200d\u2060\ufeff]/;

/** Markdown emphasis, code ticks and links reduced to their text; zero-width characters removed. */
export function plainText(text: string): string {
  // Most headings, summaries and names are plain: one scan instead of three replacements.
  if (!MARKUP.test(text)) return text.trim();
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim();
}

export function matchKey(text: string): string {
  return plainText(text).replace(/\s+/g, ' ').toLowerCase();
}

/** The readme's lines and headings, parsed once per file. */
export const readReadme = memoizeByObject((file: TextFile): Readme => {
  const raw = splitLines(file.text);
  const lines: MdLine[] = [];
  const headings: Heading[] = [];
  let fence: string | undefined;
  let comment = false;
  for (let i = 0; i < raw.length; i++) {
    const { offset, text } = raw[i] as { offset: number; text: string };
    if (comment) {
      lines.push({ offset, text, code: true });
      if (text.includes('-->')) comment = false;
      continue;
    }
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence !== undefined) {
      lines.push({ offset, text, code: true });
      if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1] as string).length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      lines.push({ offset, text, code: true });
      continue;
    }
    if (/^\s*<!--/.test(text) && !text.includes('-->')) {
      comment = true;
      lines.push({ offset, text, code: true });
      continue;
    }
    lines.push({ offset, text, code: false });
    const atx = /^( {0,3})(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(text);
    if (atx) {
      const content = (atx[3] ?? '').replace(/[ \t]+#+$/, '').replace(/^#+$/, '');
      const start = text.indexOf(content, (atx[1] as string).length + (atx[2] as string).length);
      const textOffset = offset + (content === '' ? (atx[1] as string).length : Math.max(start, 0));
      headings.push({ level: (atx[2] as string).length, text: plainText(content), key: matchKey(content), line: lines.length - 1, offset: textOffset, length: content.length || (atx[2] as string).length });
      continue;
    }
    // Setext: a non-blank paragraph line followed by === (level 1) or --- (level 2).
    const next = raw[i + 1]?.text;
    const previousBlank = i === 0 || (raw[i - 1]?.text.trim() ?? '') === '';
    if (next !== undefined && previousBlank && text.trim() !== '' && !/^\s*([-*+]|\d+[.)])\s/.test(text) && /^ {0,3}(=+|-+)\s*$/.test(next)) {
      const level = next.trim().startsWith('=') ? 1 : 2;
      const lead = text.length - text.trimStart().length;
      headings.push({ level, text: plainText(text), key: matchKey(text), line: lines.length - 1, offset: offset + lead, length: text.trim().length });
    }
  }
  return { file, lines, headings };
});

/** The lines of a heading's section: up to the next heading of the same or a higher level. */
export function sectionLines(readme: Readme, heading: Heading): MdLine[] {
  const index = readme.headings.indexOf(heading);
  const end = readme.headings.slice(index + 1).find((h) => h.level <= heading.level);
  return readme.lines.slice(heading.line + 1, end ? end.line : readme.lines.length);
}

/** Headings inside a heading's section (deeper levels), in order. */
export function subHeadings(readme: Readme, heading: Heading): Heading[] {
  const index = readme.headings.indexOf(heading);
  const result: Heading[] = [];
  for (const h of readme.headings.slice(index + 1)) {
    if (h.level <= heading.level) break;
    result.push(h);
  }
  return result;
}

/** Where "the readme lacks X" goes: the first H1, else line 1. */
export function anchorOf(readme: Readme): { offset: number; length: number } {
  const h1 = readme.headings.find((h) => h.level === 1);
  return h1 ? { offset: h1.offset, length: h1.length } : { offset: 0, length: 0 };
}

/** The sections of Microsoft's readme template, with the heading texts merged connectors use for them. */
export const SECTIONS = {
  publisher: { title: 'Publisher', pattern: /^publishers?\b/ },
  prerequisites: { title: 'Prerequisites', pattern: /^(pre-?requisites?|requirements)\b/ },
  operations: {
    title: 'Supported Operations',
    pattern: /^((supported|available|standard|premium|connector)\s+)?(operations|actions|triggers)\b|^(actions|triggers)\s+(and|&)\s+(actions|triggers)\b/,
  },
  credentials: { title: 'Obtaining Credentials', pattern: /credential|authenticat|authori[sz]|api\s*keys?\b|obtain|sign[- ]?in/ },
  known: { title: 'Known Issues and Limitations', pattern: /known\s+issues|limitations/ },
  deployment: { title: 'Deployment Instructions', pattern: /deploy/ },
} as const;
export type SectionName = keyof typeof SECTIONS;

/** The first heading that names the section; the title (the first H1) only counts for operations. */
export function findSection(readme: Readme, name: SectionName): Heading | undefined {
  const { pattern } = SECTIONS[name];
  const title = readme.headings.find((h) => h.level === 1);
  return readme.headings.find((h) => (h !== title || name === 'operations') && pattern.test(h.key));
}

export interface PublisherLine {
  /** The publisher name(s) as written, markdown removed. */
  value: string;
  offset: number;
  length: number;
}

/**
 * The publisher the readme names: "## Publisher: Name", "Publisher: Name", or a "## Publisher"
 * heading with the name on the next non-blank line.
 */
export function publisherLine(readme: Readme): PublisherLine | undefined {
  const { lines } = readme;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as MdLine;
    if (line.code) continue;
    const match = /^( {0,3}(?:#{1,6}[ \t]*)?[*_]*publishers?[*_]*[ \t]*(?::[*_]*)?[ \t]*)(.*)$/i.exec(line.text);
    if (!match) continue;
    const isHeading = /^ {0,3}#/.test(line.text);
    const hasColon = /:/.test(match[1] as string);
    if (!isHeading && !hasColon) continue;
    let rest = match[2] as string;
    let offset = line.offset + (match[1] as string).length;
    if (plainText(rest) === '') {
      if (!isHeading) continue;
      const next = lines.slice(i + 1).find((l) => l.text.trim() !== '');
      if (!next || next.code || /^ {0,3}#/.test(next.text)) return undefined;
      rest = next.text;
      offset = next.offset;
    }
    const lead = rest.length - rest.trimStart().length;
    return { value: plainText(rest), offset: offset + lead, length: rest.trim().length };
  }
  return undefined;
}
