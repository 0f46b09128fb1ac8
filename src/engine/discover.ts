// Finds connector packages: every folder holding apiDefinition.swagger.json (any letter case),
// plus folders that hold only apiProperties.json (reported as incomplete packages).
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { displayPath, isInside, readBinaryFile, readJsonFile, readTextFile } from './files.js';
import type { ConnectorFiles, ConnectorPackage, Profile } from './types.js';

export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Package file names, matched case-insensitively (the public repository has variants). */
export const PACKAGE_FILES = {
  swagger: 'apidefinition.swagger.json',
  apiProperties: 'apiproperties.json',
  settings: 'settings.json',
  icon: 'icon.png',
  readme: 'readme.md',
  script: 'script.csx',
  intro: 'intro.md',
} as const;

export interface Discovery {
  /** Absolute connector folders, sorted. */
  folders: string[];
  /** Each connector folder's entries, sorted by name, as the walk listed them: loading needs them again. */
  listings: ReadonlyMap<string, Dirent[]>;
  /** Things skipped on the way, for the log. */
  notes: string[];
}

export function listFolder(absDir: string): Dirent[] {
  return readdirSync(absDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isConnectorFolder(entries: Dirent[]): boolean {
  return entries.some((entry) => {
    const name = entry.name.toLowerCase();
    return !entry.isDirectory() && (name === PACKAGE_FILES.swagger || name === PACKAGE_FILES.apiProperties);
  });
}

/** Walks the given paths (relative to root) without recursion and without leaving the workspace. */
export function discoverConnectors(root: string, inputPaths: string[]): Discovery {
  const realRoot = realpathSync(root);
  const found = new Map<string, Dirent[]>();
  const notes: string[] = [];
  const visited = new Set<string>();

  for (const input of inputPaths) {
    const start = path.resolve(root, input);
    if (!existsSync(start)) throw new UsageError(`path not found: ${input}`);
    const startIsFile = statSync(start).isFile();
    const startDir = startIsFile ? path.dirname(start) : start;
    const realStart = realpathSync(startDir);
    // A path named explicitly may lie outside the workspace; everything below it is then allowed.
    // A path inside the workspace that resolves outside it is a symbolic link in the checkout (a
    // pull request can replace the configured folder with one): it is not followed.
    if (isInside(path.resolve(root), startDir) && !isInside(realRoot, realStart)) {
      notes.push(`${displayPath(root, startDir)}: symbolic link to a folder outside the workspace; not followed`);
      continue;
    }
    const stack = [startDir];
    const allowed = isInside(realRoot, realStart) ? realRoot : realStart;

    while (stack.length > 0) {
      const absDir = stack.pop() as string;
      const real = realpathSync(absDir);
      if (visited.has(real)) continue;
      visited.add(real);
      let entries: Dirent[];
      try {
        entries = listFolder(absDir);
      } catch (error) {
        notes.push(`${displayPath(root, absDir)}: cannot be listed (${(error as NodeJS.ErrnoException).code ?? 'error'}); skipped`);
        continue;
      }
      if (isConnectorFolder(entries)) found.set(absDir, entries);
      if (startIsFile) continue;
      const children: string[] = [];
      for (const entry of entries) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        const child = path.join(absDir, entry.name);
        if (entry.isDirectory()) children.push(child);
        else if (entry.isSymbolicLink()) {
          const target = safeRealpath(child);
          if (target === undefined || !lstatSync(target).isDirectory()) continue;
          if (isInside(allowed, target)) children.push(child);
          else notes.push(`${displayPath(root, child)}: symbolic link to a folder outside the workspace; not followed`);
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as string);
    }
  }
  return { folders: [...found.keys()].sort(), listings: found, notes };
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** `auto` profile: the nearest well-known repository folder decides; anything else is certified. */
export function profileFromPath(relativeDir: string): Profile {
  const segments = relativeDir.split('/').reverse();
  for (const segment of segments) {
    const name = segment.toLowerCase();
    if (name === 'certified-connectors') return 'certified';
    if (name === 'independent-publisher-connectors') return 'independent-publisher';
    if (name === 'custom-connectors') return 'custom';
  }
  return 'certified';
}

/**
 * Reads one package's files. Missing files stay undefined; unreadable ones carry a readProblem.
 * `listing`: the folder's sorted entries, when discovery has them already.
 */
export function loadConnector(root: string, absDir: string, profile: Profile | 'auto', listing: readonly Dirent[] = listFolder(absDir)): ConnectorPackage {
  const dir = displayPath(root, absDir);
  const byName = new Map<string, string>();
  for (const entry of listing) {
    const lower = entry.name.toLowerCase();
    if (!byName.has(lower) && !entry.isDirectory()) byName.set(lower, path.join(absDir, entry.name));
  }
  const fileFor = (key: keyof typeof PACKAGE_FILES): string | undefined => byName.get(PACKAGE_FILES[key]);
  const files: ConnectorFiles = {};
  const swagger = fileFor('swagger');
  if (swagger) files.swagger = readJsonFile(root, swagger);
  const apiProperties = fileFor('apiProperties');
  if (apiProperties) files.apiProperties = readJsonFile(root, apiProperties);
  const settings = fileFor('settings');
  if (settings) files.settings = readJsonFile(root, settings);
  const icon = fileFor('icon');
  if (icon) files.icon = readBinaryFile(root, icon);
  const readme = fileFor('readme');
  if (readme) files.readme = readTextFile(root, readme);
  const script = fileFor('script');
  if (script) files.script = readTextFile(root, script);
  const intro = fileFor('intro');
  if (intro) files.intro = readTextFile(root, intro);
  return {
    name: path.basename(absDir),
    dir,
    absDir,
    profile: profile === 'auto' ? profileFromPath(dir) : profile,
    files,
  };
}
