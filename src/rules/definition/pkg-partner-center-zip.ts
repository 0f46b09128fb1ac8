import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readBinaryFile } from '../../engine/files.js';
import { defineRule, levels, quote } from '../define.js';
import { extract, layout, MAX_INFLATED_BYTES, readZip, ZipError, type InflateBudget, type ZipArchive, type ZipEntry } from './zip.js';

/** Zip files of one folder that are checked (a folder full of zips is not a submission). */
const MAX_ZIPS = 5;
/** Solution zips opened in PkgAssets (2, or 3 with an AI plugin, are expected). */
const MAX_SOLUTIONS = 5;
const SOLUTION_FILES = ['[Content_Types].xml', 'customizations.xml', 'solution.xml'] as const;

/** A name from the archive, fit for a one-line message: control characters replaced, shortened. */
function named(name: string): string {
  // eslint-disable-next-line no-control-regex
  return quote(name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?'), 60);
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, 4).map((name) => named(name));
  return names.length > 4 ? `${shown.join(', ')} and ${names.length - 4} more` : shown.join(', ');
}

const isZip = (entry: ZipEntry): boolean => entry.name.toLowerCase().endsWith('.zip');

function unsafe(entry: ZipEntry): boolean {
  const name = entry.name;
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..');
}

/** The problems of one submission zip, outermost first. A corrupt archive at any depth is one problem. */
export function submissionProblems(bytes: Buffer): string[] {
  const problems: string[] = [];
  const budget: InflateBudget = { remaining: MAX_INFLATED_BYTES };
  let where = 'the submission zip';
  try {
    const outer = readZip(bytes);
    const bad = outer.entries.filter(unsafe);
    if (bad.length > 0) problems.push(`the submission zip holds entries with unsafe paths (${list(bad.map((e) => e.name))}); create it again from the files themselves`);
    const top = layout(outer.entries);
    if (top.folders.length > 0) {
      problems.push(`the submission zip holds the folder${top.folders.length === 1 ? '' : 's'} ${list(top.folders)}; it must hold only intro.md and the package zip, without folders`);
    }
    const md = top.files.filter((entry) => entry.name.toLowerCase().endsWith('.md'));
    const zips = top.files.filter(isZip);
    if (md.length === 0) problems.push('the submission zip holds no .md file; add intro.md next to the package zip');
    else if (md.length > 1) problems.push(`the submission zip holds ${md.length} .md files (${list(md.map((e) => e.name))}); it must hold exactly one, intro.md`);
    if (zips.length === 0) problems.push('the submission zip holds no package zip; add the package zip (with the PkgAssets folder) next to intro.md');
    else if (zips.length > 1) problems.push(`the submission zip holds ${zips.length} zip files (${list(zips.map((e) => e.name))}); it must hold exactly one package zip`);
    if (zips.length !== 1) return problems;

    const packageEntry = zips[0] as ZipEntry;
    const innerBytes = extract(outer, packageEntry, budget);
    where = `the package zip ${named(packageEntry.name)}`;
    const inner = readZip(innerBytes);
    const assets = layout(inner.entries);
    if (assets.folders.length !== 1) {
      problems.push(
        assets.folders.length === 0
          ? `${where} holds no folder; put the solution zips in one folder, PkgAssets`
          : `${where} holds ${assets.folders.length} folders (${list(assets.folders)}); it must hold exactly one, PkgAssets, with the solution zips`,
      );
      return problems;
    }
    const folder = assets.folders[0] as string;
    const content = layout(inner.entries, `${folder}/`);
    if (content.folders.length > 0) {
      problems.push(`${where}: the folder ${named(folder)} holds the folder${content.folders.length === 1 ? '' : 's'} ${list(content.folders)}; it must hold only the solution zips`);
    }
    const solutions = content.files.filter(isZip);
    if (solutions.length !== 2 && solutions.length !== 3) {
      problems.push(
        `${where}: the folder ${named(folder)} holds ${solutions.length} solution zip${solutions.length === 1 ? '' : 's'}; it must hold 2 (the connector, and the connector with a flow) or 3 with an AI plugin`,
      );
    }
    for (const solution of solutions.slice(0, MAX_SOLUTIONS)) {
      const solutionBytes = extract(inner, solution, budget);
      where = `the solution zip ${named(solution.name)}`;
      const archive: ZipArchive = readZip(solutionBytes);
      const rootFiles = new Set(layout(archive.entries).files.map((entry) => entry.name.toLowerCase()));
      const missing = SOLUTION_FILES.filter((file) => !rootFiles.has(file.toLowerCase()));
      if (missing.length > 0) {
        problems.push(`${where} lacks ${missing.join(', ')} at its root; export the solution from Power Apps again (Solutions › Export) and add that zip unchanged`);
      }
    }
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    problems.push(`${where} cannot be read: ${error.message}`);
  }
  return problems;
}

export default defineRule({
  meta: {
    id: 'pkg-partner-center-zip',
    criterion: 'definition',
    description: 'A Partner Center submission zip in the connector folder has the structure Microsoft\'s package validator expects (intro.md + package zip → PkgAssets → 2 or 3 solution zips).',
    level: levels('error', 'off', 'off'),
  },
  check({ connector, repository, report }) {
    if (!repository) return; // reading further files needs the run's root
    let names: string[];
    try {
      names = readdirSync(connector.absDir, { withFileTypes: true })
        .filter((entry) => !entry.isDirectory() && entry.name.toLowerCase().endsWith('.zip'))
        .map((entry) => entry.name)
        .sort();
    } catch {
      return; // the folder was listed moments ago by the engine; a race is not this rule's business
    }
    for (const name of names.slice(0, MAX_ZIPS)) {
      const file = readBinaryFile(repository.root, path.join(connector.absDir, name));
      if (file.readProblem) {
        report({ file, message: `${name} ${file.readProblem.message}` });
        continue;
      }
      for (const message of submissionProblems(file.bytes)) report({ file, message: `${name}: ${message}` });
    }
  },
});
