import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { metadataRules } from '../../src/rules/metadata/index.js';
import { type Edit, type Folder, type Package, packageBuilder, run } from './edited-package.js';
import { lineOf } from '../helpers.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: a package that passes every metadata rule, edited one property at a time.

function baseSwagger(): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: {
      title: 'Contoso Frames',
      description: 'Contoso Frames sells picture frames; order, track and return frames from your flows.',
      version: '1.0',
      contact: { name: 'Contoso Support', url: 'https://contoso.com/support', email: 'support@contoso.com' },
    },
    host: 'frames.contoso.com',
    basePath: '/',
    schemes: ['https'],
    consumes: [],
    produces: ['application/json'],
    paths: {},
    definitions: {},
    parameters: {},
    responses: {},
    securityDefinitions: {},
    security: [],
    tags: [],
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://contoso.com' },
      { propertyName: 'Privacy policy', propertyValue: 'https://contoso.com/privacy' },
      { propertyName: 'Categories', propertyValue: 'Productivity;Collaboration' },
    ],
  };
}

function baseApiProperties(color = '#1a2b3c'): Record<string, unknown> {
  return {
    properties: {
      connectionParameters: {},
      iconBrandColor: color,
      capabilities: [],
      publisher: 'Contoso',
      stackOwner: 'Contoso',
    },
  };
}

const pkg = packageBuilder(baseSwagger, baseApiProperties);

/** The one finding, reduced to what every test asserts. */
function only(findings: Finding[]): Pick<Finding, 'ruleId' | 'file' | 'line' | 'column' | 'level'> & { message: string } {
  expect(findings).toHaveLength(1);
  const [f] = findings as [Finding];
  return { ruleId: f.ruleId, file: f.file, line: f.line, column: f.column, level: f.level, message: f.message };
}

// Columns in 2-space-indented fixtures: info.* values start at column 14 ("    "title": "),
// info.description at 20, contact.* children at 14/15/16, metadata propertyValue at 24,
// apiProperties iconBrandColor at 23, publisher/stackOwner at 18/19.

const ALL_RULE_IDS = metadataRules.map((rule) => rule.meta.id);

describe('the untouched base package', () => {
  it.each(['certified', 'ip', 'custom'] as const)('passes every metadata rule (%s)', (folder) => {
    const p = pkg(folder);
    for (const id of ALL_RULE_IDS) expect(run(id, p), id).toEqual([]);
  });
});

describe('info-title-present', () => {
  const id = 'info-title-present';
  it('points at the "info" key when the title is missing', () => {
    const p = pkg('certified', [[['info', 'title'], undefined]]);
    expect(only(run(id, p))).toMatchObject({ ruleId: id, file: p.swaggerFile, line: lineOf(p.swaggerText, '"info"'), column: 3, level: 'error' });
  });
  it('points at the root when info itself is missing', () => {
    const p = pkg('certified', [[['info'], undefined]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: 1, column: 1 });
    expect(f.message).toContain('no "info" object');
  });
  it('points at an empty or non-string title', () => {
    for (const title of ['', '   ', 42, null]) {
      const p = pkg('certified', [[['info', 'title'], title]]);
      expect(only(run(id, p))).toMatchObject({ ruleId: id, line: lineOf(p.swaggerText, '"title"'), column: 14 });
    }
  });
  it('is a warning for custom connectors', () => {
    const p = pkg('custom', [[['info', 'title'], undefined]]);
    expect(only(run(id, p))).toMatchObject({ level: 'warning', file: p.swaggerFile });
  });
});

describe('info-title-length', () => {
  const id = 'info-title-length';
  it('flags 31 characters on the title value, with the count', () => {
    const title = 'Contoso Frames Picture Archives'; // 31
    const p = pkg('certified', [[['info', 'title'], title]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: lineOf(p.swaggerText, '"title"'), column: 14, level: 'error' });
    expect(f.message).toContain(`'${title}' has 31 characters`);
  });
  it('accepts exactly 30 characters', () => {
    expect(run(id, pkg('certified', [[['info', 'title'], 'Contoso Frames Picture Archive']]))).toEqual([]);
  });
  it('is an error for independent publishers and a warning for custom connectors', () => {
    const edit: Edit[] = [[['info', 'title'], 'Contoso Frames Picture Archive Tool']];
    expect(only(run(id, pkg('ip', edit))).level).toBe('error');
    expect(only(run(id, pkg('custom', edit))).level).toBe('warning');
  });
});

describe('info-title-words', () => {
  const id = 'info-title-words';
  it('names every restricted word and suggests the title without them', () => {
    const p = pkg('certified', [[['info', 'title'], 'Contoso Frames API Connector']]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: lineOf(p.swaggerText, '"title"'), column: 14, level: 'error' });
    expect(f.message).toContain("'API', 'Connector'");
    expect(f.message).toContain("e.g. 'Contoso Frames'");
  });
  it('matches product names in any case and spacing', () => {
    for (const title of ['Frames for power automate', 'Contoso PowerApps', 'Contoso Logic Apps', 'Contoso Copilot Studio', 'Contoso Power BI', 'Contoso APIs']) {
      expect(run(id, pkg('certified', [[['info', 'title'], title]])), title).toHaveLength(1);
    }
  });
  it('matches whole words only', () => {
    for (const title of ['TimeAPI', 'Capital Frames', 'Connectify', 'Power2Apps Converter', 'Power Assist']) {
      expect(run(id, pkg('certified', [[['info', 'title'], title]])), title).toEqual([]);
    }
  });
  it('is a warning for custom connectors', () => {
    expect(only(run(id, pkg('custom', [[['info', 'title'], 'Contoso API']]))).level).toBe('warning');
  });
});

describe('info-title-ending', () => {
  const id = 'info-title-ending';
  it('flags a closing parenthesis, a full stop and a trailing space', () => {
    for (const [title, shown] of [
      ['Contoso Frames (V1)', "')'"],
      ['Contoso Frames.', "'.'"],
      ['Contoso Frames ', 'a space'],
    ] as const) {
      const p = pkg('ip', [[['info', 'title'], title]]);
      const f = only(run(id, p));
      expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: lineOf(p.swaggerText, '"title"'), column: 14, level: 'error' });
      expect(f.message).toContain(`ends with ${shown}`);
    }
  });
  it('accepts a final letter or digit, including non-ASCII letters', () => {
    for (const title of ['Contoso Frames 2', 'Contoso Zoë', 'TPS & CTPS Checker']) {
      expect(run(id, pkg('certified', [[['info', 'title'], title]])), title).toEqual([]);
    }
  });
  it('leaves an empty title to info-title-present', () => {
    expect(run(id, pkg('certified', [[['info', 'title'], '']]))).toEqual([]);
  });
});

describe('info-description-length', () => {
  const id = 'info-description-length';
  const chars = (n: number): string => 'Contoso frames '.repeat(40).slice(0, n - 1) + 'x';
  it('flags 29 characters and 501 characters on the value', () => {
    for (const n of [29, 501]) {
      const p = pkg('certified', [[['info', 'description'], chars(n)]]);
      const f = only(run(id, p));
      expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: lineOf(p.swaggerText, '"description"'), column: 20, level: 'error' });
      expect(f.message).toContain(`has ${n} characters`);
    }
  });
  it('accepts 30 and 500 characters (inclusive range)', () => {
    for (const n of [30, 500]) expect(run(id, pkg('certified', [[['info', 'description'], chars(n)]])), String(n)).toEqual([]);
  });
  it('points at the "info" key when the description is missing', () => {
    const p = pkg('ip', [[['info', 'description'], undefined]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: lineOf(p.swaggerText, '"info"'), column: 3, level: 'error' });
    expect(f.message).toContain('no "description"');
  });
  it('points at the root when info is missing, and warns for custom connectors', () => {
    const p = pkg('custom', [[['info'], undefined]]);
    expect(only(run(id, p))).toMatchObject({ line: 1, column: 1, level: 'warning' });
  });
});

describe('info-description-words', () => {
  const id = 'info-description-words';
  const product = 'Order picture frames from Contoso in Power Automate and track every delivery.';
  const api = 'The Contoso Frames API lets you order picture frames and track every delivery.';
  it('makes a product name an error and the word API a warning, both on the value', () => {
    const p = pkg('certified', [[['info', 'description'], `${product} ${api}`]]);
    const findings = run(id, p);
    expect(findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.level])).toEqual([
      [id, p.swaggerFile, lineOf(p.swaggerText, '"description"'), 20, 'error'],
      [id, p.swaggerFile, lineOf(p.swaggerText, '"description"'), 20, 'warning'],
    ]);
    expect(findings.find((f) => f.level === 'error')?.message).toContain("'Power Automate'");
  });
  it('makes the word API a warning only', () => {
    expect(only(run(id, pkg('ip', [[['info', 'description'], api]])))).toMatchObject({ level: 'warning' });
  });
  it('makes a product name a warning for custom connectors', () => {
    expect(only(run(id, pkg('custom', [[['info', 'description'], product]])))).toMatchObject({ level: 'warning' });
  });
  it('accepts words that merely contain the letters, and a singular "Logic app"', () => {
    const text = 'Rapid capital planning for Contoso frames, triggered from any logic app or workflow.';
    expect(run(id, pkg('certified', [[['info', 'description'], text]]))).toEqual([]);
  });
});

describe('connector-metadata', () => {
  const id = 'connector-metadata';
  const metadataLine = (p: Package): number => lineOf(p.swaggerText, '"x-ms-connector-metadata"');
  it('points at the root when the metadata is missing', () => {
    const p = pkg('certified', [[['x-ms-connector-metadata'], undefined]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: 1, column: 1, level: 'error' });
    expect(f.message).toContain('no root-level x-ms-connector-metadata');
  });
  it('says so when the metadata sits under info', () => {
    const metadata = baseSwagger()['x-ms-connector-metadata'];
    const p = pkg('certified', [
      [['x-ms-connector-metadata'], undefined],
      [['info', 'x-ms-connector-metadata'], metadata],
    ]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: metadataLine(p), column: 5 });
    expect(f.message).toContain('inside "info"');
  });
  it('points at the metadata key when an entry is missing', () => {
    const twoEntries = (baseSwagger()['x-ms-connector-metadata'] as unknown[]).slice(0, 2);
    const q = pkg('ip', [[['x-ms-connector-metadata'], twoEntries]]);
    const f = only(run(id, q));
    expect(f).toMatchObject({ ruleId: id, file: q.swaggerFile, line: metadataLine(q), column: 3, level: 'error' });
    expect(f.message).toContain('lacks "Categories"');
  });
  it('flags a Website that is not an absolute http(s) URL, on the value', () => {
    for (const url of ['contoso.com', 'ftp://contoso.com', 'https://', 'https://contoso com']) {
      const p = pkg('certified', [[['x-ms-connector-metadata', 0, 'propertyValue'], url]]);
      const f = only(run(id, p));
      expect(f, url).toMatchObject({ ruleId: id, line: lineOf(p.swaggerText, '"Website"') + 1, column: 24 });
      expect(f.message).toContain('"Website" URL');
    }
  });
  it('flags an empty value and a non-array metadata', () => {
    const empty = pkg('certified', [[['x-ms-connector-metadata', 2, 'propertyValue'], ' ']]);
    expect(only(run(id, empty))).toMatchObject({ line: lineOf(empty.swaggerText, '"Categories"') + 1, column: 24 });
    const notArray = pkg('certified', [[['x-ms-connector-metadata'], 'Website']]);
    expect(only(run(id, notArray))).toMatchObject({ line: metadataLine(notArray), column: 30 });
  });
  it('accepts "Privacy Policy" in another letter case (merged connectors use it)', () => {
    expect(run(id, pkg('certified', [[['x-ms-connector-metadata', 1, 'propertyName'], 'Privacy Policy']]))).toEqual([]);
  });
  it('is a warning for custom connectors', () => {
    expect(only(run(id, pkg('custom', [[['x-ms-connector-metadata'], undefined]])))).toMatchObject({ level: 'warning' });
  });
});

describe('connector-categories', () => {
  const id = 'connector-categories';
  const withCategories = (value: string, folder: Folder = 'certified'): Package =>
    pkg(folder, [[['x-ms-connector-metadata', 2, 'propertyValue'], value]]);
  it('flags three categories on the value', () => {
    const p = withCategories('Productivity;Collaboration;Data');
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: lineOf(p.swaggerText, '"Categories"') + 1, column: 24, level: 'error' });
    expect(f.message).toContain('has 3 categories; at most 2');
  });
  it('flags unknown, misspelt, duplicate and empty categories', () => {
    for (const [value, expected] of [
      ['Productivity;Frames', "'Frames' is not a category"],
      ['productivity', "must be spelled 'Productivity'"],
      ['Data;Data', "'Data' is listed twice"],
      ['Data;', 'stray ";"'],
    ] as const) {
      const f = only(run(id, withCategories(value, 'ip')));
      expect(f.message, value).toContain(expected);
    }
  });
  it('accepts one or two catalog values, spaces after ";" included', () => {
    for (const value of ['AI', 'Business Management; Business Intelligence', 'Sales and CRM;Internet of Things']) {
      expect(run(id, withCategories(value)), value).toEqual([]);
    }
  });
  it('is a warning for custom connectors, and silent when Categories is missing', () => {
    expect(only(run(id, withCategories('Frames', 'custom')))).toMatchObject({ level: 'warning' });
    expect(run(id, pkg('certified', [[['x-ms-connector-metadata'], []]]))).toEqual([]);
  });
});

describe('brand-color-format', () => {
  const id = 'brand-color-format';
  it('flags a colour that is not #RRGGBB on the value, in every profile', () => {
    for (const folder of ['certified', 'ip', 'custom'] as const) {
      const p = pkg(folder, [], [[['properties', 'iconBrandColor'], 'da3b01']]);
      const f = only(run(id, p));
      expect(f).toMatchObject({ ruleId: id, file: p.propsFile, line: lineOf(p.propsText, '"iconBrandColor"'), column: 23, level: 'error' });
      expect(f.message).toContain('add the "#": "#da3b01"');
    }
  });
  it('flags short, long and non-string colours', () => {
    for (const color of ['#fff', '#1a2b3c4d', 'red', 0x1a2b3c]) {
      expect(run(id, pkg('certified', [], [[['properties', 'iconBrandColor'], color]])), String(color)).toHaveLength(1);
    }
  });
  it('points at the "properties" key when the colour is missing', () => {
    const p = pkg('custom', [], [[['properties', 'iconBrandColor'], undefined]]);
    expect(only(run(id, p))).toMatchObject({ file: p.propsFile, line: lineOf(p.propsText, '"properties"'), column: 3, level: 'error' });
  });
  it('accepts upper- and lower-case hex digits', () => {
    expect(run(id, pkg('certified', [], [[['properties', 'iconBrandColor'], '#1A2b3C']]))).toEqual([]);
  });
});

describe('brand-color-certified', () => {
  const id = 'brand-color-certified';
  it('flags the default blue and white in any case, with no fix', () => {
    for (const color of ['#007ee5', '#007EE5', '#FFFFFF']) {
      const p = pkg('certified', [], [[['properties', 'iconBrandColor'], color]]);
      const findings = run(id, p);
      expect(only(findings)).toMatchObject({ ruleId: id, file: p.propsFile, line: lineOf(p.propsText, '"iconBrandColor"'), column: 23, level: 'error' });
      expect(findings[0]?.fix).toBeUndefined();
    }
  });
  it('does not apply to independent-publisher or custom connectors', () => {
    expect(run(id, pkg('ip', [], [[['properties', 'iconBrandColor'], '#007ee5']]))).toEqual([]);
    expect(run(id, pkg('custom', [], [[['properties', 'iconBrandColor'], '#007ee5']]))).toEqual([]);
  });
  it('accepts a brand colour', () => {
    expect(run(id, pkg('certified', [], [[['properties', 'iconBrandColor'], '#fefefe']]))).toEqual([]);
  });
});

describe('brand-color-ip', () => {
  const id = 'brand-color-ip';
  it('flags any other colour for independent publishers, with a fix that writes "#da3b01"', () => {
    const p = pkg('ip', [], [[['properties', 'iconBrandColor'], '#ff0000']]);
    const findings = run(id, p);
    expect(only(findings)).toMatchObject({ ruleId: id, file: p.propsFile, line: lineOf(p.propsText, '"iconBrandColor"'), column: 23, level: 'error' });
    const fix = findings[0]?.fix;
    expect(fix).toEqual({ offset: p.propsText.indexOf('"#ff0000"'), length: 9, text: '"#da3b01"' });
    const fixed = p.propsText.slice(0, fix?.offset) + fix?.text + p.propsText.slice((fix?.offset ?? 0) + (fix?.length ?? 0));
    expect(JSON.parse(fixed).properties.iconBrandColor).toBe('#da3b01');
  });
  it('accepts #da3b01 in either case', () => {
    expect(run(id, pkg('ip', [], [[['properties', 'iconBrandColor'], '#DA3B01']]))).toEqual([]);
  });
  it('only fires under independent-publisher-connectors/', () => {
    expect(run(id, pkg('certified', [], [[['properties', 'iconBrandColor'], '#ff0000']]))).toEqual([]);
    expect(run(id, pkg('custom', [], [[['properties', 'iconBrandColor'], '#ff0000']]))).toEqual([]);
  });
});

describe('publisher-stackowner', () => {
  const id = 'publisher-stackowner';
  it('points at the "properties" key when stackOwner is missing', () => {
    const p = pkg('certified', [], [[['properties', 'stackOwner'], undefined]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.propsFile, line: lineOf(p.propsText, '"properties"'), column: 3, level: 'error' });
    expect(f.message).toContain('no "stackOwner"');
  });
  it('flags an empty publisher on its value for independent publishers', () => {
    const p = pkg('ip', [], [[['properties', 'publisher'], '']]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.propsFile, line: lineOf(p.propsText, '"publisher"'), column: 18, level: 'error' });
    expect(f.message).toContain('publisher is empty');
  });
  it('does not apply to custom connectors', () => {
    expect(run(id, pkg('custom', [], [[['properties', 'publisher'], undefined], [['properties', 'stackOwner'], undefined]]))).toEqual([]);
  });
  it('accepts a person as publisher and the service owner as stackOwner', () => {
    expect(run(id, pkg('ip', [], [[['properties', 'publisher'], 'Jane Doe'], [['properties', 'stackOwner'], 'Contoso Ltd']]))).toEqual([]);
  });
});

describe('documentation', () => {
  it.each(ALL_RULE_IDS)('docs/rules/%s.md exists', (ruleId) => {
    expect(existsSync(path.resolve(__dirname, '../../docs/rules', `${ruleId}.md`))).toBe(true);
  });
});
