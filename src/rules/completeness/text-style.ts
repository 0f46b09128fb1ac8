// Word-level heuristics shared by op-summary-human and text-english-quality.

/**
 * Brand and product names written in CamelCase on purpose: never reported as untranslatable tokens.
 * Compared ignoring case.
 */
const BRAND_NAMES = new Set(
  [
    'GitHub', 'GitLab', 'LinkedIn', 'YouTube', 'PowerShell', 'SharePoint', 'OneDrive', 'OneNote', 'DocuSign', 'HubSpot',
    'PayPal', 'WordPress', 'JavaScript', 'TypeScript', 'MailChimp', 'QuickBooks', 'SurveyMonkey', 'DevOps', 'FedEx',
    'WhatsApp', 'TikTok', 'OpenAI', 'ChatGPT', 'DropBox', 'SendGrid', 'ServiceNow', 'SalesForce', 'ZenDesk', 'FreshDesk',
    'JotForm', 'SmartSheet', 'BigQuery', 'PostgreSQL', 'MySQL', 'MongoDB', 'NetSuite', 'ClickUp', 'MonDay', 'AirTable',
  ].map((name) => name.toLowerCase()),
);

/**
 * A single identifier-like token: camelCase ("minimizeHighways"), PascalCase with two or more
 * humps ("MinimizeHighways") or snake_case ("first_name"). Such strings are not translated.
 */
export function isCodeToken(text: string): boolean {
  const token = text.trim();
  if (token === '' || /\s/.test(token) || BRAND_NAMES.has(token.toLowerCase())) return false;
  if (/^[a-z]{2,}[0-9]*(?:[A-Z][a-z0-9]*)+$/.test(token)) return true; // camelCase (iPhone, eBay: one lowercase letter, not reported)
  if (/^[A-Z][a-z]+[0-9]*(?:[A-Z][a-z0-9]+)+$/.test(token)) return true; // PascalCase with 2+ words
  return /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/.test(token); // snake_case
}

export interface DoubledWord {
  /** The word as written the second time. */
  word: string;
  /** Where the whitespace before the repeated word starts, and where the repeated word ends. */
  start: number;
  end: number;
}

/** The first repeated word ("the the"), ignoring case unless the second is an all-caps keyword ("or OR"). */
export function doubledWord(text: string): DoubledWord | undefined {
  if (!mayRepeatAWord(text)) return undefined;
  // A back-reference finds only repeated words (case-insensitively), instead of every pair of words.
  const regex = /(?<![\p{L}\p{N}])(\p{L}{2,})(\s+)(\1)(?![\p{L}\p{N}])/giu;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const [, first = '', space = '', second = ''] = match;
    regex.lastIndex = match.index + first.length; // the second word may start the next pair
    if (first !== second && second === second.toUpperCase()) continue;
    // "had had" and "that that" are grammatical.
    if (/^(had|that)$/i.test(first)) continue;
    const start = match.index + first.length;
    return { word: second, start, end: start + space.length + second.length };
  }
  return undefined;
}

/**
 * A quick, exact pre-check for doubledWord: false when the text is ASCII and no two neighbouring
 * words (white space only between them) are the same ignoring case, which is what its regular
 * expression needs to match. One pass over the characters costs a fraction of that Unicode
 * expression, and nearly every text is such. Beyond ASCII the expression decides.
 */
function mayRepeatAWord(text: string): boolean {
  let previousStart = -1;
  let previousEnd = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return true;
    if (!isAsciiLetter(code)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++;
    const length = i - start;
    if (length === previousEnd - previousStart && onlyWhiteSpace(text, previousEnd, start) && sameIgnoringCase(text, previousStart, start, length)) return true;
    previousStart = start;
    previousEnd = i;
  }
  return false;
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** ASCII white space as `\s` reads it: tab, line feed, vertical tab, form feed, carriage return, space. */
function onlyWhiteSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && (code < 0x09 || code > 0x0d)) return false;
  }
  return true;
}

/** Whether `length` ASCII letters at `a` and at `b` are the same ignoring case. */
function sameIgnoringCase(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) {
    if ((text.charCodeAt(a + i) | 0x20) !== (text.charCodeAt(b + i) | 0x20)) return false;
  }
  return true;
}

/** "minimizeHighways" → "Minimize highways", "first_name" → "First name". */
export function spaced(token: string): string {
  const words = token
    .trim()
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
