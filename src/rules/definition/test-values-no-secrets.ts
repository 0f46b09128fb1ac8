import { keyOf, outermostPropertiesNamed, prop, str, type Node } from '../../engine/json/tree.js';
import { MAX_SCHEMA_DEPTH } from '../../engine/swagger.js';
import { defineRule, ERROR_EVERYWHERE, parsedSwagger } from '../define.js';
import { schemaName } from './schema-shared.js';

/** Keys whose values are sample data shown to reviewers and users. */
const SAMPLE_KEYS = new Set(['x-ms-test-value', 'example', 'examples', 'x-example']);

/** Credentials with a recognisable shape: reported as errors. */
const KNOWN: [RegExp, string][] = [
  [/-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/, 'a private key (PEM block)'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, 'a JSON Web Token'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key ID'],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,})/, 'a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\b[sr]k_live_[A-Za-z0-9]{16,}/, 'a Stripe live key'],
  [/\bAIza[0-9A-Za-z_-]{35}/, 'a Google API key'],
  [/\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/, 'an OpenAI-style secret key'],
  [/AccountKey=[A-Za-z0-9+/]{40,}/i, 'an Azure storage account key'],
  [/[?&]sig=[A-Za-z0-9%+/]{20,}/, 'a shared access signature (sig=)'],
  [/\bBearer\s+[A-Za-z0-9._~+/-]{20,}/, 'a bearer token'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]{3,}@/i, 'a URL with a user name and password'],
];

/** Names under which a value is a credential (but not paging tokens). */
const SECRET_NAME = /api[-_ ]?key|secret|passw(?:or)?d|\bpwd\b|credential|signature|private[-_ ]?key|access[-_ ]?key|token|^auth(?:orization)?$|^key$|^sas$/i;
const NOT_SECRET_NAME = /(?:page|next|continuation|sync|cursor|skip|delta|previous|prev|refresh[-_ ]?interval)[-_ ]?token|token[-_ ]?(?:type|url|endpoint|expir)/i;
const CARD_NAME = /card|credit|\bpan\b|cc[-_ ]?num/i;
const SSN_NAME = /\bssn\b|social[-_ ]?security/i;

/** Values that are obviously not real: placeholders, masks, repeated characters, sample words. */
const PLACEHOLDER = /x{4,}|\*{3,}|<[^>]*>|\{\{?[^}]*\}\}?|\[\[[^\]]*\]\]|your|example|sample|dummy|placeholder|changeme|redacted|fake|0{8,}|(.)\1{5,}/i;

/** Well-known test card numbers that payment providers document. */
const TEST_CARDS = new Set(['4111111111111111', '4242424242424242', '5555555555554444', '378282246310005', '6011111111111117', '5105105105105100', '4012888888881881', '4000056655665556', '371449635398431']);

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Share of adjacent characters that switch class (lower, upper, digit, other): random tokens switch far more than words. */
function switchiness(text: string): number {
  const kind = (char: string): number => (/[a-z]/.test(char) ? 1 : /[A-Z]/.test(char) ? 2 : /\d/.test(char) ? 3 : 4);
  let switches = 0;
  for (let i = 1; i < text.length; i++) if (kind(text[i] as string) !== kind(text[i - 1] as string)) switches++;
  return switches / text.length;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

export interface Suspicion {
  what: string;
  /** A recognised credential format (error) rather than a heuristic (warning). */
  certain: boolean;
}

/** What a sample value looks like, judged by its shape and the name it is given under; never returns the value. */
export function suspicion(value: string, name: string): Suspicion | undefined {
  if (value.length < 8 || value.length > 10_000 || PLACEHOLDER.test(value)) return undefined;
  for (const [pattern, what] of KNOWN) if (pattern.test(value)) return { what, certain: true };
  const compact = value.replace(/[\s-]/g, '');
  if (/^\d{13,19}$/.test(compact) && /^(?:4|5[1-5]|2[2-7]|3[47]|6011|65)/.test(compact) && luhn(compact) && !TEST_CARDS.has(compact)) {
    if (CARD_NAME.test(name) || /^\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}$/.test(value.trim())) return { what: 'a payment card number', certain: true };
  }
  if (SSN_NAME.test(name) && /^\d{3}-?\d{2}-?\d{4}$/.test(value.trim())) return { what: 'a social security number', certain: true };
  const token = value.trim();
  // Identifiers: GUIDs (with or without braces) are ids far more often than keys.
  if (/\s/.test(token) || /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(token)) return undefined;
  const secretName = SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
  const hex = /[0-9a-f]{32,}/i.exec(token)?.[0];
  if (secretName) {
    if (hex && /\d/.test(hex) && /[a-f]/i.test(hex)) return { what: `an API key (${hex.length} hex characters)`, certain: false };
    if (token.length >= 16 && /\d/.test(token) && /[a-z]/i.test(token) && entropy(token) >= 3.5) {
      return { what: `a secret (${token.length} random-looking characters)`, certain: false };
    }
    return undefined;
  }
  // Without a telling name: only long, dense tokens that switch character class like random data
  // does (GUIDs, hashes, ids and CamelCase words stay quiet).
  if (token.length >= 32 && /^[A-Za-z0-9+/=_-]+$/.test(token) && /\d/.test(token) && /[a-z]/.test(token) && /[A-Z]/.test(token) && entropy(token) >= 4.3 && switchiness(token) >= 0.5) {
    return { what: `a secret (${token.length} random-looking characters)`, certain: false };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'test-values-no-secrets',
    criterion: 'definition',
    description: 'x-ms-test-value and examples hold no credentials, keys or personal data.',
    level: ERROR_EVERYWHERE,
  },
  check({ connector, report }) {
    const file = parsedSwagger(connector);
    if (!file) return;
    const root = file.doc.root;
    // A sample inside a sample is scanned with it.
    for (const property of outermostPropertiesNamed(root, SAMPLE_KEYS)) {
      const [keyNode, value] = property.children ?? [];
      if (value) scan(String(keyNode?.value), value);
    }

    /** Checks every string inside one sample value, named by the nearest key. */
    function scan(key: string, sample: Node): void {
      const holder = sample.parent?.parent as Node;
      // A parameter's sample is named by the parameter, a schema property's by the property.
      const holderName = str(prop(holder, 'name')) ?? String(keyOf(holder)?.value ?? '');
      // Named only when a finding needs it: samples are many, findings few.
      const where = (): string => (holder.parent ? schemaName(root, holder) : 'the document');
      const items: { node: Node; name: string; path: string; depth: number }[] = [{ node: sample, name: holderName, path: '', depth: 0 }];
      while (items.length > 0) {
        const { node, name, path, depth } = items.pop() as (typeof items)[number];
        if (depth > MAX_SCHEMA_DEPTH) continue;
        if (node.type === 'string') {
          const found = suspicion(node.value as string, name);
          if (found) {
            report({
              file: file as NonNullable<typeof file>,
              node,
              recommended: !found.certain,
              message: `the ${key} of ${where()}${path ? ` at '${path}'` : ''} looks like ${found.what}; replace it with an obvious placeholder such as "<${name || 'value'}>" and never commit real credentials or personal data`,
            });
          }
        } else if (node.type === 'object') {
          for (const property of node.children ?? []) {
            const [k, v] = property.children ?? [];
            if (k && v) items.push({ node: v, name: String(k.value), path: path ? `${path}.${String(k.value)}` : String(k.value), depth: depth + 1 });
          }
        } else if (node.type === 'array') {
          for (const child of node.children ?? []) items.push({ node: child, name, path: `${path}[]`, depth: depth + 1 });
        }
      }
    }
  },
});
