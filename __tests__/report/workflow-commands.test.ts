import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CRITERIA, type Criterion, type Finding, type GateReport, type Level, type Verdict } from '../../src/engine/types.js';
import { escapeData, escapeProperty, formatGithub, formatWorkflowCommand } from '../../src/report/workflow-commands.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'swagger-version',
    criterion: 'definition',
    level: 'error',
    message: 'the title is long',
    connector: 'c/A',
    file: 'c/A/apiDefinition.swagger.json',
    line: 3,
    column: 14,
    endLine: 3,
    endColumn: 19,
    ...overrides,
  };
}

/** What @actions/core itself writes for the same annotation (properties compared as a map). */
function viaToolkit(f: Finding): { command: string; properties: Map<string, string>; message: string } {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    const props: core.AnnotationProperties = { title: `connector-gate ${f.ruleId}`, file: f.file, startLine: f.line, endLine: f.endLine };
    if (f.line === f.endLine) Object.assign(props, { startColumn: f.column, endColumn: f.endColumn });
    ({ error: core.error, warning: core.warning, notice: core.notice })[f.level](f.message, props);
  } finally {
    spy.mockRestore();
  }
  return parse(writes.join('').replace(/\r?\n$/, ''));
}

function parse(line: string): { command: string; properties: Map<string, string>; message: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties = new Map((match[2] ?? '').split(',').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
  return { command: match[1]!, properties, message: match[3]! };
}

afterEach(() => vi.restoreAllMocks());

describe('formatWorkflowCommand', () => {
  it('writes an annotation command with the position and the rule in the title', () => {
    expect(formatWorkflowCommand(finding())).toBe(
      '::error file=c/A/apiDefinition.swagger.json,line=3,col=14,endLine=3,endColumn=19,title=connector-gate swagger-version::the title is long',
    );
    expect(formatWorkflowCommand(finding({ level: 'warning' }))).toMatch(/^::warning file=/);
    expect(formatWorkflowCommand(finding({ level: 'notice' }))).toMatch(/^::notice file=/);
  });

  it('leaves the columns out when the finding spans lines', () => {
    expect(formatWorkflowCommand(finding({ line: 3, endLine: 5, endColumn: 2 }))).toBe(
      '::error file=c/A/apiDefinition.swagger.json,line=3,endLine=5,title=connector-gate swagger-version::the title is long',
    );
  });

  it('escapes % \\r \\n in the message and also : and , in properties', () => {
    const hostile = finding({
      message: '100% broken::set-output name=x::y,z\r\n::error::injected',
      file: 'c/Weird, name::x/100%\nfile.json',
    });
    const line = formatWorkflowCommand(hostile);
    expect(line).toBe(
      '::error file=c/Weird%2C name%3A%3Ax/100%25%0Afile.json,line=3,col=14,endLine=3,endColumn=19,title=connector-gate swagger-version' +
        '::100%25 broken::set-output name=x::y,z%0D%0A::error::injected',
    );
    expect(line).not.toMatch(/[\r\n]/);
    // The property list ends at the first "::": nothing from the file can end it early.
    expect(line.indexOf('::', 2)).toBe(line.indexOf('::100%25'));
  });

  it('matches the Actions toolkit byte for byte (properties in any order)', () => {
    for (const f of [
      finding(),
      finding({ level: 'warning', message: 'a%b\nc\rd::e,f', file: 'x/a,b:c%d.json' }),
      finding({ level: 'notice', line: 1, endLine: 4, column: 1, endColumn: 1, ruleId: 'r:1,2' }),
    ]) {
      expect(parse(formatWorkflowCommand(f))).toEqual(viaToolkit(f));
    }
  });

  it('exports the two escapers', () => {
    expect(escapeData('%\r\n:,')).toBe('%25%0D%0A:,');
    expect(escapeProperty('%\r\n:,')).toBe('%25%0D%0A%3A%2C');
  });
});

describe('formatGithub', () => {
  const verdicts = Object.fromEntries(CRITERIA.map((c) => [c, 'pass'])) as Record<Criterion, Verdict>;
  const report = (findings: Finding[], extra: Partial<GateReport> = {}): GateReport => ({
    connectors: [{ name: 'A', dir: 'c/A', profile: 'certified', verdicts, eligible: false, findings }],
    notes: [],
    internalErrors: [],
    counts: { error: 0, warning: 0, notice: 0 },
    ...extra,
  });

  it('prints every finding, most severe first, one command per line', () => {
    const out = formatGithub(report([finding({ level: 'notice', message: 'n' }), finding({ level: 'error', message: 'e' }), finding({ level: 'warning', message: 'w' })]));
    expect(out.split('\n')).toEqual([
      expect.stringMatching(/^::error .*::e$/),
      expect.stringMatching(/^::warning .*::w$/),
      expect.stringMatching(/^::notice .*::n$/),
      '',
    ]);
  });

  it('annotates the planned findings first, then the overflow notice, then the rest', () => {
    const levels: Level[] = [...Array(12).fill('error'), ...Array(3).fill('notice')];
    const out = formatGithub(report(levels.map((level, i) => finding({ level, message: `${level} ${i}` }))));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(16);
    expect(lines.slice(0, 10).every((l) => l.startsWith('::error '))).toBe(true);
    expect(lines.slice(10, 13).every((l) => l.startsWith('::notice '))).toBe(true);
    expect(lines[13]).toBe(
      '::notice title=connector-gate::2 more findings not shown as annotations (GitHub shows only a few per step); see the job summary, the log, or the JSON / SARIF report for all of them.',
    );
    expect(lines.slice(14)).toEqual([expect.stringMatching(/::error 10$/), expect.stringMatching(/::error 11$/)]);
  });

  it('adds notes and internal errors, escaped', () => {
    const out = formatGithub(report([], { notes: ['a\nb'], internalErrors: ['rule x crashed: 50%'] }));
    expect(out).toBe('::notice title=connector-gate note::a%0Ab\n::error title=connector-gate internal error::rule x crashed: 50%25\n');
  });
});
