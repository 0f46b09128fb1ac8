// A connector's verdict per criterion: the worst of its findings (error → fail, warning → warn,
// unverified notice → unverified), pass without any, n/a when no rule of the criterion runs.
import { describe, expect, it } from 'vitest';
import { checkConnector } from '../../src/engine/run.js';
import { LineMap } from '../../src/engine/json/document.js';
import { levels } from '../../src/rules/define.js';
import type { TextFile } from '../../src/engine/files.js';
import type { ConnectorPackage, Criterion, Problem, Rule, RuleLevel } from '../../src/engine/types.js';

const readme: TextFile = { kind: 'text', path: 'c/readme.md', absPath: '/c/readme.md', text: 'x', lines: new LineMap('x') };
const connector: ConnectorPackage = { name: 'c', dir: 'c', absDir: '/c', profile: 'certified', files: { readme } };

/** A rule of `criterion` at `level` that reports the given problems (file and message filled in). */
function rule(id: string, criterion: Criterion, level: RuleLevel, problems: Partial<Problem>[] = []): Rule {
  return {
    meta: { id, criterion, description: id, level: levels(level, level, level) },
    check: ({ report }) => problems.forEach((problem) => report({ file: readme, message: id, ...problem })),
  } as Rule;
}

function verdicts(rules: Rule[]) {
  return checkConnector(connector, { ownedDomains: [] }, rules, []).verdicts;
}

describe('verdicts', () => {
  it('takes the worst finding of each criterion, whatever the order of the rules', () => {
    const rules = [
      rule('n', 'icon', 'notice', [{ unverified: true }]),
      rule('w', 'icon', 'warning', [{}]),
      rule('e', 'support', 'error', [{}]),
      rule('w2', 'support', 'warning', [{}]),
      rule('u', 'ownership', 'error', [{ unverified: true }]),
      rule('plain-notice', 'metadata', 'notice', [{}]),
      rule('quiet', 'availability', 'error'),
    ];
    for (const order of [rules, [...rules].reverse()]) {
      const result = verdicts(order);
      expect(result.icon).toBe('warn');
      expect(result.support).toBe('fail');
      expect(result.ownership).toBe('unverified');
      expect(result.metadata).toBe('pass');
      expect(result.availability).toBe('pass');
      expect(result.authentication).toBe('n/a');
    }
  });

  it('caps a recommended error at warn, and gives n/a to a criterion whose rules are all off', () => {
    const result = verdicts([rule('r', 'completeness', 'error', [{ recommended: true }]), rule('off', 'definition', 'off', [{}])]);
    expect(result.completeness).toBe('warn');
    expect(result.definition).toBe('n/a');
  });
});
