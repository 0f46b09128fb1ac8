import { describe, expect, it } from 'vitest';
import type { ConnectorResult, Criterion, Finding, GateReport, Verdict } from '../../src/engine/types.js';
import { formatStylish } from '../../src/report/stylish.js';

const FILE = 'certified-connectors/Contoso Frames/apiDefinition.swagger.json';
const PASS = Object.fromEntries(
  ['definition', 'ownership', 'authentication', 'support', 'availability', 'completeness', 'icon', 'metadata'].map((c) => [c, 'pass']),
) as Record<Criterion, Verdict>;

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'swagger-version',
    criterion: 'definition',
    level: 'error',
    message: 'the "swagger": "2.0" property is missing',
    connector: 'certified-connectors/Contoso Frames',
    file: FILE,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    ...overrides,
  };
}

function connector(findings: Finding[], overrides: Partial<ConnectorResult> = {}): ConnectorResult {
  return {
    name: 'Contoso Frames',
    dir: 'certified-connectors/Contoso Frames',
    profile: 'certified',
    verdicts: PASS,
    eligible: !findings.some((f) => f.level === 'error'),
    findings,
    ...overrides,
  };
}

function report(connectors: ConnectorResult[], extra: Partial<GateReport> = {}): GateReport {
  return { connectors, notes: [], internalErrors: [], counts: { error: 0, warning: 0, notice: 0 }, ...extra };
}

describe('formatStylish', () => {
  it('prints a header per connector, one clickable line per finding and the totals', () => {
    const out = formatStylish(
      report([
        connector([
          finding({ line: 3, column: 14 }),
          finding({ level: 'warning', ruleId: 'info-title-length', message: 'too long', line: 7, column: 5 }),
          finding({ level: 'notice', ruleId: 'ownership-domain', message: 'not verified', line: 9, column: 1, unverified: true }),
        ]),
        connector([finding({ level: 'error', file: 'custom-connectors/B/apiProperties.json', ruleId: 'pkg-json-strict', message: 'x' }),
          finding({ level: 'error', file: 'custom-connectors/B/apiProperties.json', ruleId: 'pkg-json-strict', message: 'y', line: 2 }),
          finding({ level: 'warning', file: 'custom-connectors/B/apiProperties.json', ruleId: 'pkg-json-strict', message: 'z', line: 4 })], {
          name: 'B',
          dir: 'custom-connectors/B',
          profile: 'custom',
        }),
        connector([], { name: 'Clean', dir: 'custom-connectors/Clean', profile: 'custom' }),
      ]),
    );
    expect(out).toBe(
      [
        'certified-connectors/Contoso Frames  certified  ✖ not eligible',
        `  ${FILE}:3:14  error    the "swagger": "2.0" property is missing  swagger-version`,
        `  ${FILE}:7:5  warning  too long  info-title-length`,
        `  ${FILE}:9:1  notice   not verified  ownership-domain`,
        '',
        'custom-connectors/B  custom  ✖ not eligible',
        '  custom-connectors/B/apiProperties.json:1:1  error    x  pkg-json-strict',
        '  custom-connectors/B/apiProperties.json:2:1  error    y  pkg-json-strict',
        '  custom-connectors/B/apiProperties.json:4:1  warning  z  pkg-json-strict',
        '',
        'custom-connectors/Clean  custom  ✔ eligible',
        '',
        '✖ 3 errors, 2 warnings, 1 notice in 3 connectors',
        '',
      ].join('\n'),
    );
  });

  it('says ✔ when nothing is at error level, with singular words for one', () => {
    const out = formatStylish(report([connector([finding({ level: 'warning' })])]));
    expect(out.trimEnd().split('\n').pop()).toBe('✔ 0 errors, 1 warning, 0 notices in 1 connector');
    expect(out).toContain('✔ eligible');
  });

  it('counts from the findings, not from report.counts', () => {
    const out = formatStylish(report([connector([finding()])], { counts: { error: 99, warning: 0, notice: 0 } }));
    expect(out).toContain('✖ 1 error, 0 warnings, 0 notices in 1 connector');
  });

  it('flattens newlines and strips terminal escapes and bidi controls from file text', () => {
    const out = formatStylish(
      report([
        connector([finding({ message: 'line one\nline two\r\nthree\u2028four\ttab \u001b[31mred\u001b]8;;http://x\u0007 \u202Eevil' })], {
          dir: 'a\nb\u001b[2J',
        }),
      ]),
    );
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202E');
    expect(out).not.toContain('\r');
    expect(out).toContain('line one line two three four tab \uFFFD[31mred\uFFFD]8;;http://x\uFFFD \uFFFDevil  swagger-version');
    expect(out.split('\n')[0]).toBe('a b\uFFFD[2J  certified  ✖ not eligible');
    // Exactly header, finding, blank, totals, final newline.
    expect(out.split('\n')).toHaveLength(5);
  });

  it('shortens huge messages', () => {
    const out = formatStylish(report([connector([finding({ message: 'x'.repeat(100_000) })])]));
    expect(out.length).toBeLessThan(3000);
    expect(out).toContain(`${'x'.repeat(1999)}…  swagger-version`);
  });

  it('colours only when asked', () => {
    const plain = formatStylish(report([connector([finding()])]));
    const colored = formatStylish(report([connector([finding()])]), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(colored).toContain('\u001b[31merror  \u001b[0m');
    // eslint-disable-next-line no-control-regex
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('lists notes and internal errors before the totals, and fails on internal errors', () => {
    const out = formatStylish(report([], { notes: ['x: skipped'], internalErrors: ['rule r crashed on y: boom\nstack'] }));
    expect(out).toBe(['note: x: skipped', 'internal error: rule r crashed on y: boom stack', '', '✖ 0 errors, 0 warnings, 0 notices in 0 connectors', ''].join('\n'));
  });
});
