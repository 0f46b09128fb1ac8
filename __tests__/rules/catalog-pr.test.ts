// Catalog rows 9–11: intro-md (certified), pr-title-ip (independent publisher), pr-checklist.
import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/engine/run.js';
import type { ConnectorOptions, Finding } from '../../src/engine/types.js';
import { countSentences } from '../../src/rules/definition/intro-md.js';
import { checkboxes } from '../../src/rules/definition/pr-checklist.js';
import { lineOf, writeTree } from '../helpers.js';
import { ALL, CERT_DIR, connectorFiles, GOOD_INTRO, IP_DIR, templateBody } from './pr-fixtures.js';

function findings(ruleId: string, files: Record<string, string>, pullRequest?: ConnectorOptions['pullRequest']): Finding[] {
  const report = runGate({ root: writeTree(files), paths: ['.'], profile: 'auto', options: { ownedDomains: [], ...(pullRequest ? { pullRequest } : {}) } });
  expect(report.internalErrors).toEqual([]);
  return report.connectors.flatMap((c) => c.findings).filter((f) => f.ruleId === ruleId);
}

const where = (f: Finding) => ({ ruleId: f.ruleId, level: f.level, file: f.file, line: f.line, column: f.column });

describe('intro-md', () => {
  it('does not report a missing intro.md (it goes to Partner Center, not the repository), but judges one that is there', () => {
    expect(findings('intro-md', connectorFiles(CERT_DIR))).toEqual([]);
    const found = findings('intro-md', connectorFiles(CERT_DIR, { 'intro.md': '# Contoso Frames\nFrames.\n' }));
    expect(found.map(where)).toHaveLength(6);
    expect(found.every((f) => f.level === 'error' && f.file === `${CERT_DIR}/intro.md` && f.line === 1 && f.column === 3)).toBe(true);
  });

  it('is off for independent publishers and custom connectors', () => {
    expect(findings('intro-md', connectorFiles(IP_DIR, { 'intro.md': '# Contoso Frames\n' }))).toEqual([]);
    expect(findings('intro-md', connectorFiles('custom-connectors/Contoso Frames', { 'intro.md': '# Contoso Frames\n' }))).toEqual([]);
  });

  it('passes an intro.md with a short paragraph and the six sections (any letter case, file name any case)', () => {
    expect(findings('intro-md', connectorFiles(CERT_DIR, { 'intro.md': GOOD_INTRO }))).toEqual([]);
    const lower = GOOD_INTRO.replace('## Get started', '## GETTING STARTED').replace('## FAQ', '## Frequently asked questions');
    expect(findings('intro-md', connectorFiles(CERT_DIR, { 'Intro.MD': lower }))).toEqual([]);
  });

  it('reports a missing section on the H1 as an error, an operations heading and a long paragraph as warnings', () => {
    const long = 'One. Two. Three. Four, e.g. four and a half. Five! Six? Seven. Eight. Nine is 1.5 too many';
    const text = GOOD_INTRO.replace('## FAQ\nNone yet.\n', '## Actions\n### Get frame\n').replace(/^Contoso Frames sells.*$/m, long);
    const file = `${CERT_DIR}/intro.md`;
    const found = findings('intro-md', connectorFiles(CERT_DIR, { 'intro.md': text }));
    expect(found.map(where)).toEqual([
      { ruleId: 'intro-md', level: 'error', file, line: 1, column: 3 },
      { ruleId: 'intro-md', level: 'warning', file, line: 2, column: 1 },
      { ruleId: 'intro-md', level: 'warning', file, line: lineOf(text, '## Actions'), column: 4 },
    ]);
    expect(found[0]?.message).toBe('intro.md has no "FAQ" section; add "## FAQ"');
    expect(found[1]?.message).toMatch(/description has 9 sentences/);
    expect(found[2]?.message).toMatch(/lists operations under 'Actions'/);
  });

  it('reports an intro.md without a descriptive paragraph, on line 1 without an H1', () => {
    const text = GOOD_INTRO.replace(/^# Contoso Frames\n.*\n\n/, '');
    const found = findings('intro-md', connectorFiles(CERT_DIR, { 'intro.md': text }));
    expect(found.map(where)).toEqual([{ ruleId: 'intro-md', level: 'error', file: `${CERT_DIR}/intro.md`, line: 1, column: 1 }]);
    expect(found[0]?.message).toMatch(/no descriptive paragraph/);
  });

  it('counts sentences without abbreviations and decimals', () => {
    expect(countSentences('Frames, e.g. oak frames, cost 1.5 dollars. Really')).toBe(2);
    expect(countSentences('One! Two? Three.')).toBe(3);
  });
});

describe('pr-title-ip', () => {
  const files = connectorFiles(IP_DIR);
  const file = `${IP_DIR}/apiDefinition.swagger.json`;
  const pr = (title: string) => ({ title, body: '' });

  it('does not run without a pull request', () => {
    expect(findings('pr-title-ip', files)).toEqual([]);
  });

  it('passes "Connector Name (Independent Publisher)" naming this connector (any letter case)', () => {
    expect(findings('pr-title-ip', files, pr('Contoso Frames (Independent Publisher)'))).toEqual([]);
    expect(findings('pr-title-ip', files, pr('contoso  frames (independent publisher)'))).toEqual([]);
  });

  it('reports the "Proposal - " prefix as an error on line 1 of the definition', () => {
    const found = findings('pr-title-ip', files, pr('Proposal - Contoso Frames (Independent Publisher)'));
    expect(found.map(where)).toEqual([{ ruleId: 'pr-title-ip', level: 'error', file, line: 1, column: 1 }]);
    expect(found[0]?.message).toMatch(/^the pull request title 'Proposal - Contoso Frames \(Independent Publisher\)' starts with 'Proposal -'/);
  });

  it('reports a title without the suffix as an error, with the title to use', () => {
    const found = findings('pr-title-ip', files, pr('Contoso Frames'));
    expect(found.map(where)).toEqual([{ ruleId: 'pr-title-ip', level: 'error', file, line: 1, column: 1 }]);
    expect(found[0]?.message).toMatch(/rename the pull request to 'Contoso Frames \(Independent Publisher\)'$/);
  });

  it('warns when the title names another connector', () => {
    const found = findings('pr-title-ip', files, pr('Fabrikam Frames (Independent Publisher)'));
    expect(found.map(where)).toEqual([{ ruleId: 'pr-title-ip', level: 'warning', file, line: 1, column: 1 }]);
    expect(found[0]?.message).toMatch(/names 'Fabrikam Frames', but this connector's info.title is 'Contoso Frames'/);
  });

  it('is off for certified connectors', () => {
    expect(findings('pr-title-ip', connectorFiles(CERT_DIR), pr('Proposal - anything'))).toEqual([]);
  });
});

describe('pr-checklist', () => {
  const file = `${IP_DIR}/apiDefinition.swagger.json`;
  const pr = (body: string) => ({ title: 'Contoso Frames (Independent Publisher)', body });

  it('reads ticked and unticked boxes', () => {
    expect(checkboxes('- [x] a\n* [ ] b\n1. [X] c\n- [] d\n')).toEqual([
      { ticked: true, text: 'a' },
      { ticked: false, text: 'b' },
      { ticked: true, text: 'c' },
    ]);
  });

  it('warns once, on line 1 of the definition, listing the unticked boxes', () => {
    const found = findings('pr-checklist', connectorFiles(IP_DIR), pr(templateBody([0, 1])));
    expect(found.map(where)).toEqual([{ ruleId: 'pr-checklist', level: 'warning', file, line: 1, column: 1 }]);
    // No OAuth in this connector: the OAuth box is not required.
    expect(found[0]?.message).toBe(
      'the pull request body leaves 6 required checklist item(s) of the template unticked: response schemas added; paconn validate run; brand colour / no icon; PR title pattern; screenshots of 3 operations in a flow; screenshot of the Test operations section; do what each asks, then tick it ("- [x]")',
    );
  });

  it('requires the OAuth box when the connector uses OAuth', () => {
    const found = findings('pr-checklist', connectorFiles(IP_DIR, {}, true), pr(templateBody(ALL.slice(0, 8))));
    expect(found.map(where)).toEqual([{ ruleId: 'pr-checklist', level: 'warning', file, line: 1, column: 1 }]);
    expect(found[0]?.message).toMatch(/leaves 1 required checklist item\(s\) of the template unticked: OAuth app steps in readme\.md;/);
  });

  it('passes a fully ticked template, and certified connectors need not tick the independent-publisher boxes', () => {
    expect(findings('pr-checklist', connectorFiles(IP_DIR, {}, true), pr(templateBody(ALL)))).toEqual([]);
    expect(findings('pr-checklist', connectorFiles(CERT_DIR), pr(templateBody([0, 1, 2, 3, 4])))).toEqual([]);
    const cert = findings('pr-checklist', connectorFiles(CERT_DIR), pr(templateBody([0, 1, 2, 3])));
    expect(cert.map(where)).toEqual([{ ruleId: 'pr-checklist', level: 'warning', file: `${CERT_DIR}/apiDefinition.swagger.json`, line: 1, column: 1 }]);
    expect(cert[0]?.message).toMatch(/leaves 1 required .*: brand colour \/ no icon;/);
  });

  it('says nothing when the body does not look like the template, or there is no pull request', () => {
    expect(findings('pr-checklist', connectorFiles(IP_DIR), pr('Adds Contoso Frames.\n- [ ] write docs\n- [ ] run `paconn validate`\n'))).toEqual([]);
    expect(findings('pr-checklist', connectorFiles(IP_DIR), pr(''))).toEqual([]);
    expect(findings('pr-checklist', connectorFiles(IP_DIR))).toEqual([]);
  });
});
