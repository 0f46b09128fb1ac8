import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRITERIA, type ConnectorResult, type Criterion, type Finding, type GateReport, type Verdict } from '../../src/engine/types.js';
import { formatJson, jsonReportChunks, toJsonReport } from '../../src/report/json.js';
import { joinChunks, pipeChunks, writeChunks } from '../../src/report/output.js';
import { formatSarif, toSarif } from '../../src/report/sarif.js';
import { formatStylish } from '../../src/report/stylish.js';
import { inertForRunner, inertJson } from '../../src/report/text.js';
import { gate, tempDir } from '../helpers.js';

const VERDICTS = Object.fromEntries(CRITERIA.map((c) => [c, 'warn'])) as Record<Criterion, Verdict>;
const EXAMPLES = path.resolve(__dirname, '../../examples');

function finding(message: string, overrides: Partial<Finding> = {}): Finding {
  return { ruleId: 'op-description', criterion: 'completeness', level: 'warning', message, connector: 'c/A', file: 'c/A/apiDefinition.swagger.json', line: 3, column: 5, endLine: 3, endColumn: 9, pointer: '/paths', ...overrides };
}

function connector(dir: string, findings: Finding[]): ConnectorResult {
  return { name: path.basename(dir), dir, profile: 'certified', verdicts: VERDICTS, eligible: true, findings };
}

// Text that looks like the markers the streams split at, and text the runner would act on.
const TRICKY = [
  '"findings":[]',
  '"results": [',
  '"connectors":[]',
  'ends in a backslash \\',
  '##[error]spoofed',
  '::error::spoofed',
  'zero\u200bwidth and bidi \u202e and astral 😀',
  'line\nbreak',
];

const REPORTS: Record<string, GateReport> = {
  'no connectors': { connectors: [], notes: [], internalErrors: [], counts: { error: 0, warning: 0, notice: 0 } },
  'connectors without findings': { connectors: [connector('c/A', []), connector('c/B', [])], notes: [], internalErrors: [], counts: { error: 0, warning: 0, notice: 0 } },
  'tricky text everywhere': {
    connectors: [
      connector('c/"findings":[]', TRICKY.map((text) => finding(text, { pointer: `/x/${text}` }))),
      connector('c/empty', []),
      connector('c/##[x]', [finding('one', { fix: { offset: 1, length: 2, text: '"results": [' } })]),
    ],
    notes: TRICKY,
    internalErrors: ['"results": [ crashed'],
    counts: { error: 0, warning: 0, notice: 0 },
    suppressions: {
      configFile: '.github/connector-gate.yml',
      ignored: 2,
      off: 1,
      sources: [],
      stale: [{ entry: 0, ruleId: 'op-description', file: 'c/A/x.json', line: 4, column: 7, message: '"results": [] stale' }],
    },
  },
};

describe('streamed reports', () => {
  for (const [name, report] of Object.entries(REPORTS)) {
    it(`JSON chunks join to the whole report, made inert (${name})`, () => {
      expect(joinChunks(jsonReportChunks(report))).toBe(`${inertJson(JSON.stringify(toJsonReport(report)))}\n`);
    });
    it(`SARIF chunks join to the pretty-printed log, made inert (${name})`, () => {
      expect(formatSarif(report)).toBe(`${inertJson(JSON.stringify(toSarif(report), null, 2))}\n`);
    });
  }

  it('gives the same reports as whole documents on the example connectors', () => {
    const report = gate(EXAMPLES, { ownedDomains: ['contoso.com'], sla: 99.95 });
    expect(report.connectors.flatMap((c) => c.findings).length).toBeGreaterThan(20);
    expect(formatJson(report)).toBe(`${inertJson(JSON.stringify(toJsonReport(report)))}\n`);
    expect(JSON.parse(formatSarif(report))).toEqual(toSarif(report));
    expect(formatSarif(report)).toBe(`${inertJson(JSON.stringify(toSarif(report), null, 2))}\n`);
  });

  it('keeps the runner-inert stylish output line by line', () => {
    const report = REPORTS['tricky text everywhere'] as GateReport;
    const text = formatStylish(report);
    expect(text).toBe(inertForRunner(text));
    expect(text).not.toMatch(/^\s*::/m);
    expect(text).not.toContain('##[');
  });
});

describe('writing chunks', () => {
  it('hands the sink batches of about a megabyte that join to the whole', () => {
    const chunks = Array.from({ length: 5000 }, (_, i) => `${i}:${'é'.repeat(500)}\n`);
    const batches: string[] = [];
    pipeChunks(chunks, (text) => batches.push(text));
    expect(batches.join('')).toBe(chunks.join(''));
    expect(batches.length).toBe(3);
    for (const batch of batches.slice(0, -1)) expect(batch.length).toBeGreaterThanOrEqual(1 << 20);
  });

  it('writes UTF-8 to a new file in a new folder, replacing an older, longer one', () => {
    const file = path.join(tempDir(), 'deep', 'er', 'report.json');
    writeChunks(file, ['x'.repeat(3 << 20)]);
    const chunks = Array.from({ length: 3000 }, (_, i) => `${i} ✓ 😀 ${'a'.repeat(700)}\n`);
    writeChunks(file, chunks);
    expect(readFileSync(file, 'utf8')).toBe(chunks.join(''));
  });

  it('writes an empty file for no chunks', () => {
    const file = path.join(tempDir(), 'empty.txt');
    writeChunks(file, []);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
