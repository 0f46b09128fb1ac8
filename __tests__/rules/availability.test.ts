import { describe, expect, it } from 'vitest';
import { findingsOf, gate, json, writeTree } from '../helpers.js';

const SWAGGER = 'apiDefinition.swagger.json';

function pkg(folder = 'certified-connectors/Contoso'): Record<string, string> {
  return {
    [`${folder}/${SWAGGER}`]: json({ swagger: '2.0', info: { title: 'Contoso Frames', version: '1.0' }, host: 'api.contoso.com', paths: {} }),
    [`${folder}/apiProperties.json`]: json({ properties: { connectionParameters: {} } }),
  };
}

describe('biz-availability', () => {
  it('without a declared SLA reports one unverified notice on line 1, saying how to declare it', () => {
    const findings = findingsOf('biz-availability', pkg());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'biz-availability',
      level: 'notice',
      unverified: true,
      file: `certified-connectors/Contoso/${SWAGGER}`,
      line: 1,
      column: 1,
    });
    expect(findings[0]?.message).toContain('`sla: 99.95`');
    expect(findings[0]?.message).toContain('`--sla 99.95`');
    expect(gate(writeTree(pkg())).connectors[0]?.verdicts.availability).toBe('unverified');
  });

  it('warns about an SLA below 99.9%, naming the value', () => {
    const findings = findingsOf('biz-availability', pkg(), { sla: 99.5 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'warning', file: `certified-connectors/Contoso/${SWAGGER}`, line: 1, column: 1 });
    expect(findings[0]?.unverified).toBeUndefined();
    expect(findings[0]?.message).toContain('99.5%');
    expect(gate(writeTree(pkg()), { sla: 99.5 }).connectors[0]?.verdicts.availability).toBe('warn');
  });

  it('passes 99.95% and the 99.9% boundary', () => {
    expect(findingsOf('biz-availability', pkg(), { sla: 99.95 })).toEqual([]);
    expect(findingsOf('biz-availability', pkg(), { sla: 99.9 })).toEqual([]);
    expect(gate(writeTree(pkg()), { sla: 99.95 }).connectors[0]?.verdicts.availability).toBe('pass');
  });

  it('is off for independent publishers and custom connectors', () => {
    for (const folder of ['independent-publisher-connectors/Contoso', 'custom-connectors/Contoso']) {
      expect(findingsOf('biz-availability', pkg(folder))).toEqual([]);
      expect(findingsOf('biz-availability', pkg(folder), { sla: 99.5 })).toEqual([]);
      expect(gate(writeTree(pkg(folder))).connectors[0]?.verdicts.availability).toBe('n/a');
    }
  });
});
