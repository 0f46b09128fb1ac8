import { it } from 'vitest';
import { gate, CORPUS } from './helpers.js';
it('corpus smoke', () => {
  const t = Date.now();
  const r = gate(CORPUS);
  const byRule = new Map<string, number>();
  for (const c of r.connectors) for (const f of c.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  console.log(Date.now() - t, 'ms', r.connectors.length, r.counts, [...byRule], r.internalErrors, r.notes);
  for (const c of r.connectors) for (const f of c.findings) if (f.ruleId !== 'pkg-required-files') console.log(`${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
});
