// End to end: the bundled action (dist/index.js) run as a GitHub runner runs it.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, lineOf, tempDir } from '../helpers.js';
import { git } from '../breaking/git-repo.js';
import { REPO, RUNTIMES, runAction } from './run-dist.js';

const BROKEN = 'examples/broken-frames/apiDefinition.swagger.json';

/** A workspace holding a copy of the examples (the action must not depend on the repo layout). */
function exampleWorkspace(): string {
  const workspace = tempDir();
  cpSync(path.join(REPO, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  return workspace;
}

/** 1-based column of `needle` on its line. */
function columnOf(text: string, needle: string): number {
  const line = text.split('\n')[lineOf(text, needle) - 1] as string;
  return line.indexOf(needle) + 1;
}

describe.each(RUNTIMES)('action on $name', ({ bin }) => {
  it('fails on the broken example with errors on the offending lines, a summary and outputs', () => {
    const workspace = exampleWorkspace();
    const run = runAction(bin, workspace, { path: 'examples/broken-frames', 'owned-domains': 'contoso.com', sla: '99.95' });
    const swagger = readFileSync(path.join(workspace, BROKEN), 'utf8');

    expect(run.status).toBe(1);
    const errors = run.commands.filter((c) => c.command === 'error');
    const duplicate = errors.find((c) => c.properties.title === 'connector-gate pkg-json-strict');
    expect(duplicate?.properties).toMatchObject({
      file: BROKEN,
      line: String(lineOf(swagger, '"summary": "Get one frame"')),
      col: '17',
    });
    expect(duplicate?.message).toMatch(/^not strict JSON: duplicate key "summary" \(first defined at line 40, column 17\)/);
    const brokenRef = errors.find((c) => c.properties.title === 'connector-gate refs');
    expect(brokenRef?.properties).toMatchObject({
      file: BROKEN,
      line: String(lineOf(swagger, '#/definitions/FrameList')),
      col: String(columnOf(swagger, '"#/definitions/FrameList"')),
    });
    expect(run.stdout).toMatch(/::error::connector-gate: \d+ error\(s\)/);
    // Nine error annotations with a file, and the step's own failure message: GitHub's ten.
    expect(errors.filter((c) => c.properties.file)).toHaveLength(9);

    expect(run.outputs.eligible).toBe('false');
    expect(Number(run.outputs.errors)).toBeGreaterThan(5);
    const report = JSON.parse(readFileSync(run.outputs.report as string, 'utf8'));
    expect(report.connectors[0].dir).toBe('examples/broken-frames');
    expect(report.summary.errors).toBe(Number(run.outputs.errors));

    expect(run.summary).toContain('examples/broken-frames');
    expect(run.summary).toContain('❌');
  });

  it('links each finding to the rule page of the version that ran, in the repository it ran from', () => {
    const workspace = exampleWorkspace();
    const inputs = { path: 'examples/broken-frames', 'owned-domains': 'contoso.com', sla: '99.95', 'sarif-file': 'out.sarif' };
    const run = runAction(bin, workspace, inputs, { GITHUB_ACTION_REPOSITORY: 'acme/gate-fork', GITHUB_ACTION_REF: 'v1.2.0' });
    const page = 'https://github.com/acme/gate-fork/blob/v1.2.0/docs/rules/refs.md';
    const brokenRef = run.commands.find((c) => c.properties.title === 'connector-gate refs');
    expect(brokenRef?.message.endsWith(`(${page})`)).toBe(true);
    expect(run.summary).toContain(`[refs](${page})`);
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'out.sarif'), 'utf8'));
    expect(sarif.runs[0].tool.driver.informationUri).toBe('https://github.com/acme/gate-fork');
    expect(sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'refs').helpUri).toBe(page);
    // Without them (a local action), or with values that are not a repository and a ref: the project's home.
    for (const env of [{} as Record<string, string>, { GITHUB_ACTION_REPOSITORY: 'acme/../x', GITHUB_ACTION_REF: 'v1' }, { GITHUB_ACTION_REPOSITORY: 'acme/gate', GITHUB_ACTION_REF: 'v1?x=<b>' }]) {
      const home = runAction(bin, workspace, inputs, env).commands.find((c) => c.properties.title === 'connector-gate refs');
      expect(home?.message.endsWith('(https://github.com/connector-gate/connector-gate/blob/main/docs/rules/refs.md)')).toBe(true);
    }
  });

  it('passes the clean example: exit 0, eligible, no error annotation', () => {
    const workspace = exampleWorkspace();
    const run = runAction(bin, workspace, { path: 'examples/contoso-frames', 'owned-domains': 'contoso.com', sla: '99.95' });
    expect(run.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ eligible: 'true', errors: '0' });
    expect(run.summary).toContain('✅');
  });

  it('says ownership and availability are not verified when nothing is declared, and still passes', () => {
    const workspace = exampleWorkspace();
    const run = runAction(bin, workspace, { path: 'examples/contoso-frames' });
    expect(run.status).toBe(0);
    const notices = run.commands.filter((c) => c.command === 'notice').map((c) => c.properties.title);
    expect(notices).toContain('connector-gate biz-saas-ownership');
    expect(notices).toContain('connector-gate biz-availability');
    expect(run.summary).toContain('❔');
  });

  it('writes SARIF when asked and reports its path', () => {
    const workspace = exampleWorkspace();
    const run = runAction(bin, workspace, { path: 'examples', 'sarif-file': 'out/gate.sarif', 'fail-on': 'never' });
    expect(run.status).toBe(0);
    expect(run.outputs['sarif-file']).toBe(path.join(workspace, 'out/gate.sarif'));
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'out/gate.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'pkg-json-strict');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(BROKEN);
  });

  it('reports repository paths when the repository is checked out in a sub-folder (actions/checkout with path:)', () => {
    const workspace = tempDir();
    cpSync(path.join(REPO, 'examples'), path.join(workspace, 'checkout', 'examples'), { recursive: true });
    git(path.join(workspace, 'checkout'), ['init', '--quiet']);
    const run = runAction(bin, workspace, { path: 'checkout/examples/broken-frames', 'sarif-file': 'out/gate.sarif', 'fail-on': 'never' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('connector-gate: the repository is checked out in checkout; paths are reported relative to it\n');
    const strict = run.commands.find((c) => c.properties.title === 'connector-gate pkg-json-strict');
    expect(strict?.properties.file).toBe(BROKEN);
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'out/gate.sarif'), 'utf8'));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'pkg-json-strict');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(BROKEN);
    const report = JSON.parse(readFileSync(run.outputs.report as string, 'utf8'));
    expect(report.connectors.map((c: { dir: string }) => c.dir)).toEqual(['examples/broken-frames']);
  });

  it('respects fail-on: warning fails on warnings alone, never never fails', () => {
    const workspace = tempDir();
    // A custom connector whose only problems are warnings (custom profile: content rules warn).
    const swagger = {
      swagger: '2.0',
      info: { title: 'Private Frames', version: '1.0' },
      host: 'frames.internal.contoso.com',
      paths: { '/ping': { get: { operationId: 'Ping', responses: { 200: { description: 'OK' } } } } },
      securityDefinitions: { key: { type: 'apiKey', name: 'X-Key', in: 'header' } },
    };
    const dir = path.join(workspace, 'custom-connectors/Private');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'apiDefinition.swagger.json'), json(swagger));
    writeFileSync(
      path.join(dir, 'apiProperties.json'),
      json({ properties: { connectionParameters: { key: { type: 'securestring', uiDefinition: { displayName: 'Key', description: 'The key.', tooltip: 'The key.', constraints: { required: 'true' } } } }, iconBrandColor: '#1f6f8b' } }),
    );
    writeFileSync(path.join(dir, 'readme.md'), '# Private\n');
    const lenient = runAction(bin, workspace, {});
    expect(lenient.outputs.errors).toBe('0');
    expect(Number(lenient.outputs.warnings)).toBeGreaterThan(0);
    expect(lenient.status).toBe(0);
    expect(runAction(bin, workspace, { 'fail-on': 'warning' }).status).toBe(1);
  });

  it('budgets annotations: at most 10 per level, errors first, then one overflow notice', () => {
    const workspace = tempDir();
    const paths = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`/items${i}`, { get: { operationId: `GetItems${i}`, responses: { 200: { description: 'OK' } } } }]),
    );
    const dir = path.join(workspace, 'Many');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'apiDefinition.swagger.json'), json({ swagger: '2.0', info: { title: 'Many', version: '1' }, host: 'a.contoso.com', paths }));
    const run = runAction(bin, workspace, { 'fail-on': 'never' });
    const levels = run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command) && c.properties.file);
    expect(levels.filter((c) => c.command === 'error')).toHaveLength(10);
    expect(levels.filter((c) => c.command === 'warning').length).toBeLessThanOrEqual(10);
    expect(levels.findIndex((c) => c.command !== 'error')).toBe(10);
    const overflow = run.commands.at(-1);
    expect(overflow?.command).toBe('notice');
    expect(overflow?.message).toMatch(/^\d+ more findings not shown as annotations .* JSON report: /);
  });

  it('takes folder names with spaces in the path input (one per line or comma)', () => {
    const workspace = tempDir();
    cpSync(path.join(REPO, 'examples/contoso-frames'), path.join(workspace, 'certified-connectors/Contoso Frames'), { recursive: true });
    cpSync(path.join(REPO, 'examples/broken-frames'), path.join(workspace, 'certified-connectors/Broken Frames'), { recursive: true });
    const run = runAction(bin, workspace, { path: 'certified-connectors/Contoso Frames\n', 'owned-domains': 'contoso.com example.com', sla: '99.95' });
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs.report as string, 'utf8'));
    expect(report.connectors.map((c: { dir: string }) => c.dir)).toEqual(['certified-connectors/Contoso Frames']);
  });

  it('rejects a bad input with a one-line message and no stack trace', () => {
    const run = runAction(bin, exampleWorkspace(), { profile: 'gold' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::connector-gate: invalid input: profile must be auto, certified, independent-publisher, custom; got "gold"');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('blames itself, without a stack trace, when it fails for a reason of its own', () => {
    const workspace = exampleWorkspace();
    // A step summary path that cannot be written: the runner's fault or ours, never the connector's.
    const run = runAction(bin, workspace, { path: 'examples/contoso-frames' }, { GITHUB_STEP_SUMMARY: workspace });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::connector-gate failed: .*This is a bug in connector-gate, not in your connector/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
