// Helpers shared by the metadata and support rules: the `info` object, the apiProperties
// `properties` object, word lists and URL / email checks.
import { items, prop, str, type Node } from '../../engine/json/tree.js';
import type { Problem } from '../../engine/types.js';
import type { ParsedJsonFile } from '../define.js';

type Report = (problem: Problem) => void;

/**
 * The swagger's `info` object, or undefined after reporting why it cannot be read. `needed` says
 * what the calling rule looks for (e.g. "a title"), so the message names the fix.
 * A root that is not an object is pkg-json-strict's business: nothing is reported.
 */
export function infoObject(file: ParsedJsonFile, report: Report, needed: string): Node | undefined {
  const root = file.doc.root;
  if (root.type !== 'object') return undefined;
  const info = prop(root, 'info');
  if (!info) {
    report({ file, node: root, message: `the definition has no "info" object; add one with ${needed}` });
    return undefined;
  }
  if (info.type !== 'object') {
    report({ file, node: info, message: `"info" is a JSON ${info.type}; it must be an object with ${needed}` });
    return undefined;
  }
  return info;
}

/**
 * apiProperties.json's `properties` object, or undefined after reporting why it cannot be read.
 * A root that is not an object is pkg-json-strict's business: nothing is reported.
 */
export function apiPropertiesObject(file: ParsedJsonFile, report: Report, needed: string): Node | undefined {
  const root = file.doc.root;
  if (root.type !== 'object') return undefined;
  const properties = prop(root, 'properties');
  if (!properties) {
    report({ file, node: root, message: `apiProperties.json has no "properties" object; add one with ${needed}` });
    return undefined;
  }
  if (properties.type !== 'object') {
    report({ file, node: properties, message: `"properties" is a JSON ${properties.type}; it must be an object with ${needed}` });
    return undefined;
  }
  return properties;
}

/** A JSON type name for messages ("a number", "null"). */
export function typeName(node: Node): string {
  return node.type === 'null' ? 'null' : `a JSON ${node.type}`;
}

/** Power Platform product names that titles and descriptions must not contain (Learn, [CS]/[DP]). */
export const PRODUCT_NAMES: readonly { name: string; pattern: string }[] = [
  { name: 'Power Apps', pattern: 'power\\s*apps' },
  { name: 'Power Automate', pattern: 'power\\s*automate' },
  { name: 'Power BI', pattern: 'power\\s*bi' },
  { name: 'Power Pages', pattern: 'power\\s*pages' },
  { name: 'Power Virtual Agents', pattern: 'power\\s*virtual\\s*agents?' },
  { name: 'Copilot Studio', pattern: 'copilot\\s*studio' },
  { name: 'Logic Apps', pattern: 'logic\\s*apps' },
  { name: 'Microsoft Flow', pattern: 'microsoft\\s*flow' },
];

export interface WordMatch {
  /** The text as written in the value. */
  found: string;
  /** The restricted word it matches, in its canonical spelling. */
  word: string;
  /** Where it starts in the value. */
  index: number;
}

/** Whole-word, case-insensitive matches: letters and digits on either side break a match. */
const wordRegexes = new Map<string, RegExp>();
/**
 * Per word list, one alternation of all its patterns, without the word-boundary checks: a quick
 * "none of them" for most texts. Any whole-word match is also a match of this, so nothing is
 * missed; without the look-behind (a large Unicode class, tried at every position) the first,
 * cold run over the corpus's texts takes about half as long.
 */
const anyWordRegexes = new Map<readonly { pattern: string }[], RegExp>();

export function findWords(text: string, words: readonly { name: string; pattern: string }[]): WordMatch[] {
  let any = anyWordRegexes.get(words);
  if (!any) anyWordRegexes.set(words, (any = new RegExp(words.map((w) => w.pattern).join('|'), 'iu')));
  if (!any.test(text)) return [];
  const result: WordMatch[] = [];
  for (const { name, pattern } of words) {
    let regex = wordRegexes.get(pattern);
    if (!regex) wordRegexes.set(pattern, (regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu')));
    for (const match of text.matchAll(regex)) result.push({ found: match[0], word: name, index: match.index });
  }
  return result.sort((a, b) => a.index - b.index);
}

/** The text without the matched words (each replaced by a space). */
export function withoutWords(text: string, matches: readonly WordMatch[]): string {
  let result = '';
  let from = 0;
  for (const { index, found } of matches) {
    if (index < from) continue;
    result += text.slice(from, index) + ' ';
    from = index + found.length;
  }
  return result + text.slice(from);
}

/** The restricted word "API" (and "APIs"), for titles and (as a recommendation) descriptions. */
export const API_WORD = [{ name: 'API', pattern: 'apis?' }] as const;

/** Absolute http(s) URL with a host; undefined when valid, else the reason. */
export function httpUrlProblem(value: string): string | undefined {
  if (value.trim() === '') return 'is empty';
  if (/\s/.test(value)) return 'contains whitespace';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `uses the ${url.protocol.slice(0, -1)} scheme, not http(s)`;
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return `has no public host name (${quoteHost(url.hostname)})`;
  return undefined;
}

function quoteHost(host: string): string {
  return host === '' ? 'empty' : `'${host}'`;
}

/** A plain mailbox address (local@domain.tld); undefined when valid, else the reason. */
export function emailProblem(value: string): string | undefined {
  if (value.trim() === '') return 'is empty';
  if (/^mailto:/i.test(value)) return 'starts with "mailto:"; give the bare address';
  if (/\s/.test(value)) return 'contains whitespace';
  const match = /^([^@]+)@([^@]+)$/.exec(value);
  if (!match) return 'is not an e-mail address (local@domain)';
  const [, local = '', domain = ''] = match;
  if (local.length > 64 || /^\.|\.$|\.\./.test(local) || /[<>()[\]\\,;:"]/.test(local)) return 'has an invalid part before the "@"';
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => !/^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(label))) {
    return 'has an invalid domain after the "@"';
  }
  return undefined;
}

/**
 * The root-level `x-ms-connector-metadata` entry whose propertyName matches `name` ignoring case and
 * surrounding spaces: merged certified connectors use "Privacy Policy" and pass Microsoft's validator.
 */
export function metadataEntry(root: Node | undefined, name: string): Node | undefined {
  const wanted = name.toLowerCase();
  return items(prop(root, 'x-ms-connector-metadata')).find((item) => str(prop(item, 'propertyName'))?.trim().toLowerCase() === wanted);
}
