// The repository index: what cross-connector rules (pr-not-duplicate, icon-unique) need to know about
// the other connectors of the checked repository, gathered before the per-connector loop. It holds
// strings and hashes only (folder, profile, info.title, the icon's SHA-256): each swagger is read
// through the same defensive reader as the check itself and scanned with the same parser library
// (jsonc-parser) up to its title, then dropped at once, so memory stays flat however many connectors
// there are. It is built lazily, on the first rule that asks.
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { createScanner, type SyntaxKind } from 'jsonc-parser';
import { detach } from './detach.js';
import { discoverConnectors, listFolder, PACKAGE_FILES, profileFromPath } from './discover.js';
import { decodeText, displayPath, readBytesSafely } from './files.js';
import type { GateConfig } from '../config/types.js';
import type { Profile, RepositoryEntry, RepositoryIndex } from './types.js';

/** Titles are compared by their first this many characters (a hostile title must not be kept whole). */
const MAX_TITLE = 200;

/**
 * The comparison key of a title: its first MAX_TITLE characters, case- and white-space-insensitive,
 * sharing no memory with the file it came from (the index keeps it for the whole run).
 */
export function titleKey(title: string): string {
  const kept = title.length > MAX_TITLE ? title.slice(0, MAX_TITLE) : title;
  return detach(kept.normalize('NFKC').toLowerCase().replace(/\s+/gu, ''));
}

/**
 * `info.title` of a swagger's text, read with jsonc-parser's scanner instead of a full tree: the
 * index reads every swagger of the repository before the check reads it again, and a tree per file
 * would double the run's allocation. Stops when the root's first `info` object closes; within it
 * the last `title` wins, as in JSON.parse (a second root `info` key is pkg-json-strict's business).
 */
/** jsonc-parser's SyntaxKind values (a const enum, which verbatimModuleSyntax cannot import). */
const T = { open: 1, close: 2, openArray: 3, closeArray: 4, comma: 5, colon: 6, string: 10, lineComment: 12, blockComment: 13, eof: 17 } as const satisfies Record<string, SyntaxKind>;

export function titleOfSwagger(text: string): string | undefined {
  return scanTitle(text).title;
}

/** `closed`: the root's `info` object closed, so the rest of the text cannot change the title. */
function scanTitle(text: string): { title: string | undefined; closed: boolean } {
  const scanner = createScanner(text, true);
  const stack: number[] = [];
  let expectKey = false;
  let key: string | undefined;
  let infoDepth = -1;
  let title: string | undefined;
  for (let token = scanner.scan(); token !== T.eof; token = scanner.scan()) {
    if (token === T.lineComment || token === T.blockComment) continue;
    const inObject = stack[stack.length - 1] === T.open;
    if (token === T.open || token === T.openArray) {
      if (token === T.open && infoDepth < 0 && stack.length === 1 && inObject && key === 'info') infoDepth = 2;
      else if (stack.length === infoDepth && key === 'title') title = undefined;
      stack.push(token);
      expectKey = token === T.open;
      key = undefined;
    } else if (token === T.close || token === T.closeArray) {
      if (stack.length === infoDepth) return { title, closed: true };
      stack.pop();
      expectKey = false;
    } else if (token === T.comma) {
      expectKey = inObject;
      if (inObject) key = undefined;
    } else if (token === T.colon) {
      expectKey = false;
    } else if (inObject && expectKey && token === T.string) {
      key = scanner.getTokenValue();
      expectKey = false;
    } else if (stack.length === infoDepth && key === 'title') {
      // A value of info.title: a string, or anything else (then there is no string title).
      title = token === T.string ? scanner.getTokenValue() : undefined;
    }
  }
  return { title, closed: false };
}

/** Bytes read first when looking for the title: `info` comes near the top of nearly every definition. */
const TITLE_PREFIX_BYTES = 64 * 1024;

/**
 * The title of a swagger file, reading only its start when `info` closes there: reading and
 * decoding every definition of the repository in full took longer than scanning them. A multi-byte
 * character cut at the prefix's end decodes to U+FFFD after `info` closed, where it changes nothing.
 */
export function titleOfSwaggerFile(root: string, file: string): string | undefined {
  const head = readBytesSafely(root, file, TITLE_PREFIX_BYTES);
  if (!head.bytes) return undefined;
  if (head.bytes.length === head.size) return titleOfSwagger(decodeText(head.bytes).text);
  const scanned = scanTitle(decodeText(head.bytes).text);
  if (scanned.closed) return scanned.title;
  const whole = readBytesSafely(root, file);
  return whole.bytes ? titleOfSwagger(decodeText(whole.bytes).text) : undefined;
}

function profileOf(dir: string, profile: Profile | 'auto', config: GateConfig | undefined): Profile {
  let result = profile === 'auto' ? profileFromPath(dir) : profile;
  // The config file's `connectors:` entries may set the profile (later entries win), as ConfigRun does.
  for (const entry of config?.connectors ?? []) {
    if (entry.profile !== undefined && entry.match.some((glob) => glob.test(dir))) {
      result = entry.profile === 'auto' ? profileFromPath(dir) : entry.profile;
    }
  }
  return result;
}

function entryFor(root: string, absDir: string, listing: readonly Dirent[], profile: Profile | 'auto', config: GateConfig | undefined): RepositoryEntry {
  const dir = displayPath(root, absDir);
  let swagger: string | undefined;
  let icon: string | undefined;
  for (const entry of listing) {
    if (entry.isDirectory()) continue;
    const lower = entry.name.toLowerCase();
    // The first match in name order, as loadConnector picks it.
    if (lower === PACKAGE_FILES.swagger && (swagger === undefined || entry.name < path.basename(swagger))) swagger = path.join(absDir, entry.name);
    if (lower === PACKAGE_FILES.icon && (icon === undefined || entry.name < path.basename(icon))) icon = path.join(absDir, entry.name);
  }
  const result: { -readonly [K in keyof RepositoryEntry]: RepositoryEntry[K] } = { dir, profile: profileOf(dir, profile, config) };
  if (swagger) {
    const title = titleOfSwaggerFile(root, swagger);
    if (title !== undefined && title.trim() !== '') {
      result.titleKey = titleKey(title);
    }
  }
  if (icon) {
    const raw = readBytesSafely(root, icon);
    if (raw.bytes && raw.bytes.length > 0) result.iconSha256 = createHash('sha256').update(raw.bytes).digest('hex');
  }
  return result;
}

export interface RepositoryScope {
  root: string;
  /**
   * Paths (relative to root) whose connectors the index adds to `folders`, e.g. the action's `paths`
   * input in changed-only mode; none when the run checks the whole repository.
   */
  paths: readonly string[];
  /** The folders the run checks: always part of the index. */
  folders: readonly string[];
  /** Folders' entries already listed (by discovery); others are listed here. */
  listings?: ReadonlyMap<string, readonly Dirent[]>;
  profile: Profile | 'auto';
  config?: GateConfig;
}

/** A lazily built index of the connectors in scope. A folder that cannot be read is left out. */
export function repositoryIndex(scope: RepositoryScope): RepositoryIndex {
  let built: { byTitleKey: Map<string, RepositoryEntry[]>; byIconSha256: Map<string, RepositoryEntry[]> } | undefined;
  const index = (): NonNullable<typeof built> => {
    if (built) return built;
    const folders = new Set(scope.folders);
    const listings = new Map(scope.listings);
    try {
      if (scope.paths.length > 0) {
        const wider = discoverConnectors(scope.root, [...scope.paths]);
        for (const folder of wider.folders) {
          folders.add(folder);
          if (!listings.has(folder)) listings.set(folder, wider.listings.get(folder) as Dirent[]);
        }
      }
    } catch {
      // A scope path that does not exist (or cannot be walked): the checked folders still make an index.
    }
    built = { byTitleKey: new Map(), byIconSha256: new Map() };
    for (const folder of [...folders].sort()) {
      let entry: RepositoryEntry;
      try {
        entry = entryFor(scope.root, folder, listings.get(folder) ?? listFolder(folder), scope.profile, scope.config);
      } catch {
        // Unlistable folder: its own check reports it; the index does without it.
        continue;
      }
      if (entry.titleKey !== undefined) addTo(built.byTitleKey, entry.titleKey, entry);
      if (entry.iconSha256 !== undefined) addTo(built.byIconSha256, entry.iconSha256, entry);
    }
    return built;
  };
  return {
    root: scope.root,
    withTitleKey: (key) => index().byTitleKey.get(key) ?? [],
    withIconSha256: (hash) => index().byIconSha256.get(hash) ?? [],
  };
}

function addTo(map: Map<string, RepositoryEntry[]>, key: string, entry: RepositoryEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
