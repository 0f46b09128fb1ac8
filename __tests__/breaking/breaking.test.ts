// Breaking-change detection end to end: real git repositories (base commit, head commit) checked by
// the bundled CLI (--base) and the bundled action (INPUT_BASE). Run `npm run bundle` first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../helpers.js';
import { RUNTIMES, runAction, runCli } from '../e2e/run-dist.js';
import { commit, git, repoWith } from './git-repo.js';
import { FLAGGED, packageFiles, QUIET, SWAGGER, type Spot } from './fixture.js';

interface JsonFinding {
  ruleId: string;
  criterion: string;
  level: string;
  message: string;
  file: string;
  line: number;
  column: number;
}
interface JsonConnector {
  dir: string;
  verdicts: Record<string, string>;
  findings: JsonFinding[];
}
interface JsonReport {
  connectors: JsonConnector[];
  internalErrors: string[];
}

const BREAKING_RULES = [
  'breaking-operation-removed',
  'breaking-path-changed',
  'breaking-parameter-location',
  'breaking-required-input-added',
  'breaking-input-required',
  'breaking-enum-added',
  'breaking-enum-value-removed',
  'breaking-output-removed',
  'breaking-output-type-changed',
  'breaking-output-enum-removed',
  'breaking-auth-changed',
  'breaking-trigger-changed',
  'breaking-parameter-removed',
  'breaking-type-narrowed',
  'breaking-visibility-internal',
];

const normalize = (line: string) => line.trim().replace(/,$/, '');

/** 1-based line and column of a spot in a file's text (throws when the fixture does not hold it). */
function locate(text: string, spot: { after?: string; line: string; column?: string }): { line: number; column: number } {
  const lines = text.split('\n');
  let from = 0;
  if (spot.after !== undefined) {
    from = lines.findIndex((line) => normalize(line) === spot.after);
    if (from < 0) throw new Error(`anchor ${spot.after} not found`);
  }
  const index = lines.findIndex((line, i) => i > from - (spot.after === undefined ? 1 : 0) && normalize(line) === spot.line);
  if (index < 0) throw new Error(`line ${spot.line} not found`);
  const column = (lines[index] as string).indexOf(spot.column ?? spot.line) + 1;
  if (column < 1) throw new Error(`column text ${spot.column} not on line ${spot.line}`);
  return { line: index + 1, column };
}

const dirOf = (name: string) => `connectors/${name}`;
const NEW_CONNECTOR = 'connectors/new in this change';

/** One repository holding every case as its own connector folder: the base commit, then the edits. */
function casesRepo(): { root: string; base: string; head: string } {
  const baseFiles: Record<string, string> = {};
  const headFiles: Record<string, string> = {};
  for (const { name, edit } of [...FLAGGED, ...QUIET]) {
    Object.assign(baseFiles, packageFiles(dirOf(name)));
    Object.assign(headFiles, packageFiles(dirOf(name), edit));
  }
  Object.assign(headFiles, packageFiles(NEW_CONNECTOR, (s) => (s.paths = {})));
  const { root, base } = repoWith(baseFiles);
  const head = commit(root, headFiles, 'head');
  return { root, base, head };
}

function report(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

const compatibility = (connector: JsonConnector | undefined) => connector?.findings.filter((f) => f.criterion === 'compatibility') ?? [];

let repo: { root: string; base: string; head: string };
beforeAll(() => {
  repo = casesRepo();
});

describe.each(RUNTIMES)('breaking changes, CLI on $name', ({ bin }) => {
  let withBase: JsonReport;
  let stderr: string;
  beforeAll(() => {
    const run = runCli(bin, repo.root, ['connectors', '--base', repo.base, '--format', 'json', '--fail-on', 'never']);
    expect(run.status, run.stderr).toBe(0);
    withBase = report(run.stdout);
    stderr = run.stderr;
  });
  const connector = (name: string) => withBase.connectors.find((c) => c.dir === name);

  it('runs without internal errors or notes', () => {
    expect(withBase.internalErrors).toEqual([]);
    expect(stderr).toBe('');
  });

  it.each(FLAGGED)('flags "$name" ($rule) on its exact line and column', (kase) => {
    const dir = dirOf(kase.name);
    const file = kase.spot.file ?? SWAGGER;
    const text = readFileSync(path.join(repo.root, dir, file), 'utf8');
    const found = compatibility(connector(dir));
    expect(found.map((f) => f.ruleId)).toEqual([kase.rule]);
    const finding = found[0] as JsonFinding;
    expect({ file: finding.file, ...locateOf(finding) }).toEqual({ file: `${dir}/${file}`, ...locate(text, kase.spot as Spot) });
    expect(finding.message).toMatch(kase.message);
    if (kase.baseLine) {
      const baseText = git(repo.root, ['show', `${repo.base}:${dir}/${kase.baseLine.file ?? SWAGGER}`]);
      expect(Number(kase.message.exec(finding.message)?.[1])).toBe(locate(baseText, kase.baseLine).line);
    }
    expect(connector(dir)?.verdicts.compatibility).toBe(finding.level === 'error' ? 'fail' : 'warn');
  });

  it.each(QUIET)('does not flag $name', ({ name }) => {
    expect(compatibility(connector(dirOf(name)))).toEqual([]);
    expect(connector(dirOf(name))?.verdicts.compatibility).toBe('pass');
  });

  it('finds no breaking change in a connector that is new in the change', () => {
    expect(connector(NEW_CONNECTOR)).toBeDefined();
    expect(compatibility(connector(NEW_CONNECTOR))).toEqual([]);
    expect(connector(NEW_CONNECTOR)?.verdicts.compatibility).toBe('pass');
  });

  it('without --base, judges no compatibility (n/a) and reports the same other findings', () => {
    const run = runCli(bin, repo.root, ['connectors', '--format', 'json', '--fail-on', 'never']);
    const without = report(run.stdout);
    for (const c of without.connectors) {
      expect(c.verdicts.compatibility, c.dir).toBe('n/a');
      expect(compatibility(c)).toEqual([]);
      const other = withBase.connectors.find((w) => w.dir === c.dir) as JsonConnector;
      expect(c.findings).toEqual(other.findings.filter((f) => f.criterion !== 'compatibility'));
    }
  });

  it('reads the base relative to the repository top level when run from a subfolder, and accepts a ref name', () => {
    git(repo.root, ['tag', '-f', 'release-1', repo.base]);
    const run = runCli(bin, path.join(repo.root, 'connectors'), ['operation renamed', '--base', 'release-1', '--format', 'json']);
    const found = compatibility(report(run.stdout).connectors[0]);
    expect(found.map((f) => [f.ruleId, f.file])).toEqual([['breaking-operation-removed', `operation renamed/${SWAGGER}`]]);
    expect(run.status).toBe(1);
  });

  it('lists every breaking-change rule in SARIF, with results under their own rule ids', () => {
    const out = path.join(tempDir(), 'gate.sarif');
    runCli(bin, repo.root, ['connectors', '--base', repo.base, '--format', 'sarif', '--output', out]);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    const ids = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    for (const id of BREAKING_RULES) expect(ids).toContain(id);
    const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId.startsWith('breaking-'));
    expect(new Set(results.map((r: { ruleId: string }) => r.ruleId))).toEqual(new Set(BREAKING_RULES));
  });

  it('prints stylish lines with the breaking rule id and exits 1 on a breaking error', () => {
    const run = runCli(bin, repo.root, [dirOf('trigger kind changed'), '--base', repo.base]);
    expect(run.status).toBe(1);
    const text = readFileSync(path.join(repo.root, dirOf('trigger kind changed'), SWAGGER), 'utf8');
    const at = locate(text, { line: '"x-ms-trigger": "single"', column: '"single"' });
    expect(run.stdout).toMatch(new RegExp(`${at.line}:${at.column}\\s+error\\s+operation 'OnNewOrder' changed from a 'batch' trigger.*breaking-trigger-changed$`, 'm'));
  });
});

function locateOf(finding: JsonFinding): { line: number; column: number } {
  return { line: finding.line, column: finding.column };
}

describe.each(RUNTIMES)('breaking changes, action on $name', ({ bin }) => {
  it('annotates breaking changes with INPUT_BASE and adds a Breaking changes section to the summary', () => {
    const run = runAction(bin, repo.root, { path: 'connectors', base: repo.base, 'fail-on': 'never' });
    expect(run.status, run.stderr).toBe(0);
    const ids = new Set(run.commands.map((c) => c.properties.title?.replace('connector-gate ', '')));
    // Annotations are budgeted (10 errors, 10 warnings): the warnings-only rules all fit.
    for (const id of ['breaking-parameter-removed', 'breaking-type-narrowed', 'breaking-visibility-internal']) expect(ids).toContain(id);
    const narrowed = run.commands.find((c) => c.properties.title === 'connector-gate breaking-type-narrowed');
    const dir = dirOf('input type narrowed');
    const text = readFileSync(path.join(repo.root, dir, SWAGGER), 'utf8');
    const at = locate(text, { after: '"quantity": {', line: '"type": "integer"', column: '"integer"' });
    expect(narrowed?.command).toBe('warning');
    expect(narrowed?.properties).toMatchObject({ file: `${dir}/${SWAGGER}`, line: String(at.line), col: String(at.column) });

    expect(run.summary).toContain('| Compatibility |');
    expect(run.summary).toContain('**Breaking changes** (compared with the base revision):');
    const full = JSON.parse(readFileSync(run.outputs.report as string, 'utf8')) as JsonReport;
    const all = full.connectors.flatMap((c) => c.findings).filter((f) => f.criterion === 'compatibility');
    expect(new Set(all.map((f) => f.ruleId))).toEqual(new Set(BREAKING_RULES));
  });

  it('without a base input, skips the check: no compatibility finding, verdict n/a', () => {
    const run = runAction(bin, repo.root, { path: 'connectors', 'fail-on': 'never' });
    const full = JSON.parse(readFileSync(run.outputs.report as string, 'utf8')) as JsonReport;
    expect(full.connectors.every((c) => c.verdicts.compatibility === 'n/a' && compatibility(c).length === 0)).toBe(true);
  });

  it('says, as an info line, that the first push of a branch has no previous commit', () => {
    // (The action's path input is a whitespace-separated list: the folder with the spaces is found below 'connectors'.)
    const run = runAction(bin, repo.root, { path: 'connectors', base: '0'.repeat(40), 'fail-on': 'never' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('connector-gate: breaking-change check skipped: there is no previous commit (the first push of a branch)');
    expect(run.commands.filter((c) => c.command === 'notice' && c.message.includes('skipped'))).toEqual([]);
    const full = JSON.parse(readFileSync(run.outputs.report as string, 'utf8')) as JsonReport;
    expect(full.connectors.every((c) => c.verdicts.compatibility === 'n/a')).toBe(true);
  });
});

describe.each(RUNTIMES)('breaking changes in a shallow clone, on $name', ({ bin }) => {
  let origin: { root: string; base: string; head: string };
  const DIR = 'connectors/Contoso Frames';
  beforeAll(() => {
    const { root, base } = repoWith(packageFiles(DIR));
    const head = commit(root, packageFiles(DIR, (s) => delete s.paths['/orders']), 'delete an operation');
    origin = { root, base, head };
  });

  function shallowClone(): string {
    const clone = path.join(tempDir(), 'shallow clone');
    git(path.dirname(clone), ['clone', '--quiet', '--depth', '1', `file://${origin.root}`, clone]);
    expect(() => git(clone, ['cat-file', '-e', `${origin.base}^{commit}`])).toThrow();
    return clone;
  }

  it('fetches the missing base commit once (git fetch --depth=1 origin <sha>) and finds the break', () => {
    const clone = shallowClone();
    const run = runCli(bin, clone, [DIR, '--base', origin.base, '--format', 'json', '--fail-on', 'never']);
    expect(run.stderr).toBe('');
    const found = compatibility(report(run.stdout).connectors[0]);
    expect(found.map((f) => f.ruleId)).toEqual(['breaking-operation-removed']);
    expect(found[0]?.message).toMatch(/^operation 'CreateOrder' \(line \d+ in the base\) was deleted/);
    expect(git(clone, ['rev-parse', '--is-shallow-repository'])).toBe('true');
  });

  it('without the history and nowhere to fetch it from: one clear line, the exit code of the findings, no crash', () => {
    const clone = shallowClone();
    git(clone, ['remote', 'remove', 'origin']);
    const plain = runCli(bin, clone, [DIR, '--format', 'json']);
    const run = runCli(bin, clone, [DIR, '--base', origin.base, '--format', 'json']);
    expect(run.stderr).toBe(
      `connector-gate: breaking-change check skipped: the base commit ${origin.base} is not in this clone (a shallow checkout?); fetch it (git fetch origin <ref>) or clone with more history\n`,
    );
    expect(run.status).toBe(plain.status);
    expect(run.stdout).toBe(plain.stdout);
    expect(report(run.stdout).connectors[0]?.verdicts.compatibility).toBe('n/a');
  });

  it('in the action: a notice that asks for fetch-depth on actions/checkout, the outcome of the findings', () => {
    const clone = shallowClone();
    git(clone, ['remote', 'set-url', 'origin', `file://${path.join(tempDir(), 'gone')}`]);
    const plain = runAction(bin, clone, { path: DIR });
    const run = runAction(bin, clone, { path: DIR, base: origin.base });
    const notices = run.commands.filter((c) => c.command === 'notice' && c.message.includes('breaking-change'));
    expect(notices.map((c) => c.message)).toEqual([
      `connector-gate: breaking-change check skipped: the base commit ${origin.base} is not in this clone (a shallow checkout?); set \`fetch-depth: 0\` (or 2) on actions/checkout`,
    ]);
    expect(run.status).toBe(plain.status);
    expect(run.outputs.errors).toBe(plain.outputs.errors);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says that a workspace outside git cannot be compared, and still reports', () => {
    const loose = writeTree(packageFiles('c'));
    const plain = runCli(bin, loose, ['c']);
    const run = runCli(bin, loose, ['c', '--base', 'HEAD~1']);
    expect(run.stderr).toMatch(/^connector-gate: breaking-change check skipped: .* is not in a git repository \(.*\)\n$/);
    expect(run.status).toBe(plain.status);
  });
});

describe.each(RUNTIMES)('breaking-change settings from the config file, on $name', ({ bin }) => {
  const DIR = 'connectors/Contoso Frames';
  function repoWithConfig(config: string): { root: string; base: string } {
    const { root, base } = repoWith({ ...packageFiles(DIR), '.github/connector-gate.yml': config });
    commit(root, packageFiles(DIR, (s) => (s.paths['/frames/{frameId}'].get.operationId = 'GetFrameById')), 'rename');
    return { root, base };
  }

  it('breaking: warning caps breaking errors at warning', () => {
    const { root, base } = repoWithConfig('breaking: warning\n');
    const run = runCli(bin, root, [DIR, '--base', base, '--format', 'json', '--fail-on', 'never']);
    const found = compatibility(report(run.stdout).connectors[0]);
    expect(found.map((f) => [f.ruleId, f.level])).toEqual([['breaking-operation-removed', 'warning']]);
  });

  it('connectors[].breaking-allow accepts a change for the matching connector only, by rule and target', () => {
    const allow = (target: string) =>
      `connectors:\n  - match: ${DIR}\n    breaking-allow:\n      - rule: breaking-operation-removed\n        target: ${target}\n        reason: never released\n`;
    const accepted = repoWithConfig(allow('GetFrame'));
    const run = runCli(bin, accepted.root, [DIR, '--base', accepted.base, '--format', 'json', '--fail-on', 'never']);
    expect(compatibility(report(run.stdout).connectors[0])).toEqual([]);
    // Another target: the rename is still reported.
    const other = repoWithConfig(allow('ListFrames'));
    const still = runCli(bin, other.root, [DIR, '--base', other.base, '--format', 'json', '--fail-on', 'never']);
    expect(compatibility(report(still.stdout).connectors[0]).map((f) => f.ruleId)).toEqual(['breaking-operation-removed']);
  });

  it('breaking-allow rejects a rule that is not a breaking-change rule, on its line', () => {
    const { root, base } = repoWithConfig(`connectors:\n  - match: x\n    breaking-allow:\n      - rule: op-visibility\n        reason: r\n`);
    const run = runCli(bin, root, [DIR, '--base', base]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/invalid config: \.github\/connector-gate\.yml:4:\d+: connectors\[0\]\.breaking-allow\[0\]\.rule: "op-visibility" is not a breaking-change rule/);
  });

  it('breaking: off turns the check off', () => {
    const { root, base } = repoWithConfig('breaking: off\n');
    const run = runCli(bin, root, [DIR, '--base', base, '--format', 'json', '--fail-on', 'never']);
    expect(compatibility(report(run.stdout).connectors[0])).toEqual([]);
  });

  it('without a config, the custom profile gets warnings and certified errors', () => {
    const { root, base } = repoWith({ ...packageFiles('custom-connectors/Frames'), ...packageFiles('certified-connectors/Frames') });
    const rename = (s: { paths: Record<string, { get: { operationId: string } }> }) => {
      (s.paths['/frames/{frameId}'] as { get: { operationId: string } }).get.operationId = 'GetFrameById';
    };
    commit(root, { ...packageFiles('custom-connectors/Frames', rename), ...packageFiles('certified-connectors/Frames', rename) }, 'rename');
    const run = runCli(bin, root, ['.', '--base', base, '--format', 'json', '--fail-on', 'never']);
    const levels = Object.fromEntries(report(run.stdout).connectors.map((c) => [c.dir, compatibility(c).map((f) => f.level)]));
    expect(levels).toEqual({ 'certified-connectors/Frames': ['error'], 'custom-connectors/Frames': ['warning'] });
  });
});
