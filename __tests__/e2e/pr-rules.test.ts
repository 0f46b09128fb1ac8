// End to end: the PR rules (pr-title-ip, pr-checklist) through the bundled action (pull_request
// event payload) and the bundled CLI (--pr-title, --pr-body-file).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../helpers.js';
import { connectorFiles, IP_DIR, templateBody } from '../rules/pr-fixtures.js';
import { RUNTIMES, runAction, runCli } from './run-dist.js';

const SWAGGER = `${IP_DIR}/apiDefinition.swagger.json`;

describe.each(RUNTIMES)('PR rules on $name', ({ bin }) => {
  it('action: reads the title and body from the pull_request payload and annotates line 1 of the definition', () => {
    const workspace = writeTree(connectorFiles(IP_DIR));
    const payload = path.join(tempDir(), 'event.json');
    writeFileSync(payload, JSON.stringify({ pull_request: { number: 7, title: 'Proposal - Contoso Frames (Independent Publisher)', body: templateBody([0, 1, 2, 3, 4, 5, 6]) } }));
    const run = runAction(bin, workspace, { path: '.', 'changed-only': 'false' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: payload });
    const title = run.commands.find((c) => c.properties.title === 'connector-gate pr-title-ip');
    expect(title?.command).toBe('error');
    expect(title?.properties).toMatchObject({ file: SWAGGER, line: '1', col: '1' });
    expect(title?.message).toMatch(/^the pull request title 'Proposal - Contoso Frames \(Independent Publisher\)' starts with 'Proposal -'/);
    const checklist = run.commands.find((c) => c.properties.title === 'connector-gate pr-checklist');
    expect(checklist?.command).toBe('warning');
    expect(checklist?.properties).toMatchObject({ file: SWAGGER, line: '1', col: '1' });
    expect(checklist?.message).toMatch(/leaves 1 required checklist item\(s\) of the template unticked: screenshot of the Test operations section;/);

    // The same workspace on a push: no pull request, so neither rule runs.
    const push = runAction(bin, workspace, { path: '.' }, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: payload });
    expect(push.commands.filter((c) => /pr-(title-ip|checklist)/.test(c.properties.title ?? ''))).toEqual([]);
  });

  it('CLI: --pr-title and --pr-body-file run the PR rules; without them they do not', () => {
    const root = writeTree(connectorFiles(IP_DIR));
    const body = path.join(tempDir(), 'body.md');
    writeFileSync(body, templateBody([]));
    const run = runCli(bin, root, ['.', '--format', 'json', '--pr-title', 'Fabrikam (Independent Publisher)', '--pr-body-file', body]);
    const report = JSON.parse(run.stdout);
    const pr = report.connectors[0].findings
      .filter((f: { ruleId: string }) => f.ruleId.startsWith('pr-'))
      .map((f: { ruleId: string; level: string; file: string; line: number; column: number }) => [f.ruleId, f.level, f.file, f.line, f.column]);
    expect(pr).toEqual([
      ['pr-checklist', 'warning', SWAGGER, 1, 1],
      ['pr-title-ip', 'warning', SWAGGER, 1, 1],
    ]);

    const plain = JSON.parse(runCli(bin, root, ['.', '--format', 'json']).stdout);
    expect(plain.connectors[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('pr-'))).toEqual([]);

    const missing = runCli(bin, root, ['.', '--pr-body-file', 'no-such-body.md']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--pr-body-file no-such-body\.md cannot be read \(ENOENT\)/);
  });
});
