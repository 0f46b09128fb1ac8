// --fix: only the fixed ranges change, the result is still valid JSON, and the fixed findings are gone.
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../src/engine/fix.js';
import type { ConnectorResult, Finding, GateReport } from '../src/engine/types.js';
import { writeFixes } from '../src/cli/fix.js';
import { gate, json, lineOf, writeTree } from './helpers.js';
import { RUNTIMES, runCli } from './e2e/run-dist.js';

describe('applyFixes', () => {
  it('applies non-overlapping edits from the end, so earlier offsets stay valid', () => {
    const result = applyFixes('abcdef', [
      { offset: 1, length: 1, text: 'B' },
      { offset: 4, length: 0, text: '++' },
    ]);
    expect(result).toEqual({ text: 'aBcd++ef', applied: 2, skipped: 0 });
  });

  it('applies a duplicated edit once and skips an overlapping one', () => {
    const result = applyFixes('abcdef', [
      { offset: 1, length: 3, text: 'X' },
      { offset: 1, length: 3, text: 'X' },
      { offset: 2, length: 1, text: 'Y' },
    ]);
    expect(result).toEqual({ text: 'aXef', applied: 1, skipped: 1 });
  });

  it('ignores an edit outside the text', () => {
    expect(applyFixes('abc', [{ offset: 2, length: 5, text: '' }])).toEqual({ text: 'abc', applied: 0, skipped: 1 });
  });
});

const operation = (id: string) => ({
  operationId: id,
  summary: 'Get a frame',
  description: 'Gets one frame by its identifier.',
  responses: { 200: { description: 'The frame.' } },
});

describe('writeFixes', () => {
  it('never writes through a symlink that leaves the workspace', () => {
    const outside = writeTree({ 'apiProperties.json': '{"iconBrandColor": "#007ee5"}' });
    const root = writeTree({});
    symlinkSync(path.join(outside, 'apiProperties.json'), path.join(root, 'apiProperties.json'));
    const finding: Finding = {
      ruleId: 'brand-color-ip', criterion: 'metadata', level: 'error', message: 'm', connector: '.', file: 'apiProperties.json',
      line: 1, column: 20, endLine: 1, endColumn: 29, fix: { offset: 19, length: 9, text: '"#da3b01"' },
    };
    const report: GateReport = { connectors: [{ name: 'x', dir: '.', profile: 'independent-publisher', verdicts: {} as ConnectorResult['verdicts'], eligible: false, findings: [finding] }], notes: [], internalErrors: [], counts: { error: 1, warning: 0, notice: 0 } };
    expect(writeFixes(root, report)).toEqual({ files: 0, applied: 0, skipped: 0 });
    expect(readFileSync(path.join(outside, 'apiProperties.json'), 'utf8')).toBe('{"iconBrandColor": "#007ee5"}');
    // The same fix on a regular file inside the workspace is applied: the guard, not the fix, made the difference.
    const inside = writeTree({ 'apiProperties.json': '{"iconBrandColor": "#007ee5"}' });
    expect(writeFixes(inside, report)).toEqual({ files: 1, applied: 1, skipped: 0 });
    expect(readFileSync(path.join(inside, 'apiProperties.json'), 'utf8')).toBe('{"iconBrandColor": "#da3b01"}');
  });
});

describe.each(RUNTIMES)('connector-gate --fix on $name', ({ bin }) => {
  it('rewrites only the fixed ranges, keeps formatting and a BOM, and the fixed findings are gone', () => {
    const swagger = JSON.stringify(
      { swagger: '2.0', info: { title: 'Frames', version: '1.0' }, host: 'api.contoso.com', paths: { '/a': { get: operation('GetA') }, '/b': { get: operation('GetB') } } },
      null,
      4,
    );
    const properties = json({ properties: { iconBrandColor: '#007ee5', publisher: 'Jane Doe', stackOwner: 'Frames Inc' } });
    const root = writeTree({
      'independent-publisher-connectors/Frames/apiDefinition.swagger.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(swagger)]),
      'independent-publisher-connectors/Frames/apiProperties.json': properties,
    });
    const fixable = (report: ReturnType<typeof gate>) =>
      report.connectors.flatMap((c) => c.findings).filter((f) => f.fix).map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(fixable(gate(root))).toEqual([
      `op-visibility independent-publisher-connectors/Frames/apiDefinition.swagger.json:${lineOf(swagger, '"get"', 1)}`,
      `op-visibility independent-publisher-connectors/Frames/apiDefinition.swagger.json:${lineOf(swagger, '"get"', 2)}`,
      'brand-color-ip independent-publisher-connectors/Frames/apiProperties.json:3',
    ]);

    const run = runCli(bin, root, ['.', '--fix', '--fail-on', 'never']);
    expect(run.stderr).toContain('connector-gate: applied 3 fix(es) in 2 file(s)');
    expect(run.status).toBe(0);
    expect(fixable(gate(root))).toEqual([]);

    const fixedBytes = readFileSync(path.join(root, 'independent-publisher-connectors/Frames/apiDefinition.swagger.json'));
    expect([...fixedBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fixed = fixedBytes.subarray(3).toString('utf8');
    const expected = swagger.replace(/("get": \{\n)(\s+)/g, '$1$2"x-ms-visibility": "important",\n$2');
    expect(fixed).toBe(expected);
    expect(JSON.parse(fixed).paths['/a'].get['x-ms-visibility']).toBe('important');
    expect(readFileSync(path.join(root, 'independent-publisher-connectors/Frames/apiProperties.json'), 'utf8')).toBe(properties.replace('#007ee5', '#da3b01'));
  });


});
