// Telling real credentials from placeholders. Values found here are never quoted in a message:
// findings name where the value is and what it looks like, never the value itself.

/** Placeholders Microsoft and merged connectors use ("[[DUMMY]]", "<client-id>", "{{ client id }}"…). */
const PLACEHOLDER = /dummy|placeholder|example|sample|your|x{3,}|\*{3,}|\.{3}|<[^>]*>|\{[^}]*\}|\[[^\]]*\]|replace|enter|insert|changeme|change[_ -]?me|redacted|fake|todo|tbd|<<|>>|\bhere\b|\bnone\b|\bnull\b/i;

export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  return text === '' || PLACEHOLDER.test(text) || /\s/.test(text) || /^(.)\1*$/.test(text);
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A value that looks generated: a GUID, or 16+ characters mixing letters and digits with high entropy. */
export function looksGenerated(value: string): boolean {
  const text = value.trim();
  if (isPlaceholder(text)) return false;
  if (GUID.test(text)) return !/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(text);
  return text.length >= 16 && /[A-Za-z]/.test(text) && /\d/.test(text) && entropy(text) >= 3.5;
}

/** Vendor token formats that are credentials wherever they appear. */
export const TOKEN_PATTERNS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'an AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { what: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,})\b/g },
  { what: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { what: 'an OpenAI-style secret key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/g },
  { what: 'a Stripe live key', pattern: /\b[rs]k_live_[0-9a-zA-Z]{20,}/g },
  { what: 'a private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY-----/g },
  { what: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { what: 'an Azure storage account key', pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g },
  { what: 'a Microsoft Entra client secret', pattern: /\b[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g },
];

/** "client_secret: abc…", "apiKey=…", "Authorization: Bearer …" with a generated-looking value. */
const ASSIGNMENT = /\b(client[_ -]?secret|api[_ -]?key|access[_ -]?token|secret[_ -]?key|subscription[_ -]?key|bearer)\b["']?\s*(?:[:=]|\s)\s*["']?([A-Za-z0-9+/_.~-]{16,}={0,2})/gi;

export interface SecretHit {
  what: string;
  offset: number;
  length: number;
}

/**
 * A quick, exact pre-check for secretsIn: every match of a TOKEN_PATTERNS entry or of ASSIGNMENT
 * contains a match of this (a token's fixed prefix and the first characters after it; an
 * assignment's keyword ending and the first 16 characters of its value). One pass of it over a
 * whole definition costs about a third of the eleven passes of the full patterns, and nearly every
 * text has no match. ASSIGNMENT ignores case: its keyword endings here are spelled with both cases.
 */
const CANDIDATE = new RegExp(
  [
    '(?:AKIA|ASIA)[0-9A-Z]{16}',
    'gh[pousr]_[A-Za-z0-9]{36}',
    'github_pat_[A-Za-z0-9_]{50}',
    'xox[abprs]-[A-Za-z0-9-]{10}',
    'AIza[0-9A-Za-z_-]{35}',
    'sk-(?:proj-)?[A-Za-z0-9_-]{32}',
    'k_live_[0-9a-zA-Z]{20}',
    '-----BEGIN ',
    'eyJ[A-Za-z0-9_-]{10}',
    'AccountKey=',
    '\\dQ~',
    '(?:[Ss][Ee][Cc][Rr][Ee][Tt]|[Kk][Ee][Yy]|[Tt][Oo][Kk][Ee][Nn]|[Bb][Ee][Aa][Rr][Ee][Rr])["\']?\\s*(?:[:=]|\\s)\\s*["\']?[A-Za-z0-9+/_.~-]{16}',
  ].join('|'),
);

/** Credentials in free text (readme lines, swagger strings), with their offsets in `text`. */
export function secretsIn(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  if (!CANDIDATE.test(text)) return hits;
  for (const { what, pattern } of TOKEN_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) hits.push({ what, offset: match.index as number, length: match[0].length });
  }
  ASSIGNMENT.lastIndex = 0;
  for (const match of text.matchAll(ASSIGNMENT)) {
    const value = match[2] as string;
    if (!looksGenerated(value)) continue;
    const offset = (match.index as number) + match[0].lastIndexOf(value);
    if (hits.some((h) => offset < h.offset + h.length && h.offset < offset + value.length)) continue;
    const keyword = (match[1] as string).toLowerCase().replace(/[_ -]/g, ' ');
    hits.push({ what: `${/^[aeiou]/.test(keyword) ? 'an' : 'a'} ${keyword} value`, offset, length: value.length });
  }
  return hits.sort((a, b) => a.offset - b.offset);
}
