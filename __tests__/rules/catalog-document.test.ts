// Document-level catalog rules (rules.md §1c): extensions, host, basePath, schemes, MIME types,
// tags, limits, info naming/description/version, production hosts, security requirements.
import { describe, expect, it } from 'vitest';
import type { Finding, Fix } from '../../src/engine/types.js';
import { type Edit, type Package, packageBuilder, run } from './edited-package.js';
import { findingsOf } from '../helpers.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: a package that passes every rule here, edited one property at a time.

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
    basePath: '/v1',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/frames': {
        post: {
          summary: 'Order a frame',
          description: 'Orders a picture frame.',
          operationId: 'OrderFrame',
          'x-ms-visibility': 'important',
          parameters: [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: { $ref: '#/definitions/Frame' },
            },
          ],
          responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Frame' } } },
        },
      },
    },
    definitions: {
      Frame: {
        type: 'object',
        properties: {
          size: { type: 'string', 'x-ms-summary': 'Size', description: 'The frame size.' },
        },
      },
    },
    securityDefinitions: {
      oauth2: {
        type: 'oauth2',
        flow: 'accessCode',
        authorizationUrl: 'https://login.contoso.com/authorize',
        tokenUrl: 'https://login.contoso.com/token',
        scopes: { 'frames.read': 'Read frames' },
      },
    },
    security: [{ oauth2: ['frames.read'] }],
    tags: [{ name: 'Frames', description: 'Picture frames' }],
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
      connectionParameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: {
            identityProvider: 'oauth2',
            clientId: '[[DUMMY]]',
            scopes: ['frames.read'],
            redirectMode: 'GlobalPerConnector',
            customParameters: {
              authorizationUrl: { value: 'https://login.contoso.com/authorize' },
              tokenUrl: { value: 'https://login.contoso.com/token' },
              refreshUrl: { value: 'https://login.contoso.com/token' },
            },
          },
        },
      },
      iconBrandColor: color,
      capabilities: [],
      publisher: 'Contoso',
      stackOwner: 'Contoso',
    },
  };
}

const pkg = packageBuilder(baseSwagger, baseApiProperties);

/** 1-based line and column of the `occurrence`-th `needle` in `text` (computed from the text, not the engine). */
function pos(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" #${occurrence} not found`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** The one finding, reduced to what every test asserts. */
function only(findings: Finding[]): Pick<Finding, 'ruleId' | 'file' | 'line' | 'column' | 'level' | 'message' | 'fix'> {
  expect(findings).toHaveLength(1);
  const [f] = findings as [Finding];
  return { ruleId: f.ruleId, file: f.file, line: f.line, column: f.column, level: f.level, message: f.message, fix: f.fix };
}

function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.offset) + fix.text + text.slice(fix.offset + fix.length);
}

/** Applies the finding's fix to the swagger, checks the result is strict JSON, and re-runs the rule. */
function fixed(ruleId: string, p: Package, finding: { fix?: Fix }): { text: string; after: Finding[] } {
  expect(finding.fix).toBeDefined();
  const text = applyFix(p.swaggerText, finding.fix as Fix);
  expect(() => JSON.parse(text) as unknown).not.toThrow();
  return { text, after: run(ruleId, { ...p, files: { ...p.files, [p.swaggerFile]: text }, swaggerText: text }) };
}

const MY_RULES = [
  'unknown-ms-extension',
  'extension-prefix',
  'host-format',
  'basepath-format',
  'schemes',
  'mime-types',
  'tags-unique',
  'limits-counts',
  'info-version',
  'info-title-naming',
  'info-description-quality',
  'host-production',
  'security-requirements',
];

describe('the untouched base package', () => {
  it.each(['certified', 'ip', 'custom'] as const)('passes every rule here (%s)', (folder) => {
    const p = pkg(folder);
    const all = findingsOf('swagger-schema', p.files);
    expect(all).toEqual([]); // the fixture is valid Swagger 2.0
    for (const id of MY_RULES) expect(run(id, p), id).toEqual([]);
  });
});

describe('unknown-ms-extension', () => {
  const id = 'unknown-ms-extension';
  it('flags a misspelt extension on its key and offers the rename', () => {
    const p = pkg('certified', [[['paths', '/frames', 'post', 'x-ms-visibility'], undefined], [['paths', '/frames', 'post', 'x-ms-visibilty'], 'important']]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"x-ms-visibilty"'), level: 'warning' });
    expect(f.message).toContain("did you mean 'x-ms-visibility'?");
    const { text, after } = fixed(id, p, f);
    expect(after).toEqual([]);
    expect(text).toContain('"x-ms-visibility": "important"');
  });
  it('fixes case and separator slips and the singular x-ms-enum-value', () => {
    for (const [typo, meant] of [
      ['x-ms-Summary', 'x-ms-summary'],
      ['x-ms_summary', 'x-ms-summary'],
      ['x-ms-enum-value', 'x-ms-enum-values'],
    ] as const) {
      const p = pkg('ip', [[['paths', '/frames', 'post', 'parameters', 0, typo], 'Frame']]);
      const f = only(run(id, p));
      expect(f, typo).toMatchObject({ ruleId: id, ...pos(p.swaggerText, `"${typo}"`) });
      expect(f.fix?.text).toBe(JSON.stringify(meant));
    }
  });
  it('has no fix when the right name is already there, or nothing is close', () => {
    const p = pkg('certified', [[['paths', '/frames', 'post', 'x-ms-visibilty'], 'advanced']]);
    const f = only(run(id, p));
    expect(f.fix).toBeUndefined();
    expect(f.message).toContain('already has');
    const q = pkg('certified', [[['x-ms-keywords'], ['frames']]]);
    const g = only(run(id, q));
    expect(g).toMatchObject({ ...pos(q.swaggerText, '"x-ms-keywords"'), fix: undefined });
  });
  it('ignores names that are not extensions: schema properties, response headers, other vendors', () => {
    const p = pkg('certified', [
      [['definitions', 'Frame', 'properties', 'x-ms-frame-id'], { type: 'string' }],
      [['paths', '/frames', 'post', 'responses', '200', 'headers'], { 'x-ms-request-idd': { type: 'string' } }],
      [['x-contoso-internal'], true],
      [['x-ms-openai-data'], {}],
      [['info', 'x-ms-deployment-version'], '1.0.0'],
    ]);
    expect(run(id, p)).toEqual([]);
  });
});

describe('extension-prefix', () => {
  const id = 'extension-prefix';
  it('renames a known extension written without a proper "x-" prefix', () => {
    const p = pkg('certified', [[['paths', '/frames', 'post', 'x-ms-visibility'], undefined], [['paths', '/frames', 'post', 'X-MS-Visibility'], 'important']]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"X-MS-Visibility"'), level: 'error' });
    const { after } = fixed(id, p, f);
    expect(after).toEqual([]);
  });
  it('reports non-extension keys inside schemas that extensions hold, which swagger-schema cannot see', () => {
    const p = pkg('custom', [[['paths', '/frames', 'post', 'x-ms-notification-content'], { schema: { type: 'object', summary: 'Frame event' } }]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, ...pos(p.swaggerText, '"summary": "Frame event"'), level: 'error' });
    expect(f.message).toContain("'summary' is not a schema field");
  });
  it('leaves unknown keys that swagger-schema reports to swagger-schema', () => {
    const p = pkg('certified', [[['scriptOperations'], []]]);
    expect(run(id, p)).toEqual([]);
    expect(findingsOf('swagger-schema', p.files).map((f) => f.line)).toEqual([pos(p.swaggerText, '"scriptOperations"').line]);
  });
});

describe('host-format', () => {
  const id = 'host-format';
  it('strips a scheme and path, and says where the path goes', () => {
    const p = pkg('custom', [[['host'], 'https://frames.contoso.com/api']]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"https://frames'), level: 'error' });
    expect(f.message).toContain("write 'frames.contoso.com' and put '/api' in basePath");
    const { after } = fixed(id, p, f);
    expect(after).toEqual([]);
  });
  it('keeps a port and accepts bare hosts', () => {
    const p = pkg('certified', [[['host'], 'frames.contoso.com:8443/']]);
    expect(only(run(id, p)).fix?.text).toBe('"frames.contoso.com:8443"');
    expect(run(id, pkg('certified', [[['host'], 'frames.contoso.com:8443']]))).toEqual([]);
    expect(run(id, pkg('certified', [[['host'], undefined]]))).toEqual([]);
  });
  it('explains placeholders and empty hosts without a fix', () => {
    for (const host of ['{tenant}.contoso.com', '']) {
      const p = pkg('certified', [[['host'], host]]);
      const f = only(run(id, p));
      const key = pos(p.swaggerText, '"host"');
      expect(f, host).toMatchObject({ line: key.line, column: key.column + '"host": '.length, fix: undefined });
    }
  });
});

describe('basepath-format', () => {
  const id = 'basepath-format';
  it('adds the missing leading slash', () => {
    const p = pkg('certified', [[['basePath'], 'v1']]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, line: pos(p.swaggerText, '"basePath"').line, column: 15, level: 'error' });
    expect(fixed(id, p, f).after).toEqual([]);
  });
  it('keeps only the path of a URL or of a value that starts with the host', () => {
    for (const value of ['https://frames.contoso.com/v1', 'frames.contoso.com/v1']) {
      const p = pkg('ip', [[['basePath'], value]]);
      const f = only(run(id, p));
      expect(f.fix?.text, value).toBe('"/v1"');
    }
  });
  it('accepts "/" and versioned paths such as "/v1.0/api"', () => {
    for (const value of ['/', '/v1.0/api']) expect(run(id, pkg('certified', [[['basePath'], value]]))).toEqual([]);
    expect(only(run(id, pkg('certified', [[['basePath'], 'v1.0/api']]))).fix?.text).toBe('"/v1.0/api"');
  });
});

describe('schemes', () => {
  const id = 'schemes';
  it('lowercases a scheme', () => {
    const p = pkg('certified', [[['schemes'], ['HTTPS']]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"HTTPS"'), level: 'error' });
    expect(fixed(id, p, f).after).toEqual([]);
  });
  it('rejects WebSocket schemes and an empty list (with a fix)', () => {
    const ws = pkg('custom', [[['schemes'], ['https', 'wss']]]);
    expect(only(run(id, ws))).toMatchObject({ ...pos(ws.swaggerText, '"wss"'), level: 'error', fix: undefined });
    const empty = pkg('custom', [[['schemes'], []]]);
    const f = only(run(id, empty));
    expect(f).toMatchObject({ ...pos(empty.swaggerText, '"schemes"'), level: 'error' });
    expect(fixed(id, empty, f).after).toEqual([]);
  });
  it('warns when only http is listed, on the root or on an operation', () => {
    const p = pkg('certified', [[['paths', '/frames', 'post', 'schemes'], ['http']]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ...pos(p.swaggerText, '"schemes"', 2), level: 'warning' });
    expect(f.message).toContain('POST /frames');
  });
});

describe('mime-types', () => {
  const id = 'mime-types';
  it('flags an invalid MIME type on its value', () => {
    const p = pkg('custom', [[['produces'], ['json']]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"json"'), level: 'error' });
  });
  it('warns when a JSON body has no consumes anywhere; errors for form data', () => {
    const body = pkg('certified', [[['consumes'], undefined]]);
    expect(only(run(id, body))).toMatchObject({ ...pos(body.swaggerText, '"post"'), level: 'warning' });
    const form = pkg('certified', [
      [['paths', '/frames', 'post', 'parameters'], [{ name: 'size', in: 'formData', type: 'string', 'x-ms-summary': 'Size', description: 'The size.' }]],
    ]);
    const f = only(run(id, form));
    expect(f).toMatchObject({ ...pos(form.swaggerText, '"post"'), level: 'error' });
    expect(f.message).toContain('formData');
  });
  it('asks for multipart/form-data when a file is uploaded', () => {
    const p = pkg('certified', [
      [['paths', '/frames', 'post', 'consumes'], ['application/x-www-form-urlencoded']],
      [['paths', '/frames', 'post', 'parameters'], [{ name: 'photo', in: 'formData', type: 'file', 'x-ms-summary': 'Photo', description: 'The photo.' }]],
    ]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ...pos(p.swaggerText, '"consumes"', 2), level: 'error' });
    expect(f.message).toContain('multipart/form-data');
  });
});

describe('tags-unique', () => {
  const id = 'tags-unique';
  it('removes an identical copy with a fix', () => {
    const p = pkg('certified', [[['tags'], [{ name: 'Frames' }, { name: 'Orders' }, { name: 'Frames' }]]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"Frames"', 2), level: 'error' });
    const { text, after } = fixed(id, p, f);
    expect(after).toEqual([]);
    expect((JSON.parse(text) as { tags: unknown[] }).tags).toEqual([{ name: 'Frames' }, { name: 'Orders' }]);
  });
  it('asks to merge differing copies, without a fix', () => {
    const p = pkg('custom', [[['tags'], [{ name: 'Frames', description: 'A' }, { name: 'Frames', description: 'B' }]]]);
    expect(only(run(id, p))).toMatchObject({ ...pos(p.swaggerText, '"Frames"', 2), fix: undefined });
  });
});

describe('limits-counts', () => {
  const id = 'limits-counts';
  it('flags more than 256 operations on the "paths" key', () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 257; i++) paths[`/f${i}`] = { get: { operationId: `Get${i}`, responses: { '200': { description: 'OK' } } } };
    const p = pkg('custom', [[['paths'], paths]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, ...pos(p.swaggerText, '"paths"'), level: 'error' });
    expect(f.message).toContain('257 operations');
    paths['/f256'] = undefined;
    expect(run(id, pkg('custom', [[['paths'], paths]]))).toEqual([]);
  });
  it('counts schemas with $refs expanded: 513 in a body is an error, 512 passes', () => {
    const properties = (n: number): Record<string, unknown> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { type: 'string' }]));
    // Frame (1) + 255 own properties + Part used twice (2 × (1 + 127)) = 512.
    const edits = (own: number): Edit[] => [
      [['definitions', 'Frame', 'properties'], { ...properties(own), a: { $ref: '#/definitions/Part' }, b: { $ref: '#/definitions/Part' } }],
      [['definitions', 'Part'], { type: 'object', properties: properties(127) }],
    ];
    expect(run(id, pkg('certified', edits(255)))).toEqual([]);
    const p = pkg('certified', edits(256));
    const findings = run(id, p);
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.level])).toEqual([
      [id, pos(p.swaggerText, '"schema"').line, pos(p.swaggerText, '"schema"').column, 'error'],
      [id, pos(p.swaggerText, '"schema"', 2).line, pos(p.swaggerText, '"schema"', 2).column, 'error'],
    ]);
    expect(findings[0]?.message).toContain('expands to 513 schemas');
  });
  it('counts the members of allOf and of a tuple-style items array', () => {
    const properties = (n: number): Record<string, unknown> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { type: 'string' }]));
    // Frame (1) + two allOf members (1 + 300, 1 + 200) + 10 items = 513.
    const tuple = Array.from({ length: 10 }, () => ({ type: 'string' }));
    const p = pkg('certified', [[['definitions', 'Frame'], { allOf: [{ properties: properties(300) }, { properties: properties(200) }], items: tuple }]]);
    const findings = run(id, p);
    expect(findings.map((f) => f.message.match(/expands to \d+ schemas/)?.[0])).toEqual(['expands to 513 schemas', 'expands to 513 schemas']);
  });
  it('warns about very deep schemas, and survives recursive ones', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 21; i++) deep = { type: 'object', properties: { next: deep } };
    const p = pkg('certified', [[['definitions', 'Frame'], deep]]);
    const findings = run(id, p);
    expect(findings.map((f) => [f.level, f.line])).toEqual([['warning', pos(p.swaggerText, '"schema"').line]]);
    expect(findings[0]?.message).toContain('22 levels');
    const recursive = pkg('certified', [[['definitions', 'Frame', 'properties', 'child'], { $ref: '#/definitions/Frame' }]]);
    expect(run(id, recursive)).toEqual([]);
  });
});

describe('info-version', () => {
  const id = 'info-version';
  it('flags an empty version on its value, for every profile', () => {
    for (const folder of ['certified', 'custom'] as const) {
      const p = pkg(folder, [[['info', 'version'], '']]);
      expect(only(run(id, p))).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '""'), level: 'error' });
    }
  });
  it('leaves a missing or non-string version to swagger-schema', () => {
    expect(run(id, pkg('certified', [[['info', 'version'], undefined]]))).toEqual([]);
    expect(run(id, pkg('certified', [[['info', 'version'], 1]]))).toEqual([]);
  });
});

describe('info-title-naming', () => {
  const id = 'info-title-naming';
  it('warns about a version suffix on the title value', () => {
    for (const title of ['Contoso Frames (V1)', 'Contoso Frames v2', 'Contoso Frames - Version 3']) {
      const p = pkg('certified', [[['info', 'title'], title]]);
      const f = only(run(id, p));
      expect(f, title).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, `"${title}"`), level: 'warning', fix: undefined });
    }
  });
  it('warns about an "(Independent Publisher)" label', () => {
    const p = pkg('ip', [[['info', 'title'], 'Frames (Independent Publisher)']]);
    expect(only(run(id, p)).message).toContain('labels independent-publisher connectors itself');
  });
  it('accepts names with numbers that are not versions', () => {
    for (const title of ['Microsoft 365 Frames', 'Frames V', 'Vonage', 'Contoso 2Go']) expect(run(id, pkg('certified', [[['info', 'title'], title]])), title).toEqual([]);
  });
});

describe('info-description-quality', () => {
  const id = 'info-description-quality';
  it('warns when the description repeats the title', () => {
    const p = pkg('certified', [[['info', 'description'], 'contoso frames.']]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"contoso frames."'), level: 'warning' });
    expect(f.message).toContain('repeats the title');
  });
  it('warns about one-liners under 8 words and accepts 8', () => {
    const p = pkg('ip', [[['info', 'description'], 'Manage your picture frame orders online.']]);
    expect(only(run(id, p)).message).toContain('has 6 words');
    expect(run(id, pkg('ip', [[['info', 'description'], 'Order, track and return picture frames from Contoso.']]))).toEqual([]);
  });
});

describe('host-production', () => {
  const id = 'host-production';
  it('flags a staging host for certified connectors', () => {
    const p = pkg('certified', [[['host'], 'frames-staging.contoso.com']]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"frames-staging.contoso.com"'), level: 'error' });
    expect(f.message).toContain("a staging endpoint ('staging')");
  });
  it('flags OAuth URLs in apiProperties.json and the swagger', () => {
    const p = pkg('ip', [[['securityDefinitions', 'oauth2', 'tokenUrl'], 'https://login.dev.contoso.com/token']], [
      [['properties', 'connectionParameters', 'token', 'oAuthSettings', 'customParameters', 'authorizationUrl', 'value'], 'https://sandbox.contoso.com/authorize'],
    ]);
    const findings = run(id, p);
    expect(findings.map((f) => [f.file, f.line, f.column, f.level])).toEqual([
      [p.swaggerFile, pos(p.swaggerText, '"https://login.dev').line, pos(p.swaggerText, '"https://login.dev').column, 'error'],
      [p.propsFile, pos(p.propsText, '"https://sandbox').line, pos(p.propsText, '"https://sandbox').column, 'error'],
    ]);
  });
  it('ignores environment words in the registrable domain and known production hosts, and is off for custom connectors', () => {
    for (const host of ['api.contoso.dev', 'testcontoso.com', 'dev.azure.com', 'api.latest.contoso.com']) expect(run(id, pkg('certified', [[['host'], host]])), host).toEqual([]);
    expect(run(id, pkg('certified', [[['host'], 'contoso-dev.azurewebsites.net']]))).toHaveLength(1);
    expect(run(id, pkg('certified', [[['host'], 'abc123.ngrok-free.app']]))).toHaveLength(1);
    expect(run(id, pkg('custom', [[['host'], 'test.contoso.com']]))).toEqual([]);
  });
});

describe('security-requirements', () => {
  const id = 'security-requirements';
  it('flags an undefined scheme and renames a case slip', () => {
    const p = pkg('certified', [[['security'], [{ OAuth2: ['frames.read'] }]]]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ruleId: id, file: p.swaggerFile, ...pos(p.swaggerText, '"OAuth2"'), level: 'error' });
    expect(fixed(id, p, f).after).toEqual([]);
  });
  it('flags an undeclared OAuth scope on its value', () => {
    const p = pkg('custom', [[['security'], [{ oauth2: ['frames.write'] }]]]);
    expect(only(run(id, p))).toMatchObject({ ...pos(p.swaggerText, '"frames.write"'), level: 'error', fix: undefined });
  });
  it('empties the scopes of an API key requirement, also on operations', () => {
    const p = pkg('certified', [
      [['securityDefinitions'], { key: { type: 'apiKey', in: 'header', name: 'X-Key' } }],
      [['security'], [{ key: [] }]],
      [['paths', '/frames', 'post', 'security'], [{ key: ['read'] }]],
    ]);
    const f = only(run(id, p));
    expect(f).toMatchObject({ ...pos(p.swaggerText, '"key"'), level: 'error' });
    expect(f.message).toContain('POST /frames');
    expect(fixed(id, p, f).after).toEqual([]);
  });
});
