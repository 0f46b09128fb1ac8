// The job summary's "Breaking changes" section: per connector, after its other findings, and
// counted in the byte budget.
import { describe, expect, it } from 'vitest';
import { CRITERIA, type ConnectorResult, type Criterion, type Finding, type GateReport, type Verdict } from '../../src/engine/types.js';
import { formatMarkdown } from '../../src/report/markdown.js';

const VERDICTS = Object.fromEntries(CRITERIA.map((c) => [c, 'pass'])) as Record<Criterion, Verdict>;
const HEAD = '**Breaking changes** (compared with the base revision):';

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'info-title-length',
    criterion: 'metadata',
    level: 'warning',
    message: 'the title is long',
    connector: 'c/A',
    file: 'c/A/apiDefinition.swagger.json',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 9,
    ...overrides,
  };
}

function connector(name: string, findings: Finding[]): ConnectorResult {
  return { name, dir: `c/${name}`, profile: 'certified', verdicts: { ...VERDICTS, compatibility: 'fail' }, eligible: false, findings };
}

function report(connectors: ConnectorResult[]): GateReport {
  return { connectors, notes: [], internalErrors: [], counts: { error: 1, warning: 1, notice: 0 } };
}

const removed = finding({ ruleId: 'breaking-operation-removed', criterion: 'compatibility', level: 'error', message: "operation 'GetFrame' (line 38 in the base) was deleted", line: 30 });

describe('Breaking changes section', () => {
  it('lists the compatibility findings of each connector under their own heading, after the others', () => {
    const out = formatMarkdown(report([connector('A', [removed, finding({})]), connector('B', [finding({ connector: 'c/B' })])]));
    const a = out.slice(out.indexOf('c/A, certified'), out.indexOf('</details>'));
    expect(a.indexOf('info-title-length')).toBeGreaterThan(0);
    expect(a.indexOf(HEAD)).toBeGreaterThan(a.indexOf('info-title-length'));
    expect(a.indexOf('breaking-operation-removed')).toBeGreaterThan(a.indexOf(HEAD));
    expect(a).toContain('operation &#39;GetFrame&#39; \\(line 38 in the base\\) was deleted');
    // B has no breaking change: no heading.
    expect(out.split(HEAD)).toHaveLength(2);
    expect(out).toContain('| Compatibility |');
  });

  it('stays in the byte budget, and shows the heading only above findings that fit', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...removed, line: i + 1, message: `operation 'Op${i}' (line ${i} in the base) was deleted ${'x'.repeat(200)}` }));
    for (const maxBytes of [1_500, 3_000, 5_000, 20_000, 50_000]) {
      const out = formatMarkdown(report([connector('A', many)]), { maxBytes });
      expect(Buffer.byteLength(out)).toBeLessThanOrEqual(maxBytes);
      expect(out.trimEnd().endsWith('(`--format sarif`).')).toBe(true);
      const shown = out.split('[breaking-operation-removed]').length - 1;
      expect(out.includes(HEAD), String(maxBytes)).toBe(shown > 0);
      if (maxBytes >= 5_000) expect(shown).toBeGreaterThan(0);
      else if (maxBytes === 1_500) expect(shown).toBe(0);
    }
  });
});
