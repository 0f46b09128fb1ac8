import { describe, expect, it } from 'vitest';
import { CRITERIA, type ConnectorResult, type Criterion, type Finding, type GateReport, type Rule, type Verdict } from '../../src/engine/types.js';
import { RULES } from '../../src/rules/index.js';
import { levels } from '../../src/rules/define.js';
import { ruleDocUrl, TOOL_VERSION } from '../../src/report/links.js';
import { fingerprint, formatSarif, pathToUri, type SarifLog } from '../../src/report/sarif.js';
import { gate, json, lineOf, writeTree } from '../helpers.js';

const FILE = 'certified-connectors/Contoso Frames/apiDefinition.swagger.json';
const VERDICTS = Object.fromEntries(CRITERIA.map((c) => [c, 'pass'])) as Record<Criterion, Verdict>;

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'r-error',
    criterion: 'definition',
    level: 'error',
    message: 'the "swagger" property is missing',
    connector: 'certified-connectors/Contoso Frames',
    file: FILE,
    line: 4,
    column: 14,
    endLine: 4,
    endColumn: 19,
    pointer: '/swagger',
    ...overrides,
  };
}

function report(findings: Finding[], extra: Partial<GateReport> = {}): GateReport {
  const connector: ConnectorResult = {
    name: 'Contoso Frames',
    dir: 'certified-connectors/Contoso Frames',
    profile: 'certified',
    verdicts: VERDICTS,
    eligible: false,
    findings,
  };
  return { connectors: [connector], notes: [], internalErrors: [], counts: { error: 0, warning: 0, notice: 0 }, ...extra };
}

const rule = (id: string, criterion: Criterion, level: Rule['meta']['level'], description = `${id} checks`): Rule => ({
  meta: { id, criterion, description, level },
  check: () => undefined,
});
const TEST_RULES: Rule[] = [
  rule('r-error', 'definition', levels('error', 'error', 'warning')),
  rule('r-warning', 'metadata', levels('warning', 'warning', 'off')),
  rule('r-notice', 'ownership', levels('notice', 'notice', 'notice')),
  rule('r-custom-only', 'icon', levels('off', 'off', 'error')),
  rule('r-off', 'support', levels('off', 'off', 'off')),
];

/** The essentials of SARIF 2.1.0 that GitHub code scanning needs (no network: the schema is not fetched). */
function assertSarifEssentials(log: SarifLog): void {
  expect(log.$schema).toMatch(/^https:\/\/.*sarif-schema-2\.1\.0\.json$/);
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [run] = log.runs;
  if (!run) throw new Error('no run');
  const { driver } = run.tool;
  expect(typeof driver.name).toBe('string');
  expect(driver.informationUri).toMatch(/^https:\/\//);
  const ids = new Set<string>();
  for (const r of driver.rules) {
    expect(r.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(ids.has(r.id)).toBe(false);
    ids.add(r.id);
    expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    expect(r.shortDescription.text.length).toBeGreaterThan(0);
    expect(r.helpUri).toBe(ruleDocUrl(r.id));
    expect(['error', 'warning', 'note', 'none']).toContain(r.defaultConfiguration.level);
    expect(CRITERIA).toContain(r.properties.criterion);
  }
  for (const result of run.results) {
    expect(typeof result.ruleId).toBe('string');
    if (result.ruleIndex !== undefined) expect(driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(['error', 'warning', 'note']).toContain(result.level);
    expect(typeof result.message.text).toBe('string');
    expect(result.locations).toHaveLength(1);
    const { artifactLocation, region } = result.locations[0]!.physicalLocation;
    // A URI reference: nothing that needs percent-encoding is left raw.
    expect(artifactLocation.uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
    expect(() => new URL(artifactLocation.uri, 'file:///root/')).not.toThrow();
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
      expect(Number.isInteger(region[key]) && region[key] >= 1).toBe(true);
    }
    expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
    if (region.endLine === region.startLine) expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn);
    const prints = Object.values(result.partialFingerprints);
    expect(prints.length).toBeGreaterThan(0);
    for (const print of prints) expect(print).toMatch(/^[0-9a-f]{64}$/);
  }
}

describe('formatSarif', () => {
  it('writes a SARIF 2.1.0 log with every rule and one result per finding', () => {
    const text = formatSarif(
      report([
        finding(),
        finding({ ruleId: 'r-warning', criterion: 'metadata', level: 'warning', line: 7, column: 3, endLine: 9, endColumn: 4, pointer: '/info' }),
        finding({ ruleId: 'r-notice', criterion: 'ownership', level: 'notice', line: 1, column: 1, endLine: 1, endColumn: 1, unverified: true, pointer: undefined }),
      ]),
      TEST_RULES,
    );
    const log = JSON.parse(text) as SarifLog;
    assertSarifEssentials(log);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'connector-gate', version: TOOL_VERSION, informationUri: 'https://github.com/connector-gate/connector-gate' });
    // Every rule, not only those that fired, in registry order.
    expect(run.tool.driver.rules).toEqual([
      {
        id: 'r-error',
        name: 'RError',
        shortDescription: { text: 'r-error checks' },
        helpUri: 'https://github.com/connector-gate/connector-gate/blob/main/docs/rules/r-error.md',
        defaultConfiguration: { level: 'error' },
        properties: { criterion: 'definition' },
      },
      expect.objectContaining({ id: 'r-warning', defaultConfiguration: { level: 'warning' }, properties: { criterion: 'metadata' } }),
      expect.objectContaining({ id: 'r-notice', defaultConfiguration: { level: 'note' }, properties: { criterion: 'ownership' } }),
      expect.objectContaining({ id: 'r-custom-only', defaultConfiguration: { level: 'error' } }),
      expect.objectContaining({ id: 'r-off', defaultConfiguration: { level: 'none' } }),
    ]);
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['r-error', 0, 'error'],
      ['r-warning', 1, 'warning'],
      ['r-notice', 2, 'note'],
    ]);
    expect(run.results[0]).toMatchObject({
      message: { text: 'the "swagger" property is missing' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'certified-connectors/Contoso%20Frames/apiDefinition.swagger.json' },
            region: { startLine: 4, startColumn: 14, endLine: 4, endColumn: 19 },
          },
        },
      ],
    });
    expect(run.results[1]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 7, startColumn: 3, endLine: 9, endColumn: 4 });
  });

  it('lists the real registry with doc links', () => {
    const log = JSON.parse(formatSarif(report([]))) as SarifLog;
    assertSarifEssentials(log);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    expect(log.runs[0]!.tool.driver.rules.length).toBeGreaterThan(0);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('omits ruleIndex for a rule outside the list', () => {
    const log = JSON.parse(formatSarif(report([finding({ ruleId: 'unknown-rule' })]), TEST_RULES)) as SarifLog;
    assertSarifEssentials(log);
    expect(log.runs[0]!.results[0]!.ruleId).toBe('unknown-rule');
    expect(log.runs[0]!.results[0]).not.toHaveProperty('ruleIndex');
  });

  it('percent-encodes paths as URI references', () => {
    expect(pathToUri(FILE)).toBe('certified-connectors/Contoso%20Frames/apiDefinition.swagger.json');
    expect(pathToUri('a:b/100% #1?/é.json')).toBe('a%3Ab/100%25%20%231%3F/%C3%A9.json');
    expect(pathToUri('x/(it)*!/\'q\'')).toBe('x/%28it%29%2A%21/%27q%27');
    expect(pathToUri('/tmp/out side/a.json')).toBe('file:///tmp/out%20side/a.json');
    expect(pathToUri('C:/Users/a b/c.json')).toBe('file:///C:/Users/a%20b/c.json');
    expect(pathToUri('bad\uD800name')).toBe('bad%EF%BF%BDname');
  });

  it('keeps fingerprints when only the position changes, and changes them with the rule, file, pointer or message', () => {
    const base = finding();
    const moved = finding({ line: 40, column: 2, endLine: 41, endColumn: 7 });
    expect(fingerprint(moved)).toBe(fingerprint(base));
    expect(fingerprint(finding({ ruleId: 'other' }))).not.toBe(fingerprint(base));
    expect(fingerprint(finding({ file: 'x.json' }))).not.toBe(fingerprint(base));
    expect(fingerprint(finding({ pointer: '/info' }))).not.toBe(fingerprint(base));
    expect(fingerprint(finding({ message: 'other' }))).not.toBe(fingerprint(base));
    // Field boundaries matter: moving text between fields is another finding.
    expect(fingerprint(finding({ ruleId: 'ab', file: 'c' }))).not.toBe(fingerprint(finding({ ruleId: 'a', file: 'bc' })));

    const one = JSON.parse(formatSarif(report([base]), TEST_RULES)) as SarifLog;
    const two = JSON.parse(formatSarif(report([moved]), TEST_RULES)) as SarifLog;
    expect(one.runs[0]!.results[0]!.partialFingerprints).toEqual(two.runs[0]!.results[0]!.partialFingerprints);
    expect(one.runs[0]!.results[0]!.locations).not.toEqual(two.runs[0]!.results[0]!.locations);
  });

  it('reports internal errors as an unsuccessful invocation', () => {
    const log = JSON.parse(formatSarif(report([], { internalErrors: ['rule x crashed'], notes: ['skipped'] }), TEST_RULES)) as SarifLog;
    expect(log.runs[0]!.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: 'error', message: { text: 'rule x crashed' } },
          { level: 'note', message: { text: 'skipped' } },
        ],
      },
    ]);
    const ok = JSON.parse(formatSarif(report([]), TEST_RULES)) as SarifLog;
    expect(ok.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('renders a report from the real engine', () => {
    const swagger = json({ swagger: '3.0', info: { title: 'Frames', version: '1.0' }, paths: {} });
    const root = writeTree({
      'certified-connectors/Contoso Frames/apiDefinition.swagger.json': swagger,
      'certified-connectors/Contoso Frames/apiProperties.json': json({ properties: {} }),
    });
    const gateReport = gate(root);
    const log = JSON.parse(formatSarif(gateReport)) as SarifLog;
    assertSarifEssentials(log);
    const results = log.runs[0]!.results;
    expect(results).toHaveLength(gateReport.connectors[0]!.findings.length);
    const version = results.find((r) => r.ruleId === 'swagger-version');
    expect(version).toMatchObject({
      level: 'error',
      ruleIndex: RULES.findIndex((r) => r.meta.id === 'swagger-version'),
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'certified-connectors/Contoso%20Frames/apiDefinition.swagger.json' },
            region: { startLine: lineOf(swagger, '"swagger"'), startColumn: 14, endLine: lineOf(swagger, '"swagger"'), endColumn: 19 },
          },
        },
      ],
    });
    // Every engine finding belongs to a listed rule.
    for (const result of results) expect(result.ruleIndex).toBeTypeOf('number');
  });
});
