import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baselineConfigPath, baselineText, writeBaseline } from '../../src/config/baseline.js';
import { parseConfig } from '../../src/config/load.js';
import { CONFIG, CONTOSO_SWAGGER, FABRIKAM_SWAGGER, REPO_ROOT, findingsOfRule, repository, run } from './fixtures.js';

const DATE = '2025-01-02';
const all = (report: ReturnType<typeof run>) => report.connectors.flatMap((c) => c.findings);

describe('baseline', () => {
  it('groups findings by file and rule, with the pointers sorted, and reads back to zero findings', () => {
    const root = repository();
    // Without owned domains and SLA: notices too (two rules, two connectors).
    const before = run(root, undefined, { ownedDomains: [], sla: null });
    expect(all(before).filter((finding) => finding.level === 'notice').length).toBeGreaterThanOrEqual(4);
    const { text, added, findings, kept } = baselineText(before, undefined, DATE);
    expect(findings).toBe(all(before).length);
    expect(kept).toBe(0);
    const entries = parse(text).ignore as { file: string; rule: string; pointer?: string | string[]; reason: string }[];
    expect(entries).toHaveLength(added);
    expect(entries.every((entry) => entry.reason === `baseline ${DATE}`)).toBe(true);
    expect(entries.find((entry) => entry.file === FABRIKAM_SWAGGER && entry.rule === 'op-visibility')).toEqual({
      file: FABRIKAM_SWAGGER,
      rule: 'op-visibility',
      pointer: '/paths/~1styles/get',
      reason: `baseline ${DATE}`,
    });
    // One entry per file and rule.
    expect(new Set(entries.map((entry) => `${entry.file} ${entry.rule}`)).size).toBe(entries.length);

    const after = run(root, text, { ownedDomains: [], sla: null });
    expect(all(after)).toEqual([]);
    expect(after.suppressions).toMatchObject({ ignored: findings, off: 0, stale: [] });
  });

  it('lists several pointers of one file and rule in one entry', () => {
    const root = repository();
    // A second operation (POST /orders) without visibility in the same file.
    const swagger = path.join(root, FABRIKAM_SWAGGER);
    writeFileSync(swagger, readFileSync(swagger, 'utf8').replace('"x-ms-visibility": "important",\n', ''));
    const twice = run(root);
    expect(findingsOfRule(twice, 'op-visibility')).toHaveLength(2);
    const entries = parse(baselineText(twice, undefined, DATE).text).ignore as { rule: string; pointer?: string[] }[];
    expect(entries.filter((entry) => entry.rule === 'op-visibility')).toEqual([
      { file: FABRIKAM_SWAGGER, rule: 'op-visibility', pointer: ['/paths/~1orders/post', '/paths/~1styles/get'], reason: `baseline ${DATE}` },
    ]);
  });

  it('merges into an existing config: keeps its settings, comments and live entries, drops stale entries and pointers', () => {
    const root = repository();
    const existing = [
      '# Our gate settings',
      'rules:',
      '  info-contact: warning # reviewed',
      'ignore:',
      '  # hand-written, still true',
      `  - file: ${FABRIKAM_SWAGGER}`,
      '    rule: op-visibility',
      '    pointer:',
      '      - /paths/~1styles/get',
      '      - /paths/~1gone/get',
      '    reason: GET /styles is hidden on purpose',
      `  - file: ${CONTOSO_SWAGGER}`,
      '    rule: refs',
      '    reason: fixed since',
      '',
    ].join('\n');
    const config = parseConfig(existing, CONFIG);
    // A new problem: Contoso's contact loses its email.
    const swagger = path.join(root, CONTOSO_SWAGGER);
    writeFileSync(swagger, readFileSync(swagger, 'utf8').replace('"email": "support@contoso.com"', '"email": ""'));
    const report = run(root, existing);
    expect(findingsOfRule(report, 'info-contact')).toMatchObject([{ level: 'warning', file: CONTOSO_SWAGGER }]);

    const result = baselineText(report, config, DATE);
    expect(result).toMatchObject({ kept: 1, removedEntries: 1, removedPointers: 1, findings: all(report).length });
    expect(result.text).toContain('# Our gate settings');
    expect(result.text).toContain('info-contact: warning # reviewed');
    expect(result.text).toContain('# hand-written, still true');
    const data = parse(result.text);
    expect(data.rules).toEqual({ 'info-contact': 'warning' });
    expect(data.ignore[0]).toEqual({ file: FABRIKAM_SWAGGER, rule: 'op-visibility', pointer: ['/paths/~1styles/get'], reason: 'GET /styles is hidden on purpose' });
    expect(data.ignore.some((entry: { rule: string }) => entry.rule === 'refs')).toBe(false);
    expect(data.ignore.find((entry: { rule: string }) => entry.rule === 'info-contact')).toMatchObject({ file: CONTOSO_SWAGGER, reason: `baseline ${DATE}` });

    const after = run(root, result.text);
    expect(all(after)).toEqual([]);
    expect(after.suppressions?.stale).toEqual([]);
  });

  it('keeps entries of connectors outside the checked paths', () => {
    const root = repository();
    const existing = `ignore:\n  - file: ${FABRIKAM_SWAGGER}\n    rule: refs\n    reason: elsewhere\n`;
    const report = run(root, existing, { paths: ['certified-connectors/Contoso Frames'] });
    const result = baselineText(report, parseConfig(existing, CONFIG), DATE);
    expect(result.kept).toBe(1);
    expect(parse(result.text).ignore[0]).toEqual({ file: FABRIKAM_SWAGGER, rule: 'refs', reason: 'elsewhere' });
  });

  it('escapes glob characters of file paths, so entries match exactly their file', () => {
    const root = repository();
    cpSync(path.join(root, 'certified-connectors/Fabrikam Frames'), path.join(root, 'certified-connectors/Fabrikam [beta] {x}'), { recursive: true });
    const report = run(root);
    const text = baselineText(report, undefined, DATE).text;
    expect(text).toContain('certified-connectors/Fabrikam \\[beta\\] \\{x\\}/apiDefinition.swagger.json');
    expect(all(run(root, text))).toEqual([]);
  });

  it('writes the file (creating its folder) and reads it back; the config read is --config, else the file, else the default', () => {
    const root = repository();
    const result = writeBaseline(root, 'baselines/gate.yml', run(root), undefined, DATE);
    expect(result.file).toBe('baselines/gate.yml');
    expect(existsSync(path.join(root, 'baselines/gate.yml'))).toBe(true);
    expect(baselineConfigPath(root, undefined, 'baselines/gate.yml')).toBe('baselines/gate.yml');
    expect(baselineConfigPath(root, 'other.yml', 'baselines/gate.yml')).toBe('other.yml');
    expect(baselineConfigPath(root, undefined, 'none.yml')).toBeUndefined();
    expect(() => baselineConfigPath(root, undefined, '')).toThrow('--write-baseline needs a file to write; got ""');
    expect(() => baselineConfigPath(root, undefined, 'baselines')).toThrow('--write-baseline needs a file to write; got "baselines"');
  });

  it('works on the broken example: every finding becomes an entry', () => {
    const root = repository();
    cpSync(path.join(REPO_ROOT, 'examples/broken-frames'), path.join(root, 'examples/broken-frames'), { recursive: true });
    const report = run(root, undefined, { paths: ['examples'] });
    expect(all(report).length).toBeGreaterThan(20);
    const text = baselineText(report, undefined, DATE).text;
    expect(all(run(root, text, { paths: ['examples'] }))).toEqual([]);
  });
});
