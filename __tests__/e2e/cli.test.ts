// End to end: the bundled CLI (dist/cli/index.js), as a user runs it before pushing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOf, tempDir } from '../helpers.js';
import { REPO, RUNTIMES, parseCommands, runCli } from './run-dist.js';

const BROKEN = 'examples/broken-frames/apiDefinition.swagger.json';
const brokenText = readFileSync(path.join(REPO, BROKEN), 'utf8');

describe.each(RUNTIMES)('CLI on $name', ({ bin }) => {
  it('prints clickable file:line:col lines and exits 1 on findings', () => {
    const run = runCli(bin, REPO, ['examples/broken-frames']);
    expect(run.status).toBe(1);
    const line = lineOf(brokenText, '"summary": "Get one frame"');
    expect(run.stdout).toMatch(new RegExp(`^\\s*${BROKEN}:${line}:17\\s+error\\s+not strict JSON: duplicate key "summary".*pkg-json-strict$`, 'm'));
  });

  it('exits 0 on the clean example with the owned domain and SLA declared', () => {
    const run = runCli(bin, REPO, ['examples/contoso-frames', '--owned-domain', 'contoso.com', '--sla', '99.95']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('writes SARIF with regions and rule help links', () => {
    const out = path.join(tempDir(), 'gate.sarif');
    const run = runCli(bin, REPO, ['examples', '--format', 'sarif', '--output', out]);
    expect(run.status).toBe(1);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'pkg-json-strict');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: lineOf(brokenText, '"summary": "Get one frame"'), startColumn: 17 });
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'pkg-json-strict');
    expect(rule.helpUri).toMatch(/docs\/rules\/pkg-json-strict\.md$/);
  });

  it('prints JSON and GitHub workflow commands', () => {
    const asJson = JSON.parse(runCli(bin, REPO, ['examples', '--format', 'json']).stdout);
    expect(asJson.connectors.map((c: { dir: string }) => c.dir)).toEqual(['examples/broken-frames', 'examples/contoso-frames']);
    const commands = parseCommands(runCli(bin, REPO, ['examples/broken-frames', '--format', 'github']).stdout);
    expect(commands.find((c) => c.properties.title === 'connector-gate pkg-json-strict')?.properties).toMatchObject({ file: BROKEN, col: '17' });
  });

  it('is deterministic: the same input gives the same output', () => {
    const first = runCli(bin, REPO, ['examples', '--format', 'json']).stdout;
    expect(runCli(bin, REPO, ['examples', '--format', 'json']).stdout).toBe(first);
  });

  it('exits 2 with a one-line message on usage errors', () => {
    for (const args of [['--format', 'xml'], ['--fail-on', 'sometimes'], ['--bogus'], ['no/such/folder'], ['--sla', 'high']]) {
      const run = runCli(bin, REPO, args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^connector-gate: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('shows help and version', () => {
    expect(runCli(bin, REPO, ['--help']).stdout).toContain('Usage: connector-gate [paths...] [options]');
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(runCli(bin, REPO, ['--version']).stdout.trim()).toBe(pkg.version);
  });
});
