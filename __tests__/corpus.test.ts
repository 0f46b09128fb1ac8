// The real corpus (130 merged connectors): the gate never crashes, is deterministic, and flags every
// file that strict JSON parsers reject exactly where they break. Lines come from corpus/README.md;
// columns were read from the files (and match Python's json module).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../src/engine/types.js';
import { CORPUS, gate } from './helpers.js';

const BROKEN: { file: string; line: number; column: number; why: string }[] = [
  { file: 'certified-connectors/CognitiveServicesTextAnalytics/apiDefinition.swagger.json', line: 276, column: 6, why: 'unexpected content after the end' },
  { file: 'certified-connectors/DocuMotor/apiDefinition.swagger.json', line: 48, column: 11, why: 'trailing comma' },
  { file: 'certified-connectors/IN-D Invoice Data Capture/apiDefinition.swagger.json', line: 51, column: 13, why: "',' expected" },
  { file: 'certified-connectors/Plumsail Documents/apiDefinition.swagger.json', line: 1300, column: 11, why: 'trailing comma' },
  { file: 'certified-connectors/Easyvista_Service._Manager/apiDefinition.swagger.json', line: 3819, column: 47, why: 'control character' },
  { file: 'certified-connectors/Shopranos/apiProperties.json', line: 22, column: 4, why: "'}' expected" },
];

let first: GateReport | undefined;
function corpusReport(): GateReport {
  first ??= gate(CORPUS);
  return first;
}

describe('corpus', () => {
  it('checks all 130 packages without internal errors', () => {
    const report = corpusReport();
    expect(report.connectors).toHaveLength(130);
    expect(report.internalErrors).toEqual([]);
  });

  it('gives identical output twice', () => {
    const again = gate(CORPUS);
    expect(JSON.stringify(again)).toBe(JSON.stringify(corpusReport()));
  });

  it('flags every non-strict JSON file where it breaks, and no other file', () => {
    const strict = corpusReport()
      .connectors.flatMap((c) => c.findings)
      .filter((f) => f.ruleId === 'pkg-json-strict');
    const firstPerFile = new Map<string, (typeof strict)[number]>();
    for (const finding of strict) if (!firstPerFile.has(finding.file)) firstPerFile.set(finding.file, finding);
    expect([...firstPerFile.keys()].sort()).toEqual(BROKEN.map((b) => b.file).sort());
    for (const broken of BROKEN) {
      const finding = firstPerFile.get(broken.file);
      expect({ file: finding?.file, line: finding?.line, column: finding?.column, level: finding?.level }).toEqual({
        file: broken.file,
        line: broken.line,
        column: broken.column,
        level: 'error',
      });
    }
  });

  it('puts the control-character finding on the tab itself', () => {
    const broken = BROKEN.find((b) => b.why === 'control character') as (typeof BROKEN)[number];
    const line = readFileSync(path.join(CORPUS, broken.file), 'utf8').split(/\r?\n/)[broken.line - 1] as string;
    expect(line.charCodeAt(broken.column - 1)).toBe(9);
  });

  it('accepts every strict-JSON apiProperties.json against the apiProperties schema', () => {
    const findings = corpusReport()
      .connectors.flatMap((c) => c.findings)
      .filter((f) => f.ruleId === 'apiprops-schema');
    expect(findings).toEqual([]);
  });
});
