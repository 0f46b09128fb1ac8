import { describe, expect, it } from 'vitest';
import type { Finding, Level } from '../../src/engine/types.js';
import { annotationOverflowMessage, planAnnotations } from '../../src/report/annotations.js';

function findings(counts: Partial<Record<Level, number>>): Finding[] {
  const out: Finding[] = [];
  for (const level of ['error', 'warning', 'notice'] as const) {
    for (let i = 0; i < (counts[level] ?? 0); i++) {
      out.push({ ruleId: 'r', criterion: 'definition', level, message: `${level} ${i}`, connector: 'c', file: 'c/f.json', line: i + 1, column: 1, endLine: i + 1, endColumn: 2 });
    }
  }
  return out;
}

const byLevel = (list: Finding[]): Record<Level, number> => ({
  error: list.filter((f) => f.level === 'error').length,
  warning: list.filter((f) => f.level === 'warning').length,
  notice: list.filter((f) => f.level === 'notice').length,
});

describe('planAnnotations', () => {
  it('keeps 10 errors, 10 warnings and the notices under the limits, with a slot free for the overflow notice', () => {
    const all = findings({ error: 30, warning: 30, notice: 5 });
    const plan = planAnnotations(all);
    expect(byLevel(plan.annotations)).toEqual({ error: 10, warning: 10, notice: 5 });
    expect(plan.annotations.length).toBeLessThanOrEqual(49);
    expect(plan.omitted).toBe(40);
    expect(plan.annotations.length + plan.omitted).toBe(all.length);
    // Errors first, then warnings, then notices, each in input order.
    expect(plan.annotations.map((f) => f.message)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `error ${i}`),
      ...Array.from({ length: 10 }, (_, i) => `warning ${i}`),
      ...Array.from({ length: 5 }, (_, i) => `notice ${i}`),
    ]);
  });

  it('spreads the slots of a level across rules, in registry order, so ten slots show as many different problems as possible', () => {
    const title = findings({ error: 12 }).map((f) => ({ ...f, ruleId: 'info-title-length' }));
    const duplicate = { ...(findings({ error: 1 })[0] as Finding), ruleId: 'pkg-json-strict', line: 99, message: 'duplicate key' };
    const plan = planAnnotations([...title, duplicate]);
    expect(plan.annotations.map((f) => f.ruleId)).toEqual(['pkg-json-strict', ...Array(9).fill('info-title-length')]);
    expect(plan.omitted).toBe(3);
  });

  it('keeps reserved error slots free for the failure message sent after the findings', () => {
    const plan = planAnnotations(findings({ error: 30, warning: 30 }), { perLevel: 10, perJob: 50, reservedErrors: 1 });
    expect(byLevel(plan.annotations)).toEqual({ error: 9, warning: 10, notice: 0 });
    expect(plan.omitted).toBe(41);
  });

  it('keeps one notice slot free only when something is left out', () => {
    const overflow = planAnnotations(findings({ error: 11, notice: 10 }));
    expect(byLevel(overflow.annotations)).toEqual({ error: 10, warning: 0, notice: 9 });
    expect(overflow.omitted).toBe(2);

    const exact = planAnnotations(findings({ error: 10, warning: 10, notice: 10 }));
    expect(byLevel(exact.annotations)).toEqual({ error: 10, warning: 10, notice: 10 });
    expect(exact.omitted).toBe(0);
  });

  it('sends everything when there are few findings', () => {
    const all = findings({ error: 2, warning: 3, notice: 1 });
    expect(planAnnotations(all)).toEqual({ annotations: all, omitted: 0 });
    expect(planAnnotations([])).toEqual({ annotations: [], omitted: 0 });
  });

  it('sorts by severity when the input is not sorted', () => {
    const all = findings({ error: 12, warning: 1 }).reverse();
    const plan = planAnnotations(all);
    expect(plan.annotations[0]!.level).toBe('error');
    expect(plan.annotations.at(-1)!.level).toBe('warning');
    expect(byLevel(plan.annotations)).toEqual({ error: 10, warning: 1, notice: 0 });
    expect(plan.omitted).toBe(2);
  });

  it('never exceeds the per-job limit and keeps a job slot free', () => {
    const plan = planAnnotations(findings({ error: 30, warning: 30, notice: 30 }), { perLevel: 10, perJob: 15 });
    expect(byLevel(plan.annotations)).toEqual({ error: 10, warning: 4, notice: 0 });
    expect(plan.omitted).toBe(76);

    const fits = planAnnotations(findings({ error: 5, warning: 5, notice: 5 }), { perLevel: 10, perJob: 15 });
    expect(fits.omitted).toBe(0);

    for (const perJob of [0, 1, 2, 49, 50]) {
      for (const perLevel of [0, 1, 10, 100]) {
        const p = planAnnotations(findings({ error: 60, warning: 60, notice: 60 }), { perLevel, perJob });
        const n = byLevel(p.annotations);
        expect(p.annotations.length).toBeLessThanOrEqual(Math.max(0, perJob - 1));
        expect(Math.max(n.error, n.warning)).toBeLessThanOrEqual(perLevel);
        expect(n.notice).toBeLessThanOrEqual(Math.max(0, perLevel - 1));
        expect(p.omitted).toBe(180 - p.annotations.length);
      }
    }
  });

  it('words the overflow notice', () => {
    expect(annotationOverflowMessage(1)).toMatch(/^1 more finding not shown as annotations/);
    expect(annotationOverflowMessage(40)).toMatch(/^40 more findings not shown/);
  });
});
