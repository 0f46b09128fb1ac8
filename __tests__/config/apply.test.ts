import { describe, expect, it } from 'vitest';
import { shouldFail } from '../../src/options.js';
import { toJsonReport } from '../../src/report/json.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { toSarif } from '../../src/report/sarif.js';
import { formatStylish } from '../../src/report/stylish.js';
import { formatGithub } from '../../src/report/workflow-commands.js';
import { CONFIG, CONTOSO, CONTOSO_SWAGGER, FABRIKAM, FABRIKAM_SWAGGER, connectorOf, findingsOfRule, lineIn, repository, run } from './fixtures.js';

const STYLES_GET = '/paths/~1styles/get';

describe('the fixture', () => {
  it('has exactly one op-visibility warning, on Fabrikam GET /styles, and Contoso has none', () => {
    const root = repository();
    const report = run(root);
    expect(report.suppressions).toBeUndefined();
    expect(findingsOfRule(report, 'op-visibility')).toMatchObject([
      { level: 'warning', file: FABRIKAM_SWAGGER, pointer: STYLES_GET, line: lineIn(root, FABRIKAM_SWAGGER, '"/styles"') + 1 },
    ]);
    expect(connectorOf(report, FABRIKAM).verdicts.completeness).toBe('warn');
  });
});

describe('rule levels', () => {
  it('raises a rule to error: the verdict fails, the connector is not eligible and the run fails', () => {
    const root = repository();
    const before = run(root);
    const report = run(root, 'rules:\n  op-visibility: error\n');
    const fabrikam = connectorOf(report, FABRIKAM);
    expect(findingsOfRule(report, 'op-visibility')).toMatchObject([{ level: 'error', pointer: STYLES_GET }]);
    expect(fabrikam.verdicts.completeness).toBe('fail');
    expect(fabrikam.eligible).toBe(false);
    expect(report.counts.error).toBe(before.counts.error + 1);
    expect(report.counts.warning).toBe(before.counts.warning - 1);
    expect(shouldFail(before, 'error')).toBe(false);
    expect(shouldFail(report, 'error')).toBe(true);
    // Raising a level suppresses nothing.
    expect(report.suppressions).toMatchObject({ configFile: CONFIG, ignored: 0, off: 0, sources: [], stale: [] });
  });

  it('turns a rule off: its findings are dropped from findings and verdicts, and counted with the override line', () => {
    const root = repository();
    const report = run(root, '# legacy\nrules:\n  op-visibility: off\n');
    expect(findingsOfRule(report, 'op-visibility')).toEqual([]);
    expect(connectorOf(report, FABRIKAM).verdicts.completeness).toBe('pass');
    expect(shouldFail(report, 'warning')).toBe(false);
    expect(shouldFail(run(root), 'warning')).toBe(true);
    expect(report.suppressions).toMatchObject({ ignored: 0, off: 1, sources: [{ kind: 'off', ruleId: 'op-visibility', line: 3, column: 3, count: 1 }] });
  });

  it('makes a criterion not applicable when every rule of it is off', () => {
    const root = repository();
    const report = run(root, 'rules:\n  biz-availability: off\n');
    expect(connectorOf(report, CONTOSO).verdicts.availability).toBe('n/a');
    expect(connectorOf(run(root), CONTOSO).verdicts.availability).toBe('pass');
  });

  it('turns on a rule that is off for the profile', () => {
    const root = repository();
    expect(findingsOfRule(run(root), 'icon-absent-ip')).toEqual([]);
    const report = run(root, 'rules:\n  icon-absent-ip: warning\n');
    expect(findingsOfRule(report, 'icon-absent-ip').map((f) => [f.file, f.level])).toEqual([
      [`${CONTOSO}/icon.png`, 'warning'],
      [`${FABRIKAM}/icon.png`, 'warning'],
    ]);
  });

  it('keeps what cannot be verified from the files a notice, whatever the level', () => {
    const root = repository();
    const report = run(root, 'rules:\n  biz-saas-ownership: error\n', { ownedDomains: [] });
    const findings = findingsOfRule(report, 'biz-saas-ownership');
    expect(findings).toHaveLength(2);
    expect(findings.every((f) => f.level === 'notice' && f.unverified)).toBe(true);
  });

  it('lets connector entries override the global level, later entries winning', () => {
    const root = repository();
    const config = (first: string, second: string) =>
      [
        'rules:',
        '  op-visibility: error',
        'connectors:',
        `  - match: ${first}`,
        '    rules: { op-visibility: notice }',
        `  - match: ${second}`,
        '    rules: { op-visibility: warning }',
      ].join('\n');
    const levelWith = (text: string) => findingsOfRule(run(root, text), 'op-visibility')[0]?.level;
    expect(levelWith(config('certified-connectors/*', 'certified-connectors/Fabrikam*'))).toBe('warning');
    expect(levelWith(config('certified-connectors/Fabrikam*', 'certified-connectors/*'))).toBe('warning');
    expect(levelWith(config('certified-connectors/Fabrikam*', 'certified-connectors/Contoso*'))).toBe('notice');
    expect(levelWith(config('nowhere/*', 'certified-connectors/Contoso*'))).toBe('error');
  });
});

describe('connector settings', () => {
  it('sets the profile per connector glob', () => {
    const root = repository();
    const report = run(root, `connectors:\n  - match: '*/Fabrikam*'\n    profile: custom\n`);
    expect(connectorOf(report, FABRIKAM).profile).toBe('custom');
    expect(connectorOf(report, FABRIKAM).verdicts.icon).toBe('n/a');
    expect(connectorOf(report, CONTOSO).profile).toBe('certified');
    expect(connectorOf(report, CONTOSO).verdicts.icon).toBe('pass');
  });

  it('takes profile auto in an entry as "from the folder", over the profile input', () => {
    const root = repository();
    const report = run(root, `connectors:\n  - match: '*/Contoso*'\n    profile: auto\n`, { profile: 'custom' });
    expect(connectorOf(report, CONTOSO).profile).toBe('certified');
    expect(connectorOf(report, FABRIKAM).profile).toBe('custom');
  });

  it('sets owned domains and the SLA per connector, replacing the inputs, key by key', () => {
    const root = repository();
    const config = [
      'connectors:',
      '  - match: certified-connectors/*',
      '    owned-domains: fabrikam.com',
      '    sla: 99.95',
      '  - match: certified-connectors/Contoso*',
      '    owned-domains: [contoso.com]',
    ].join('\n');
    const report = run(root, config, { ownedDomains: [], sla: 50 });
    // Contoso: contoso.com (the later entry) and 99.95 (the earlier one): nothing to say.
    expect(connectorOf(report, CONTOSO).findings.filter((f) => f.criterion === 'ownership' || f.criterion === 'availability')).toEqual([]);
    // Fabrikam: api.contoso.com is not under fabrikam.com.
    expect(findingsOfRule(report, 'biz-saas-ownership')).toMatchObject([{ connector: FABRIKAM, level: 'error' }]);
    expect(findingsOfRule(report, 'biz-availability')).toEqual([]);
    expect(findingsOfRule(run(root, undefined, { ownedDomains: [], sla: 50 }), 'biz-availability')).toHaveLength(2);
  });
});

describe('ignore', () => {
  const entry = (file: string, rule: string, extra = '') => `  - file: ${file}\n    rule: ${rule}\n${extra}    reason: accepted\n`;

  it('drops a finding covered by file + rule + pointer, and counts it by entry', () => {
    const root = repository();
    const report = run(root, `ignore:\n${entry(FABRIKAM_SWAGGER, 'op-visibility', `    pointer: ${STYLES_GET}\n`)}`);
    expect(findingsOfRule(report, 'op-visibility')).toEqual([]);
    expect(connectorOf(report, FABRIKAM).verdicts.completeness).toBe('pass');
    expect(report.counts.warning).toBe(run(root).counts.warning - 1);
    expect(report.suppressions).toEqual({
      configFile: CONFIG,
      ignored: 1,
      off: 0,
      sources: [{ kind: 'ignore', ruleId: 'op-visibility', line: 2, column: 5, file: FABRIKAM_SWAGGER, reason: 'accepted', count: 1 }],
      stale: [],
    });
  });

  it('does not drop a finding when the pointer, the rule or the file differs, and reports the entry as stale', () => {
    const root = repository();
    for (const text of [
      entry(FABRIKAM_SWAGGER, 'op-visibility', '    pointer: /paths/~1orders/post\n'),
      entry(FABRIKAM_SWAGGER, 'op-description', `    pointer: ${STYLES_GET}\n`),
      entry(CONTOSO_SWAGGER, 'op-visibility'),
      entry(FABRIKAM_SWAGGER, 'op-visibility', '    pointer: /paths/~1styles\n'),
    ]) {
      const report = run(root, `ignore:\n${text}`);
      expect(findingsOfRule(report, 'op-visibility'), text).toHaveLength(1);
      expect(report.suppressions?.ignored).toBe(0);
      expect(report.suppressions?.stale, text).toHaveLength(1);
    }
  });

  it('matches file globs, whole files (no pointer) and subtrees (/**)', () => {
    const root = repository();
    for (const text of [
      entry("'*/Fabrikam*/apiDefinition.swagger.json'", 'op-visibility'),
      entry('certified-connectors/**', 'op-visibility', '    pointer: /paths/**\n'),
      entry(FABRIKAM_SWAGGER, 'op-visibility', `    pointer: [/info, ${STYLES_GET}]\n`),
    ]) {
      const report = run(root, `ignore:\n${text}`);
      expect(findingsOfRule(report, 'op-visibility'), text).toEqual([]);
      expect(report.suppressions?.ignored, text).toBe(1);
    }
  });

  it('reports stale entries and stale pointers as notices on their line, without failing', () => {
    const root = repository();
    const config = [
      'ignore:',
      `  - file: ${FABRIKAM_SWAGGER}`,
      '    rule: op-visibility',
      '    pointer:',
      `      - ${STYLES_GET}`,
      '      - /paths/~1gone/get',
      '    reason: accepted',
      `  - file: ${CONTOSO_SWAGGER}`,
      '    rule: refs',
      '    reason: fixed long ago',
    ].join('\n');
    const report = run(root, config);
    expect(report.suppressions?.stale).toEqual([
      {
        entry: 0,
        ruleId: 'op-visibility',
        file: FABRIKAM_SWAGGER,
        pointer: '/paths/~1gone/get',
        line: 6,
        column: 9,
        message: `ignore entry for rule "op-visibility" on "${FABRIKAM_SWAGGER}" at "/paths/~1gone/get" matched no finding; remove it`,
      },
      {
        entry: 1,
        ruleId: 'refs',
        file: CONTOSO_SWAGGER,
        line: 8,
        column: 5,
        message: `ignore entry for rule "refs" on "${CONTOSO_SWAGGER}" matched no finding; remove it`,
      },
    ]);
    expect(report.counts).toEqual(run(root, 'rules:\n  op-visibility: off\n').counts);
    expect(shouldFail(report, 'warning')).toBe(false);
  });

  it('gives a finding covered by two entries to the first; the second is then stale', () => {
    const root = repository();
    const report = run(root, `ignore:\n${entry("'**'", 'op-visibility')}${entry(FABRIKAM_SWAGGER, 'op-visibility')}`);
    expect(report.suppressions?.sources).toMatchObject([{ line: 2, count: 1 }]);
    expect(report.suppressions?.stale.map((stale) => stale.entry)).toEqual([1]);
  });

  it('does not call entries stale for connectors outside the checked paths', () => {
    const root = repository();
    const config = `ignore:\n${entry(FABRIKAM_SWAGGER, 'refs')}${entry("'certified-connectors/Fabrikam*/*.json'", 'refs')}${entry(CONTOSO_SWAGGER, 'refs')}`;
    const report = run(root, config, { paths: [CONTOSO] });
    expect(report.suppressions?.stale.map((stale) => stale.entry)).toEqual([2]);
    expect(run(root, config).suppressions?.stale.map((stale) => stale.entry)).toEqual([0, 1, 2]);
  });

  it('counts ignore entries and rules turned off separately', () => {
    const root = repository();
    const config = `rules:\n  biz-saas-ownership: off\nignore:\n${entry(FABRIKAM_SWAGGER, 'op-visibility')}`;
    const report = run(root, config, { ownedDomains: [] });
    expect(report.suppressions).toMatchObject({
      ignored: 1,
      off: 2,
      sources: [
        { kind: 'off', ruleId: 'biz-saas-ownership', line: 2, count: 2 },
        { kind: 'ignore', ruleId: 'op-visibility', line: 4, count: 1 },
      ],
    });
  });
});

describe('reports', () => {
  const config = [
    'rules:',
    '  biz-saas-ownership: off',
    'ignore:',
    `  - file: ${FABRIKAM_SWAGGER}`,
    '    rule: op-visibility',
    '    reason: accepted',
    `  - file: ${CONTOSO_SWAGGER}`,
    '    rule: refs',
    '    reason: stale',
  ].join('\n');
  const staleMessage = `ignore entry for rule "refs" on "${CONTOSO_SWAGGER}" matched no finding; remove it`;
  const report = run(repository(), config, { ownedDomains: [] });

  it('JSON: summary.suppressed and the suppressions', () => {
    const json = JSON.parse(JSON.stringify(toJsonReport(report)));
    expect(json.summary.suppressed).toBe(3);
    expect(json.suppressions).toMatchObject({ configFile: CONFIG, ignored: 1, off: 2, stale: [{ entry: 1, line: 7, column: 5, message: staleMessage }] });
    expect(toJsonReport(run(repository())).summary.suppressed).toBe(0);
    expect(toJsonReport(run(repository())).suppressions).toBeUndefined();
  });

  it('markdown: the suppressed counts and the stale entries', () => {
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('🔕 3 findings suppressed by .github/connector-gate.yml: 1 by ignore entries, 2 by rules turned off.');
    expect(markdown).toContain('### ℹ️ Stale ignore entries (they matched nothing)');
    // Escaped like every text in the summary (quotes as entities).
    expect(markdown).toContain(`- .github/connector-gate.yml:7:5: ignore entry for rule &quot;refs&quot; on &quot;${CONTOSO_SWAGGER}&quot; matched no finding; remove it`);
    expect(formatMarkdown(run(repository()))).not.toContain('suppressed');
  });

  it('SARIF: a run property and a located notification per stale entry', () => {
    const sarif = toSarif(report);
    const [sarifRun] = sarif.runs;
    expect(sarifRun?.properties).toEqual({ suppressed: { configFile: CONFIG, total: 3, ignored: 1, off: 2 } });
    const notification = sarifRun?.invocations[0]?.toolExecutionNotifications.find((n) => n.message.text === staleMessage);
    expect(notification).toEqual({
      level: 'note',
      message: { text: staleMessage },
      locations: [{ physicalLocation: { artifactLocation: { uri: '.github/connector-gate.yml' }, region: { startLine: 7, startColumn: 5, endLine: 7, endColumn: 5 } } }],
    });
    expect(toSarif(run(repository())).runs[0]?.properties).toBeUndefined();
  });

  it('stylish and github: the stale entry on its line, and the counts', () => {
    const stylish = formatStylish(report);
    expect(stylish).toContain(`  .github/connector-gate.yml:7:5  notice   ${staleMessage}  stale-ignore\n`);
    expect(stylish).toContain('note: 3 findings suppressed by .github/connector-gate.yml: 1 by ignore entries, 2 by rules turned off\n');
    expect(formatGithub(report)).toContain(
      `::notice file=.github/connector-gate.yml,line=7,col=5,title=connector-gate stale ignore entry::${staleMessage}`,
    );
  });
});
