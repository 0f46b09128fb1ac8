// Names and addresses the reports point at. One base URL for the rule pages, so moving the docs
// is a one-line change.
import pkg from '../../package.json' with { type: 'json' };

export const TOOL_NAME = 'connector-gate';
export const TOOL_VERSION: string = pkg.version;
export const TOOL_URI = 'https://github.com/connector-gate/connector-gate';

/** Where `docs/rules/<id>.md` is published; the id is appended (with `.md`). */
export const RULE_DOCS_BASE = `${TOOL_URI}/blob/main/docs/rules/`;

/** The documentation page of a rule. The id is percent-encoded, so any string gives a safe URL. */
export function ruleDocUrl(id: string): string {
  const safe = encodeURIComponent(toWellFormed(id)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${RULE_DOCS_BASE}${safe}.md`;
}

/** Replaces lone surrogates (which `encodeURIComponent` rejects) with U+FFFD. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
