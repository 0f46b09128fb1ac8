import { describe, expect, it } from 'vitest';
import { CRITERIA, type ConnectorResult, type Criterion, type Finding, type GateReport, type Verdict } from '../../src/engine/types.js';
import { escapeHtml, escapeMarkdown, formatMarkdown, LEGEND } from '../../src/report/markdown.js';
import { gate, json, writeTree } from '../helpers.js';

const PASS = Object.fromEntries(CRITERIA.map((c) => [c, 'pass'])) as Record<Criterion, Verdict>;
const HOSTILE = 'Evil | `tick` <script>alert(1)</script>\n## heading\r\n[x](javascript:alert(1)) *b* _i_ \\| & "q" \'s\' ~~s~~ $x$ <img src=x onerror=alert(1)>';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'swagger-version',
    criterion: 'definition',
    level: 'error',
    message: 'the "swagger": "2.0" property is missing',
    connector: 'certified-connectors/Contoso Frames',
    file: 'certified-connectors/Contoso Frames/apiDefinition.swagger.json',
    line: 12,
    column: 5,
    endLine: 12,
    endColumn: 9,
    ...overrides,
  };
}

function connector(findings: Finding[], overrides: Partial<ConnectorResult> = {}): ConnectorResult {
  return {
    name: 'Contoso Frames',
    dir: 'certified-connectors/Contoso Frames',
    profile: 'certified',
    verdicts: PASS,
    eligible: !findings.some((f) => f.level === 'error'),
    findings,
    ...overrides,
  };
}

function report(connectors: ConnectorResult[], extra: Partial<GateReport> = {}): GateReport {
  return { connectors, notes: [], internalErrors: [], counts: { error: 0, warning: 0, notice: 0 }, ...extra };
}

/** Cells of a table row, split on pipes that are not backslash-escaped (as GFM does). */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
}

function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('|'));
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('escapeMarkdown', () => {
  it('neutralises markdown, HTML and line breaks', () => {
    expect(escapeMarkdown('a|b`c*d_e[f]g(h)i#j~k$l!m\\n')).toBe('a\\|b\\`c\\*d\\_e\\[f\\]g\\(h\\)i\\#j\\~k\\$l\\!m\\\\n');
    expect(escapeMarkdown('<script>alert("x" & \'y\')</script>')).toBe('&lt;script&gt;alert\\(&quot;x&quot; &amp; &#39;y&#39;\\)&lt;/script&gt;');
    expect(escapeMarkdown('one\ntwo\r\nthree\rfour\u2028five')).toBe('one two three four five');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('&lt;')).toBe('&amp;lt;');
  });

  it('leaves no raw HTML, no unescaped pipe and no line break in hostile text', () => {
    const escaped = escapeMarkdown(HOSTILE);
    expect(escaped).not.toMatch(/[<>\n\r"']/);
    // Outside character references (&#39;), every markdown special is backslash-escaped.
    expect(escaped.replace(/&(?:#\d+|[a-z]+);/g, '')).not.toMatch(/(?<!\\)[|`[\]()*_#~$]/);
    // Every backslash is an escape of the next character (pairs), so none is left dangling.
    expect(escaped.replace(/\\[\\|`[\]()*_#~$!{}]/g, '')).not.toContain('\\');
  });

  it('escapeHtml escapes the five HTML specials only', () => {
    expect(escapeHtml('<a href="x">\'&\'</a> | *')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; | *');
  });
});

describe('formatMarkdown', () => {
  it('links file:line when given where files can be read, with the URL escaped for the attribute', () => {
    const out = formatMarkdown(report([connector([finding()])]), { sourceUrl: (file, line) => `https://example.com/${file}?a=1&b="2"#L${line}` });
    expect(out).toContain(
      '- <a href="https://example.com/certified-connectors/Contoso Frames/apiDefinition.swagger.json?a=1&amp;b=&quot;2&quot;#L12"><code>certified-connectors/Contoso Frames/apiDefinition.swagger.json:12</code></a> ❌ error [swagger-version]',
    );
  });

  it('shows the verdict, the table, the legend and the findings', () => {
    const out = formatMarkdown(
      report([
        connector([finding(), finding({ level: 'warning', ruleId: 'info-title-length', message: 'title too long', line: 3 })], {
          verdicts: { ...PASS, definition: 'fail', ownership: 'unverified', metadata: 'warn', icon: 'n/a' },
        }),
        connector([], { name: 'Clean', dir: 'custom-connectors/Clean', profile: 'custom' }),
      ]),
    );
    const lines = out.split('\n');
    expect(lines[0]).toBe('## ❌ connector-gate: 1 of 2 connectors not eligible');
    expect(out).toContain('\n1 error, 1 warning, 0 notices in 2 connectors.\n');
    expect(tableRows(out)).toEqual([
      '| Connector | Profile | Eligible | Definition | Ownership | Authentication | Support | Availability | Completeness | Icon | Metadata | Compatibility |',
      '| --- | --- | --- | :-: | :-: | :-: | :-: | :-: | :-: | :-: | :-: | :-: |',
      '| Contoso Frames | certified | ❌ no | ❌ | ❔ | ✅ | ✅ | ✅ | ✅ | — | ⚠️ | ✅ |',
      '| Clean | custom | ✅ yes | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ |',
    ]);
    expect(out).toContain(`\n${LEGEND}\n`);
    expect(LEGEND).toBe('✅ pass · ❌ fail · ⚠️ warning · ❔ not verified from the files · — not applicable to the profile');
    // Only connectors with findings get a section; errors before warnings.
    expect(out).toContain(
      [
        '<details open><summary>❌ Contoso Frames (certified-connectors/Contoso Frames, certified): 1 error, 1 warning</summary>',
        '',
        '- <code>certified-connectors/Contoso Frames/apiDefinition.swagger.json:12</code> ❌ error [swagger-version](https://github.com/connector-gate/connector-gate/blob/main/docs/rules/swagger-version.md): the &quot;swagger&quot;: &quot;2.0&quot; property is missing',
        '- <code>certified-connectors/Contoso Frames/apiDefinition.swagger.json:3</code> ⚠️ warning [info-title-length](https://github.com/connector-gate/connector-gate/blob/main/docs/rules/info-title-length.md): title too long',
        '',
        '</details>',
      ].join('\n'),
    );
    expect(out).not.toContain('Clean (');
    expect(out).not.toContain('left out');
  });

  it('says so when every connector is eligible, or when there is none', () => {
    expect(formatMarkdown(report([connector([]), connector([], { name: 'B' })])).split('\n')[0]).toBe('## ✅ connector-gate: all 2 connectors are eligible');
    expect(formatMarkdown(report([connector([finding({ level: 'warning' })])])).split('\n')[0]).toBe('## ✅ connector-gate: the connector is eligible');
    const none = formatMarkdown(report([]));
    expect(none.split('\n')[0]).toBe('## ℹ️ connector-gate: no connector packages found');
    expect(tableRows(none)).toEqual([]);
  });

  it('leads with internal errors and lists notes', () => {
    const out = formatMarkdown(report([connector([])], { internalErrors: ['rule x crashed on <b>y</b>'], notes: ['a | b: skipped'] }));
    expect(out.split('\n')[0]).toBe('## ⚠️ connector-gate: internal error (the results below may be incomplete)');
    expect(out).toContain('- rule x crashed on &lt;b&gt;y&lt;/b&gt;');
    expect(out).toContain('### Notes\n\n- a \\| b: skipped');
  });

  it('escapes hostile connector names and messages everywhere', () => {
    const out = formatMarkdown(
      report([
        connector([finding({ message: HOSTILE, ruleId: 'rule|`<x>`', file: 'c/`x`|<script>.json' })], {
          name: HOSTILE,
          dir: `certified-connectors/${HOSTILE}`,
          profile: 'certified',
        }),
      ]),
    );
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/\]\(javascript:/i);
    expect(out).not.toMatch(/(?<!\\)\[x(?:\\?\])/);
    expect(out).not.toContain('\r');
    // No line of the hostile text escaped onto its own line.
    expect(out.split('\n').some((line) => line.startsWith('## heading') || line.startsWith('\\#'))).toBe(false);
    // The table keeps its 11 columns on every row.
    const rows = tableRows(out);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(cells(row)).toHaveLength(12);
    // Names are shortened to 100 characters, then escaped.
    expect(cells(rows[2]!)[0]).toBe(
      'Evil \\| \\`tick\\` &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\#\\# heading \\[x\\]\\(javascript:alert\\(1\\)\\) \\*b\\* \\_i\\_ \\\\\\| &amp; &quot;q&quot; &#39;s&#39; \\~…',
    );
    // The <details> summary is raw HTML, where backslashes are not escapes: character references only.
    const summary = out.split('\n').find((line) => line.startsWith('<details'));
    expect(summary).toMatch(
      /^<details open><summary>❌ Evil &#124; &#96;tick&#96; &#60;script&#62;alert&#40;1&#41;&#60;\/script&#62; &#35;&#35; heading &#91;x&#93;&#40;javascript:alert&#40;1&#41;&#41; .* \(certified-connectors\/Evil &#124; .*, certified\): 1 error<\/summary>$/,
    );
    // The finding line: the link is ours, the rule id text is escaped, the target is percent-encoded.
    const item = out.split('\n').find((line) => line.startsWith('- <code>'));
    expect(item).toBe(
      '- <code>c/\\`x\\`\\|&lt;script&gt;.json:12</code> ❌ error [rule\\|\\`&lt;x&gt;\\`](https://github.com/connector-gate/connector-gate/blob/main/docs/rules/rule%7C%60%3Cx%3E%60.md): ' +
        escapeMarkdown(HOSTILE),
    );
  });

  it('shortens huge strings', () => {
    const out = formatMarkdown(report([connector([finding({ message: 'y'.repeat(1_000_000) })], { name: 'n'.repeat(100_000) })]));
    expect(bytes(out)).toBeLessThan(5000);
    expect(out).toContain(`${'y'.repeat(999)}…`);
    expect(out).toContain(`| ${'n'.repeat(99)}… |`);
  });

  it('stays under maxBytes with 20,000 findings and says how many were left out', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) =>
      finding({ level: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'notice', line: i + 1, message: `problem number ${i} | with <b>markup</b> ${'z'.repeat(60)}` }),
    );
    const out = formatMarkdown(report([connector(findings), connector(findings.slice(0, 10), { name: 'Second', dir: 'c/Second' })]));
    expect(bytes(out)).toBeLessThanOrEqual(900_000);
    expect(bytes(out)).toBeGreaterThan(800_000);
    const shown = out.split('\n').filter((line) => line.startsWith('- <code>')).length;
    expect(shown).toBeGreaterThan(1000);
    expect(shown).toBeLessThan(20_010);
    const left = 20_010 - shown;
    expect(out.trimEnd().split('\n').pop()).toBe(
      `> ⚠️ **${left} findings were left out** to keep this summary under 900000 bytes. All findings are in the JSON report (\`--format json\`) and the SARIF report (\`--format sarif\`).`,
    );
    // Most severe first: a third are errors, more than fit, so only errors are shown.
    const shownErrors = out.split('\n').filter((line) => line.startsWith('- <code>') && line.includes(' ❌ error ')).length;
    expect(shownErrors).toBe(shown);
    // Connectors take turns: the second one's 4 errors are shown despite the first one's thousands
    // (and each connector keeps its own findings, even when two share finding objects).
    const second = out.slice(out.indexOf('<details open><summary>❌ Second'));
    expect(second.slice(0, second.indexOf('</details>')).split('\n').filter((line) => line.startsWith('- <code>'))).toHaveLength(4);
    // The details blocks are closed.
    expect(out.match(/<details/g)?.length).toBe(out.match(/<\/details>/g)?.length);

    // Errors listed last in the input still come first in the summary.
    const mixed = [...findings.filter((f) => f.level === 'notice'), ...findings.filter((f) => f.level === 'error').slice(0, 500)];
    const outMixed = formatMarkdown(report([connector(mixed)]));
    expect(bytes(outMixed)).toBeLessThanOrEqual(900_000);
    const mixedLines = outMixed.split('\n').filter((line) => line.startsWith('- <code>'));
    expect(mixedLines.filter((line) => line.includes(' ❌ error ')).length).toBe(500);
    expect(mixedLines.slice(0, 500).every((line) => line.includes(' ❌ error '))).toBe(true);
    expect(outMixed).toContain(`**${mixed.length - mixedLines.length} findings were left out**`);

    const small = formatMarkdown(report([connector(findings)]), { maxBytes: 20_000 });
    expect(bytes(small)).toBeLessThanOrEqual(20_000);
    expect(small).toMatch(/\*\*\d+ findings were left out\*\* to keep this summary under 20000 bytes/);
  });

  it('bounds the table for 2,000 connectors and says how many were left out', () => {
    const connectors = Array.from({ length: 2000 }, (_, i) =>
      connector(i % 4 === 0 ? [finding({ message: `m${i}` })] : [], { name: `Connector ${i} ${'w'.repeat(80)}`, dir: `c/${i}` }),
    );
    // All fit under the default bound.
    const full = formatMarkdown(report(connectors));
    expect(tableRows(full)).toHaveLength(2002);
    expect(bytes(full)).toBeLessThanOrEqual(900_000);

    const out = formatMarkdown(report(connectors), { maxBytes: 100_000 });
    expect(bytes(out)).toBeLessThanOrEqual(100_000);
    const rows = tableRows(out).slice(2);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.length).toBeLessThan(2000);
    // Not eligible first.
    expect(cells(rows[0]!)[2]).toBe('❌ no');
    const left = 2000 - rows.length;
    const failingLeft = 500 - rows.filter((row) => cells(row)[2] === '❌ no').length;
    expect(out).toContain(
      `_${left} more connectors not shown (${failingLeft} of them not eligible) to keep this summary small; connectors that are not eligible are listed first. The JSON report (\`--format json\`) lists them all._`,
    );
    // The table leaves room for findings.
    expect(out).toContain('### Findings');
    expect(out.split('\n').filter((line) => line.startsWith('- <code>')).length).toBeGreaterThan(0);

    const tiny = formatMarkdown(report(connectors), { maxBytes: 3000 });
    expect(bytes(tiny)).toBeLessThanOrEqual(3000);
  });

  it('renders a report from the real engine', () => {
    const root = writeTree({
      'certified-connectors/Contoso Frames/apiDefinition.swagger.json': json({ swagger: '3.0', info: { title: 'Frames', version: '1.0' }, paths: {} }),
      'certified-connectors/Contoso Frames/apiProperties.json': json({ properties: {} }),
    });
    const out = formatMarkdown(gate(root));
    expect(out.split('\n')[0]).toBe('## ❌ connector-gate: 1 of 1 connector not eligible');
    expect(cells(tableRows(out)[2]!).slice(0, 4)).toEqual(['Contoso Frames', 'certified', '❌ no', '❌']);
    expect(out).toMatch(
      /- <code>certified-connectors\/Contoso Frames\/apiDefinition\.swagger\.json:2<\/code> ❌ error \[swagger-version\]\(https:\/\/github\.com\/connector-gate\/connector-gate\/blob\/main\/docs\/rules\/swagger-version\.md\): /,
    );
  });
});
