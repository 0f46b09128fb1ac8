// End to end: the config file through the bundled CLI (dist/cli/index.js) and action (dist/index.js).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lineOf, tempDir, writeTree } from '../helpers.js';
import { REPO, RUNTIMES, runAction, runCli } from '../e2e/run-dist.js';
import { CONFIG, FABRIKAM_SWAGGER, repository } from './fixtures.js';

const DECLARED = ['--owned-domain', 'contoso.com', '--sla', '99.95'];
const CONTOSO_EXAMPLE = 'examples/contoso-frames/apiDefinition.swagger.json';

function examples(): string {
  const workspace = tempDir();
  cpSync(path.join(REPO, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  return workspace;
}

interface JsonOut {
  summary: { errors: number; warnings: number; notices: number; suppressed: number };
  connectors: { dir: string; findings: { ruleId: string; file: string; line: number; level: string }[] }[];
  suppressions?: { ignored: number; off: number; stale: { message: string; line: number }[] };
}

const findingsIn = (json: JsonOut) => json.connectors.flatMap((connector) => connector.findings);

describe.each(RUNTIMES)('config through the CLI on $name', ({ bin }) => {
  it('rejects a bad config with one line naming the file, line and column, exit 2', () => {
    const cases: [string, string][] = [
      ['rules:\n  op-visibility: off\nrulez: {}\n', '.github/connector-gate.yml:3:1: unknown key "rulez"; expected rules, connectors, ignore, breaking'],
      ['connectors:\n  - match: a\n    sla: [1]\n', '.github/connector-gate.yml:3:10: connectors[0].sla: must be a number or a string, not a list'],
      ['rules:\n  op-visiblity: off\n', '.github/connector-gate.yml:2:3: rules: unknown rule "op-visiblity" (did you mean "op-visibility"?); valid rules: '],
    ];
    for (const [text, expected] of cases) {
      const root = repository({ [CONFIG]: text });
      const run = runCli(bin, root, []);
      expect(run.status, text).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.startsWith(`connector-gate: invalid config: ${expected}`), run.stderr).toBe(true);
      expect(run.stderr.trimEnd()).not.toContain('\n');
    }
  });

  it('requires a --config file to exist, and says nothing without the default one', () => {
    const root = repository();
    const missing = runCli(bin, root, ['--config', 'conf/gate.yml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('connector-gate: invalid config: conf/gate.yml: config file not found\n');
    const folder = runCli(bin, root, ['--write-baseline', 'certified-connectors']);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe('connector-gate: --write-baseline needs a file to write; got "certified-connectors"\n');
    const none = runCli(bin, root, [...DECLARED, '--fail-on', 'never']);
    expect(none.status).toBe(0);
    expect(none.stderr).toBe('');
    expect(none.stdout).not.toContain('suppressed');
  });

  it('changes verdicts and exit codes with rule levels, globally and per connector', () => {
    const root = repository();
    expect(runCli(bin, root, DECLARED).status).toBe(0);
    expect(runCli(bin, root, [...DECLARED, '--fail-on', 'warning']).status).toBe(1);

    writeTree({ [CONFIG]: 'rules:\n  op-visibility: error\n' }, root);
    const raised = runCli(bin, root, DECLARED);
    expect(raised.status).toBe(1);
    const line = lineOf(readFileSync(path.join(root, FABRIKAM_SWAGGER), 'utf8'), '"/styles"') + 1;
    expect(raised.stdout).toMatch(new RegExp(`^  ${FABRIKAM_SWAGGER}:${line}:\\d+  error  .*op-visibility$`, 'm'));

    writeTree({ 'quiet.yml': "connectors:\n  - match: '*/Fabrikam*'\n    rules:\n      op-visibility: off\n" }, root);
    const quiet = runCli(bin, root, [...DECLARED, '--fail-on', 'warning', '--config', 'quiet.yml']);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toContain('note: 1 finding suppressed by quiet.yml: 0 by ignore entries, 1 by rules turned off\n');
  });

  it('writes a baseline of the broken example, passes with it, and fails only on a new problem', () => {
    const workspace = examples();
    const first = runCli(bin, workspace, ['examples', ...DECLARED, '--format', 'json']);
    expect(first.status).toBe(1);
    const total = findingsIn(JSON.parse(first.stdout)).length;
    expect(total).toBeGreaterThan(20);

    const written = runCli(bin, workspace, ['examples', ...DECLARED, '--write-baseline', CONFIG]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toMatch(new RegExp(`^connector-gate: wrote \\.github/connector-gate\\.yml: \\d+ new ignore entries for ${total} finding\\(s\\), 0 existing entries kept\\n$`));
    const baseline = parse(readFileSync(path.join(workspace, CONFIG), 'utf8'));
    const today = new Date().toISOString().slice(0, 10);
    expect(baseline.ignore.length).toBeGreaterThan(10);
    expect(baseline.ignore.every((entry: { reason: string }) => entry.reason === `baseline ${today}`)).toBe(true);

    const clean = runCli(bin, workspace, ['examples', ...DECLARED, '--format', 'json']);
    expect(clean.status).toBe(0);
    const cleanJson: JsonOut = JSON.parse(clean.stdout);
    expect(findingsIn(cleanJson)).toEqual([]);
    expect(cleanJson.summary.suppressed).toBe(total);
    expect(cleanJson.suppressions).toMatchObject({ ignored: total, off: 0, stale: [] });
    const stylish = runCli(bin, workspace, ['examples', ...DECLARED]);
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toContain(`note: ${total} findings suppressed by .github/connector-gate.yml: ${total} by ignore entries, 0 by rules turned off`);

    // A new problem in the clean connector: an operation loses its summary.
    const swagger = path.join(workspace, CONTOSO_EXAMPLE);
    writeFileSync(swagger, readFileSync(swagger, 'utf8').replace('"summary": "List frame styles"', '"summary": ""'));
    const line = lineOf(readFileSync(swagger, 'utf8'), '"summary": ""');
    const fresh = runCli(bin, workspace, ['examples', ...DECLARED, '--format', 'json']);
    expect(fresh.status).toBe(1);
    const freshFindings = findingsIn(JSON.parse(fresh.stdout));
    expect(freshFindings.length).toBeGreaterThan(0);
    expect(freshFindings.every((finding) => finding.file === CONTOSO_EXAMPLE)).toBe(true);
    expect(freshFindings.find((finding) => finding.ruleId === 'op-summary-required')).toMatchObject({ level: 'error', line });
  });

  it('reports a fixed problem as a stale entry, and a second --write-baseline removes it', () => {
    const workspace = examples();
    expect(runCli(bin, workspace, ['examples', ...DECLARED, '--write-baseline', CONFIG]).status).toBe(0);
    // Fix the broken icon's size: the icon-size entry now matches nothing.
    cpSync(path.join(workspace, 'examples/contoso-frames/icon.png'), path.join(workspace, 'examples/broken-frames/icon.png'));
    const configText = readFileSync(path.join(workspace, CONFIG), 'utf8');
    const entryLine = lineOf(configText, 'rule: icon-size') - 1;

    const run = runCli(bin, workspace, ['examples', ...DECLARED]);
    expect(run.stdout).toMatch(
      new RegExp(`^  \\.github/connector-gate\\.yml:${entryLine}:5  notice   ignore entry for rule "icon-size" on "examples/broken-frames/icon\\.png" matched no finding; remove it  stale-ignore$`, 'm'),
    );

    const again = runCli(bin, workspace, ['examples', ...DECLARED, '--write-baseline', CONFIG]);
    expect(again.status).toBe(0);
    // icon-size at least (the new icon may fix icon-background as well).
    expect(again.stderr).toMatch(/; removed [1-9]\d* stale entr(y|ies) and 0 stale pointer\(s\)\n$/);
    expect(readFileSync(path.join(workspace, CONFIG), 'utf8')).not.toContain('rule: icon-size');
    const after = runCli(bin, workspace, ['examples', ...DECLARED]);
    expect(after.status).toBe(0);
    expect(after.stdout).not.toContain('stale-ignore');
  });

  it('writes the baseline with the settings of --config, so the file reproduces the run', () => {
    const root = repository({ 'base.yml': '# base\nrules:\n  op-visibility: error\n' });
    const written = runCli(bin, root, [...DECLARED, '--config', 'base.yml', '--write-baseline', 'baseline.yml']);
    expect(written.status).toBe(0);
    const text = readFileSync(path.join(root, 'baseline.yml'), 'utf8');
    expect(text).toContain('# base\nrules:\n  op-visibility: error\n');
    expect(runCli(bin, root, [...DECLARED, '--config', 'baseline.yml', '--fail-on', 'warning']).status).toBe(0);
    expect(runCli(bin, root, [...DECLARED, '--fail-on', 'warning']).status).toBe(1);
  });
});

describe.each(RUNTIMES)('config through the action on $name', ({ bin }) => {
  it('reads the config input: suppressed count in the summary and the outputs, stale entries as notices on their line', () => {
    const root = repository({
      'gate.yml': [
        'rules:',
        '  op-visibility: error',
        'ignore:',
        `  - file: ${FABRIKAM_SWAGGER}`,
        '    rule: op-visibility',
        '    reason: hidden on purpose',
        '  - file: "**/apiDefinition.swagger.json"',
        '    rule: refs',
        '    reason: fixed',
      ].join('\n'),
    });
    const run = runAction(bin, root, { config: 'gate.yml', 'owned-domains': 'contoso.com', sla: '99.95', 'fail-on': 'warning' });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ suppressed: '1', errors: '0', eligible: 'true' });
    expect(run.summary).toContain('🔕 1 finding suppressed by gate.yml: 1 by ignore entries, 0 by rules turned off.');
    expect(run.summary).toContain('gate.yml:7:5: ignore entry for rule &quot;refs&quot;');
    const stale = run.commands.find((c) => c.properties.title === 'connector-gate stale ignore entry');
    expect(stale).toMatchObject({ command: 'notice', properties: { file: 'gate.yml', line: '7', col: '5' } });
    expect(stale?.message).toBe('ignore entry for rule "refs" on "**/apiDefinition.swagger.json" matched no finding; remove it');
    expect(run.stdout).not.toContain('not read by this version');
  });

  it('reads .github/connector-gate.yml by default, and a level override fails the step', () => {
    const root = repository({ [CONFIG]: 'rules:\n  op-visibility: error\n' });
    const run = runAction(bin, root, { 'owned-domains': 'contoso.com', sla: '99.95' });
    expect(run.status).toBe(1);
    expect(run.commands.find((c) => c.command === 'error' && c.properties.title === 'connector-gate op-visibility')?.properties.file).toBe(FABRIKAM_SWAGGER);
    expect(run.outputs.suppressed).toBe('0');
  });

  it('fails with "invalid config" naming the file, line and column', () => {
    const bad = runAction(bin, repository({ [CONFIG]: 'ignore:\n  - file: a\n    rule: nope\n    reason: r\n' }), {});
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('::error::connector-gate: invalid config: .github/connector-gate.yml:3:11: ignore[0].rule: unknown rule "nope"; valid rules: ');
    expect(bad.stdout + bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.outputs.report).toBeUndefined();

    const missing = runAction(bin, repository(), { config: 'conf/gate.yml' });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('::error::connector-gate: invalid config: conf/gate.yml: config file not found');
  });
});
