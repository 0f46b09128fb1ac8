import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { CRITERIA, type ConnectorResult, type Criterion, type Finding, type GateReport, type Verdict } from '../../src/engine/types.js';
import { formatJson } from '../../src/report/json.js';
import { TOOL_NAME, TOOL_VERSION } from '../../src/report/links.js';
import { gate, json, lineOf, writeTree } from '../helpers.js';

const VERDICTS = Object.fromEntries(CRITERIA.map((c) => [c, 'pass'])) as Record<Criterion, Verdict>;

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'swagger-version',
    criterion: 'definition',
    level: 'error',
    message: 'm',
    connector: 'c/A',
    file: 'c/A/apiDefinition.swagger.json',
    line: 2,
    column: 3,
    endLine: 2,
    endColumn: 8,
    ...overrides,
  };
}

function connector(findings: Finding[], overrides: Partial<ConnectorResult> = {}): ConnectorResult {
  return { name: 'A', dir: 'c/A', profile: 'certified', verdicts: VERDICTS, eligible: !findings.some((f) => f.level === 'error'), findings, ...overrides };
}

describe('formatJson', () => {
  it('has the documented shape, with fields in a fixed order', () => {
    const report: GateReport = {
      connectors: [
        connector([
          // Built in a scrambled key order, with an extra field that is not part of the contract.
          { endColumn: 8, endLine: 2, column: 3, line: 2, file: 'c/A/x.json', connector: 'c/A', message: 'a|b\n<script>', level: 'error', criterion: 'definition', ruleId: 'r1', pointer: '/info', extra: 1 } as Finding,
          finding({ level: 'notice', unverified: true, fix: { offset: 1, length: 2, text: 'x' } }),
        ]),
        connector([], { name: 'B', dir: 'c/B', profile: 'custom' }),
      ],
      notes: ['n'],
      internalErrors: ['e'],
      counts: { error: 0, warning: 0, notice: 0 },
    };
    const text = formatJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(parsed).toEqual({
      tool: { name: 'connector-gate', version: pkg.version },
      summary: { connectors: 2, eligible: 1, errors: 1, warnings: 0, notices: 1, suppressed: 0 },
      connectors: [
        {
          name: 'A',
          dir: 'c/A',
          profile: 'certified',
          eligible: false,
          verdicts: VERDICTS,
          findings: [
            { ruleId: 'r1', criterion: 'definition', level: 'error', message: 'a|b\n<script>', file: 'c/A/x.json', line: 2, column: 3, endLine: 2, endColumn: 8, pointer: '/info' },
            { ruleId: 'swagger-version', criterion: 'definition', level: 'notice', message: 'm', file: 'c/A/apiDefinition.swagger.json', line: 2, column: 3, endLine: 2, endColumn: 8, unverified: true, fix: { offset: 1, length: 2, text: 'x' } },
          ],
        },
        { name: 'B', dir: 'c/B', profile: 'custom', eligible: true, verdicts: VERDICTS, findings: [] },
      ],
      notes: ['n'],
      internalErrors: ['e'],
    });
    expect(Object.keys(parsed)).toEqual(['tool', 'summary', 'connectors', 'notes', 'internalErrors']);
    expect(Object.keys(parsed.connectors[0])).toEqual(['name', 'dir', 'profile', 'eligible', 'verdicts', 'findings']);
    expect(Object.keys(parsed.connectors[0].findings[0])).toEqual(['ruleId', 'criterion', 'level', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'pointer']);
    expect(Object.keys(parsed.connectors[0].verdicts)).toEqual([...CRITERIA]);
  });

  it('reads the tool version from package.json', () => {
    expect(TOOL_NAME).toBe('connector-gate');
    expect(TOOL_VERSION).toBe(pkg.version);
    expect(TOOL_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('renders a report from the real engine', () => {
    const swagger = json({ swagger: '3.0', info: { title: 'Frames', version: '1.0' }, paths: {} });
    const root = writeTree({
      'certified-connectors/Contoso Frames/apiDefinition.swagger.json': swagger,
      'certified-connectors/Contoso Frames/apiProperties.json': json({ properties: {} }),
    });
    const parsed = JSON.parse(formatJson(gate(root)));
    expect(parsed.connectors).toHaveLength(1);
    const [only] = parsed.connectors;
    expect(only).toMatchObject({ name: 'Contoso Frames', dir: 'certified-connectors/Contoso Frames', profile: 'certified', eligible: false });
    expect(only.verdicts.definition).toBe('fail');
    expect(only.findings).toContainEqual({
      ruleId: 'swagger-version',
      criterion: 'definition',
      level: 'error',
      message: expect.stringContaining('"swagger"'),
      file: 'certified-connectors/Contoso Frames/apiDefinition.swagger.json',
      line: lineOf(swagger, '"swagger"'),
      column: 14,
      endLine: lineOf(swagger, '"swagger"'),
      endColumn: 19,
      pointer: '/swagger',
    });
    expect(parsed.summary.errors).toBe(only.findings.filter((f: Finding) => f.level === 'error').length);
  });
});
