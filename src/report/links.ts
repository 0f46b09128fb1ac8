// Names and addresses the reports point at. One home for the rule pages, so moving the docs is a
// one-line change.
import pkg from '../../package.json' with { type: 'json' };

export const TOOL_NAME = 'connector-gate';
export const TOOL_VERSION: string = pkg.version;

/** The project's repository and the ref its rule pages are read at, unless the Action names its own. */
const HOME = { repository: 'connector-gate/connector-gate', ref: 'main' };

let home = HOME;

/**
 * Points the links at the repository and ref the runner ran this Action from (`uses: owner/repo@ref`
 * sets GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF): the rule pages of the very version that
 * ran, wherever the Action was published or forked. Called by the Action only: in a `run:` step or
 * another action's step those variables name something else. Values that are not a repository
 * name and a ref leave the project's home.
 */
export function linkToActionRepository(env: NodeJS.ProcessEnv): void {
  const repository = env.GITHUB_ACTION_REPOSITORY ?? '';
  const ref = env.GITHUB_ACTION_REF ?? '';
  const valid = /^[\w-]+\/[\w.-]+$/.test(repository) && !repository.includes('..') && /^[\w./-]{1,255}$/.test(ref) && !ref.split('/').some((part) => part === '' || part === '.' || part === '..');
  home = valid ? { repository, ref } : HOME;
}

/** The tool's home page (SARIF `informationUri`). */
export function toolUri(): string {
  return `https://github.com/${home.repository}`;
}

/** The documentation page of a rule. The id is percent-encoded, so any string gives a safe URL. */
export function ruleDocUrl(id: string): string {
  const safe = encodeURIComponent(toWellFormed(id)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${toolUri()}/blob/${home.ref}/docs/rules/${safe}.md`;
}

/** Replaces lone surrogates (which `encodeURIComponent` rejects) with U+FFFD. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
