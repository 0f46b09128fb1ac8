// Hostile text in the output: connector folder names and file values holding `|`, backticks,
// `<script>`, line breaks, `%`, `::`, `##[`, commas and zero-width characters. The GitHub runner
// reads every line a step prints, so the bundled action's stdout must hold exactly the workflow
// commands we meant (read the way the runner reads them), and the CLI's stylish, JSON, SARIF and
// markdown output none at all; the job summary must carry no live HTML; and the GitHub token
// never appears in logs, reports or error messages.
import { symlinkSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { ruleDocUrl } from '../../src/report/links.js';
import { json, tempDir } from '../helpers.js';
import { REPO, RUNTIMES, runAction, runCli } from '../e2e/run-dist.js';
import { examplePackage, outside, runnerCommands, sandboxed, swagger, SWAGGER, writePackages, type RunnerCommand } from './harness.js';

const DIST = path.join(REPO, 'dist');
const TOKEN = `ghs_${'Tk9'.repeat(12)}`;
const HOSTILE = '|`tick`<script>alert(1)</script>%0A%25,::';
const FOLDERS = [
  `::error title=INJ::folder${HOSTILE}`,
  'newline\n::warning::folder-injected-via-newline',
  '##[error]folder-v1-injected',
  ' ::notice::folder-after-a-space',
  '\u200b::error::folder-after-a-zero-width-space',
  '#\u200b#[add-mask]folder-v1-zero-width',
];
const TITLE = `##[set-output name=eligible]true\n::error::title-injected <script>alert(2)</script> | \`y\` %0A, ::stop-commands::x ${HOSTILE}`;
/** Workflow commands the action may print; anything else on its stdout was injected. */
const ALLOWED = new Set(['error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'add-mask']);

function hostileWorkspace(): string {
  const root = tempDir();
  const document = swagger({ info: { title: TITLE, description: `${TITLE} described.`, version: '1.0' } });
  // A duplicate key named with the hostile text, so a message quotes it too.
  const text = json(document).replace('"swagger": "2.0",', `"swagger": "2.0",\n  "x-${HOSTILE}": 1,\n  "x-${HOSTILE}": 2,`);
  writePackages(root, Object.fromEntries(FOLDERS.map((folder) => [folder, examplePackage({ [SWAGGER]: text })])));
  // A symbolic link out of the workspace, named to inject: its note quotes the name.
  symlinkSync('/etc', path.join(root, 'link\n::error::note-injected ##[error]x'));
  return root;
}

const workspace = hostileWorkspace();

function expectNoCommands(output: string, label: string): void {
  expect(runnerCommands(output).map((command) => command.line), label).toEqual([]);
}

/** Columns in a markdown table row: `|` not escaped by a backslash. */
function cells(row: string): number {
  let pipes = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') pipes++;
  }
  return pipes - 1;
}

function expectInertMarkdown(markdown: string): void {
  // The only HTML is ours; everything from the files is escaped.
  const foreign = markdown.replace(/<\/?(details|summary|code)( open)?>/g, '');
  expect(foreign).not.toMatch(/</);
  expect(markdown).not.toContain('<script');
  const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
  expect(rows.length).toBeGreaterThan(FOLDERS.length);
  for (const row of rows) expect(cells(row), row).toBe(cells(rows[0] as string));
}

function annotations(commands: RunnerCommand[]): RunnerCommand[] {
  return commands.filter((command) => ['error', 'warning', 'notice'].includes(command.name) && command.properties.file !== undefined);
}

describe.each(RUNTIMES)('hostile output on $name', ({ bin }) => {
  it('action: stdout holds exactly the workflow commands we meant; the summary holds no live HTML; the token shows nowhere', () => {
    const sandbox = sandboxed(bin, { allowProcesses: true });
    const run = runAction(
      sandbox.bin,
      workspace,
      { path: '.', 'owned-domains': 'contoso.com', sla: '99.95', 'sarif-file': 'out/gate.sarif', 'github-token': TOKEN },
      { GITHUB_TOKEN: TOKEN },
    );
    expect(run.stderr).not.toMatch(/connector-gate failed/);
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(run.outputs.report as string, 'utf8')) as JsonReport;
    expect(report.internalErrors).toEqual([]);
    expect(report.connectors.map((c) => c.dir).sort()).toEqual([...FOLDERS].sort());

    // Every command the runner would see is one we print, as the runner would parse it.
    const commands = runnerCommands(run.stdout);
    expect(commands.filter((c) => c.form === 'v1')).toEqual([]);
    expect(commands.filter((c) => !ALLOWED.has(c.name)).map((c) => c.line)).toEqual([]);
    expect(commands.filter((c) => c.name === 'add-mask' && c.data !== TOKEN)).toEqual([]);
    expect(runnerCommands(run.stderr)).toEqual([]);
    for (const command of commands) {
      for (const key of Object.keys(command.properties)) expect(['file', 'line', 'col', 'endLine', 'endColumn', 'title']).toContain(key);
      if (command.properties.title !== undefined) expect(command.properties.title).toMatch(/^connector-gate\b/);
    }
    // Each annotation round-trips to a finding: same file (the hostile folder name, whole), line and message.
    const findings = report.connectors.flatMap((c) => c.findings);
    const annotated = annotations(commands);
    expect(annotated.length).toBeGreaterThan(0);
    for (const command of annotated) {
      const finding = findings.find(
        (f) => f.file === command.properties.file && String(f.line) === command.properties.line && command.data === `${f.message} (${ruleDocUrl(f.ruleId)})`,
      );
      expect(finding, command.line).toBeDefined();
    }
    // The note about the symbolic link is one warning, its name whole, not a command of its own.
    const note = commands.find((c) => c.name === 'warning' && c.data.includes('symbolic link'));
    expect(note?.data).toBe('connector-gate: link\n::error::note-injected ##[error]x: symbolic link to a folder outside the workspace; not followed');

    expectInertMarkdown(run.summary);
    const sarif = readFileSync(path.join(workspace, 'out/gate.sarif'), 'utf8');
    expectNoCommands(sarif, 'sarif');
    const results = (JSON.parse(sarif) as { runs: { results: { message: { text: string } }[] }[] }).runs[0]?.results ?? [];
    expect(results.map((r) => r.message.text).sort()).toEqual(findings.map((f) => f.message).sort());

    // The token: only ever inside ::add-mask:: (which the runner swallows), nowhere else.
    const logs = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    for (const [label, text] of Object.entries({
      stdout: logs.join('\n'),
      stderr: run.stderr,
      summary: run.summary,
      outputs: JSON.stringify(run.outputs),
      report: readFileSync(run.outputs.report as string, 'utf8'),
      sarif,
    })) {
      expect(text.includes(TOKEN), label).toBe(false);
    }
    // Files written: the SARIF file asked for, and in RUNNER_TEMP the JSON report, the summary and
    // the outputs (the runner's files); nothing inside the connectors.
    const runnerTemp = path.dirname(path.dirname(run.outputs.report as string));
    expect(outside(sandbox.record().writes, [path.join(workspace, 'out'), runnerTemp])).toEqual([]);
    expect(sandbox.record().processes.filter((p) => !/^(spawn|spawnSync|execFile|execFileSync) git\b/.test(p))).toEqual([]);
  });

  // The API client retries for seconds before it gives up: once, on the runtime GitHub uses.
  it.runIf(bin === RUNTIMES[0]?.bin)('action on a pull request whose API calls fail: the token is in no message', () => {
    const scratch = tempDir();
    const event = path.join(scratch, 'event.json');
    const sha = (c: string) => c.repeat(40);
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: { number: 7, changed_files: 1, base: { sha: sha('a'), repo: { full_name: 'contoso/connectors' } }, head: { sha: sha('b'), repo: { full_name: 'contoso/connectors' } } },
        repository: { full_name: 'contoso/connectors' },
      }),
    );
    // The network is refused by the sandbox: every API call fails, as on a runner without access.
    const sandbox = sandboxed(bin, { allowProcesses: true });
    const run = runAction(
      sandbox.bin,
      workspace,
      { path: '.', 'owned-domains': 'contoso.com', sla: '99.95', 'github-token': TOKEN, 'check-run': 'true' },
      { GITHUB_TOKEN: TOKEN, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'contoso/connectors', GITHUB_SHA: sha('b') },
    );
    expect(run.stderr).not.toMatch(/connector-gate failed/);
    expect(run.status).toBe(1);
    const logs = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    for (const text of [logs.join('\n'), run.stderr, run.summary, JSON.stringify(run.outputs), readFileSync(run.outputs.report as string, 'utf8')]) {
      expect(text.includes(TOKEN)).toBe(false);
    }
    const commands = runnerCommands(run.stdout);
    expect(commands.filter((c) => c.form === 'v1' || !ALLOWED.has(c.name)).map((c) => c.line)).toEqual([]);
    // It ran git (to diff the pull request), and nothing else: no script from the connectors.
    expect(sandbox.record().processes.filter((p) => !/^(spawn|spawnSync|execFile|execFileSync) git\b/.test(p))).toEqual([]);
    // Whatever it tried to reach, it was GitHub's API, never a host named in a connector.
    for (const attempt of sandbox.record().network) expect(attempt).toMatch(/api\.github\.com/);
  });

  it('CLI: stylish, JSON, SARIF and markdown print no workflow command; github prints exactly ours', () => {
    const reportOf = (format: string) => {
      const sandbox = sandboxed(bin);
      const run = runCli(sandbox.bin, workspace, ['.', '--owned-domain', 'contoso.com', '--sla', '99.95', '--format', format]);
      expect(run.status, `${format}: ${run.stderr}`).toBe(1);
      expect(outside([...sandbox.record().reads, ...sandbox.record().listings], [workspace, DIST])).toEqual([]);
      // The note on stderr is one line that names the link.
      expect(run.stderr).toMatch(/^connector-gate: link ::error::note-injected #\uFFFD#\[error\]x: symbolic link to a folder outside the workspace; not followed\n$/);
      expectNoCommands(run.stderr, `${format} stderr`);
      return run.stdout;
    };
    const jsonText = reportOf('json');
    expectNoCommands(jsonText, 'json');
    const report = JSON.parse(jsonText) as JsonReport;
    expect(report.connectors.map((c) => c.dir).sort()).toEqual([...FOLDERS].sort());
    const messages = report.connectors.flatMap((c) => c.findings).map((f) => f.message);
    expect(messages.some((m) => m.includes('##[set-output') && m.includes('\n::error::'))).toBe(true);

    const stylish = reportOf('stylish');
    expectNoCommands(stylish, 'stylish');
    for (const folder of FOLDERS.filter((f) => !/[\n\u200b]/.test(f) && !f.includes('##['))) expect(stylish).toContain(folder.trim());

    expectNoCommands(reportOf('sarif'), 'sarif');
    const markdown = reportOf('markdown');
    expectNoCommands(markdown, 'markdown');
    expectInertMarkdown(markdown);

    const github = runnerCommands(reportOf('github'));
    expect(github.filter((c) => c.form === 'v1' || !['error', 'warning', 'notice'].includes(c.name))).toEqual([]);
    const findings = report.connectors.flatMap((c) => c.findings);
    for (const command of annotations(github)) {
      expect(findings.some((f) => f.file === command.properties.file && String(f.line) === command.properties.line && f.message === command.data), command.line).toBe(true);
    }
    expect(annotations(github)).toHaveLength(findings.length);
  });
});
