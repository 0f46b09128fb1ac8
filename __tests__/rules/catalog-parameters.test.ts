// Catalog rows 78–90: parameters, schemas, dynamic extensions and sample values. Each rule has a
// failing and a passing fixture with the exact rule, file, line and column; fixes are applied and
// the file checked again (still JSON, finding gone).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { suspicion } from '../../src/rules/definition/test-values-no-secrets.js';
import { findingsOf, gate, json, lineOf, positionOf, writeTree } from '../helpers.js';

const FILE = 'Contoso Frames/apiDefinition.swagger.json';
type Json = Record<string, unknown>;
type Profile = 'certified' | 'independent-publisher' | 'custom';

function swagger(paths: Json, extra: Json = {}): Json {
  return { swagger: '2.0', info: { title: 'Contoso Frames', version: '1.0' }, host: 'api.contoso.com', paths, ...extra };
}

function op(overrides: Json = {}): Json {
  return { operationId: 'GetFrame', summary: 'Get a frame', responses: { '200': { description: 'OK' } }, ...overrides };
}

/** A visible, complete path parameter. */
function pathParam(name: string, extra: Json = {}): Json {
  return { name, in: 'path', required: true, type: 'string', 'x-ms-url-encoding': 'single', ...extra };
}

function run(ruleId: string, text: string, profile: Profile = 'certified'): Finding[] {
  return findingsOf(ruleId, { [FILE]: text }, { profile });
}

/** Position of the value in `"key": value` (the needle is the whole pair). */
function valueAt(text: string, pair: string, occurrence = 1): { line: number; column: number } {
  const at = positionOf(text, pair, occurrence);
  return { line: at.line, column: at.column + pair.indexOf(':') + 2 };
}

/** Where a finding on the `{` of the array item holding `needle` lands (the line above, at the brace). */
function braceAbove(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  const line = lineOf(text, needle, occurrence) - 1;
  const content = text.split('\n')[line - 1] as string;
  expect(content.trim()).toBe('{');
  return { line, column: content.indexOf('{') + 1 };
}

function applyFix(text: string, finding: Finding | undefined): string {
  const fix = finding?.fix;
  if (!fix) throw new Error(`no fix on ${finding?.message ?? 'nothing'}`);
  return text.slice(0, fix.offset) + fix.text + text.slice(fix.offset + fix.length);
}

/** Applies a fix, asserts the result is JSON and that the rule no longer reports that spot. */
function roundTrip(ruleId: string, text: string, finding: Finding | undefined): string {
  const fixed = applyFix(text, finding);
  expect(() => JSON.parse(fixed) as unknown).not.toThrow();
  const again = run(ruleId, fixed);
  expect(again.filter((f) => f.message === finding?.message)).toEqual([]);
  return fixed;
}

/** Expected findings in file order (the engine reports them sorted by position). */
function inFileOrder<T extends { line: number; column: number }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column);
}

const RULE_ID_FIELDS = (finding: Finding | undefined): Partial<Finding> | undefined =>
  finding && { ruleId: finding.ruleId, file: finding.file, line: finding.line, column: finding.column, level: finding.level };

describe('param-path', () => {
  it('reports a template variable without a path parameter at the operation key, in every profile', () => {
    const text = json(swagger({ '/frames/{id}': { get: op() } }));
    for (const profile of ['certified', 'independent-publisher', 'custom'] as const) {
      const findings = run('param-path', text, profile);
      expect(findings.map(RULE_ID_FIELDS)).toEqual([{ ruleId: 'param-path', file: FILE, level: 'error', ...positionOf(text, '"get"') }]);
    }
    expect(run('param-path', text)[0]?.message).toBe(
      'GET /frames/{id} (GetFrame) has no path parameter for {id} in its path; add a parameter with "in": "path", "required": true and that name (OperationMissingPathParameter)',
    );
  });

  it('reports a path parameter missing from the template at its name', () => {
    const text = json(swagger({ '/frames': { get: op({ parameters: [pathParam('id')] }) } }));
    const findings = run('param-path', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([{ ruleId: 'param-path', file: FILE, level: 'error', ...valueAt(text, '"name": "id"') }]);
    expect(findings[0]?.message).toContain("path parameter 'id' of GET /frames (GetFrame) is not in the path template '/frames'");
  });

  it('fixes "required": false to true, and inserts "required": true where it is missing', () => {
    const text = json(
      swagger({
        '/frames/{id}/{part}': {
          get: op({ parameters: [pathParam('id', { required: false }), { name: 'part', in: 'path', type: 'string', 'x-ms-url-encoding': 'single' }] }),
        },
      }),
    );
    const findings = run('param-path', text);
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [valueAt(text, '"required": false').line, valueAt(text, '"required": false').column],
      [braceAbove(text, '"name": "part"').line, braceAbove(text, '"name": "part"').column],
    ]);
    let fixed = roundTrip('param-path', text, findings[1]);
    fixed = roundTrip('param-path', fixed, run('param-path', fixed)[0]);
    expect(run('param-path', fixed)).toEqual([]);
    const value = JSON.parse(fixed) as { paths: Record<string, { get: { parameters: Json[] } }> };
    expect(value.paths['/frames/{id}/{part}']?.get.parameters.map((p) => p.required)).toEqual([true, true]);
  });

  it('passes declared, required path parameters (path-level and $ref-ed ones too)', () => {
    const text = json(
      swagger(
        { '/frames/{id}/parts/{part}': { parameters: [{ $ref: '#/parameters/Id' }], get: op({ parameters: [pathParam('part')] }) } },
        { parameters: { Id: pathParam('id') } },
      ),
    );
    expect(run('param-path', text)).toEqual([]);
  });
});

describe('param-url-encoding', () => {
  it('recommends x-ms-url-encoding on a path parameter (warning everywhere), at the parameter object', () => {
    const text = json(swagger({ '/frames/{id}': { get: op({ parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }] }) } }));
    for (const profile of ['certified', 'independent-publisher', 'custom'] as const) {
      expect(run('param-url-encoding', text, profile).map(RULE_ID_FIELDS)).toEqual([
        { ruleId: 'param-url-encoding', file: FILE, level: 'warning', ...braceAbove(text, '"name": "id"') },
      ]);
    }
    expect(run('param-url-encoding', text)[0]?.message).toBe(
      "parameter 'id' (path) of GET /frames/{id} (GetFrame) has no x-ms-url-encoding; add \"x-ms-url-encoding\": \"single\" so values with '/' or '%' reach the service intact (PathParameterMissingEncoding)",
    );
  });

  const styles: [string, (value: unknown) => string][] = [
    ['2 spaces', (value) => JSON.stringify(value, null, 2) + '\n'],
    ['4 spaces', (value) => JSON.stringify(value, null, 4) + '\n'],
    ['tabs and CRLF', (value) => JSON.stringify(value, null, '\t').replace(/\n/g, '\r\n') + '\r\n'],
  ];
  for (const [style, format] of styles) {
    it(`inserts "x-ms-url-encoding": "single" in the file's style (${style})`, () => {
      const text = format(swagger({ '/frames/{id}': { get: op({ parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }] }) } }));
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const findings = run('param-url-encoding', text);
      expect(findings).toHaveLength(1);
      const fixed = applyFix(text, findings[0]);
      const value = JSON.parse(fixed) as { paths: Record<string, { get: { parameters: Json[] } }> };
      expect(value.paths['/frames/{id}']?.get.parameters[0]).toMatchObject({ type: 'string', 'x-ms-url-encoding': 'single' });
      const before = text.split(eol);
      const after = fixed.split(eol);
      const typeLine = before.findIndex((line) => line.includes('"type": "string"'));
      expect(after).toEqual([...before.slice(0, typeLine), `${before[typeLine] as string},`, after[typeLine + 1], ...before.slice(typeLine + 1)]);
      const indent = (line: string): string => /^\s*/.exec(line)?.[0] ?? '';
      expect(indent(after[typeLine + 1] as string)).toBe(indent(before[typeLine] as string));
      expect((after[typeLine + 1] as string).trim()).toBe('"x-ms-url-encoding": "single"');
      expect(run('param-url-encoding', fixed)).toEqual([]);
    });
  }

  it('inserts inline into a one-line parameter, and reports a shared definition once', () => {
    const text = '{"swagger": "2.0", "paths": {"/a/{id}": {"get": {"operationId": "A", "parameters": [{"$ref": "#/parameters/Id"}], "responses": {}}, "put": {"operationId": "B", "parameters": [{"$ref": "#/parameters/Id"}], "responses": {}}}}, "parameters": {"Id": {"name": "id", "in": "path", "required": true, "type": "string"}}}\n';
    const findings = run('param-url-encoding', text);
    expect(findings.map((f) => [f.line, f.column])).toEqual([[1, positionOf(text, '"Id": {').column]]);
    expect(findings[0]?.message).toContain("parameter 'id' (path) in #/parameters/Id, used by 2 operations,");
    expect(applyFix(text, findings[0])).toContain('"type": "string", "x-ms-url-encoding": "single"}}}');
    roundTrip('param-url-encoding', text, findings[0]);
  });

  it('rejects encoding on query parameters (error, with a removal fix) and unknown values (lowercase fix)', () => {
    const text = json(
      swagger({
        '/frames/{id}': {
          get: op({
            parameters: [
              pathParam('id', { 'x-ms-url-encoding': 'Single' }),
              { name: 'q', in: 'query', type: 'string', 'x-ms-url-encoding': 'single' },
            ],
          }),
        },
      }),
    );
    const findings = run('param-url-encoding', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'param-url-encoding', file: FILE, level: 'error', ...valueAt(text, '"x-ms-url-encoding": "Single"') },
      { ruleId: 'param-url-encoding', file: FILE, level: 'error', ...positionOf(text, '"x-ms-url-encoding": "single"', 1) },
    ]);
    expect(findings[1]?.message).toContain('QueryParameterEncodingNotSupported');
    const fixed = roundTrip('param-url-encoding', text, findings[1]);
    expect(fixed).not.toContain('"x-ms-url-encoding": "single"');
    expect(JSON.parse(roundTrip('param-url-encoding', text, findings[0]))).toMatchObject({});
    expect(run('param-url-encoding', applyFix(fixed, run('param-url-encoding', fixed)[0]))).toEqual([]);
  });

  it('passes encoded path parameters and plain query parameters', () => {
    const text = json(swagger({ '/frames/{id}': { get: op({ parameters: [pathParam('id'), pathParam('x', { in: 'query', 'x-ms-url-encoding': undefined })] }) } }));
    expect(run('param-url-encoding', text)).toEqual([]);
  });
});

describe('param-uniqueness', () => {
  it('reports a duplicate parameter at its second listing', () => {
    const q = { name: 'top', in: 'query', type: 'integer' };
    const text = json(swagger({ '/frames': { get: op({ parameters: [q, { name: 'skip', in: 'query', type: 'integer' }, { ...q, description: 'again' }] }) } }));
    const findings = run('param-uniqueness', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([{ ruleId: 'param-uniqueness', file: FILE, level: 'error', ...braceAbove(text, '"name": "top"', 2) }]);
    expect(findings[0]?.message).toBe(
      `GET /frames (GetFrame) lists parameter 'top' (query) twice (first on line ${braceAbove(text, '"name": "top"').line}); remove one (OperationParametersContainDuplicateParameter)`,
    );
    expect(run('param-uniqueness', text, 'custom')).toMatchObject([{ level: 'error' }]);
  });

  it('compares header names case-insensitively and checks path-level lists', () => {
    const text = json(
      swagger({
        '/frames': {
          parameters: [
            { name: 'X-Tenant', in: 'header', type: 'string' },
            { name: 'x-tenant', in: 'header', type: 'string' },
          ],
          get: op(),
        },
      }),
    );
    const findings = run('param-uniqueness', text);
    expect(findings.map((f) => [f.line, f.column])).toEqual([[braceAbove(text, '"name": "x-tenant"').line, braceAbove(text, '"name": "x-tenant"').column]]);
    expect(findings[0]?.message).toContain('PathParametersContainDuplicateParameter');
  });

  it('reports a second body, body with formData, and a name that is a body property path', () => {
    const body = (name: string): Json => ({ name, in: 'body', schema: { type: 'object', properties: { id: { type: 'string' } } } });
    const text = json(
      swagger({
        '/a': { post: op({ operationId: 'A', parameters: [body('frame'), body('extra')] }) },
        '/b': { post: op({ operationId: 'B', parameters: [body('frame'), { name: 'file', in: 'formData', type: 'file' }] }) },
        '/c': { post: op({ operationId: 'C', parameters: [body('frame'), { name: 'frame/id', in: 'query', type: 'string' }] }) },
      }),
    );
    const findings = run('param-uniqueness', text);
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [braceAbove(text, '"name": "extra"').line, braceAbove(text, '"name": "extra"').column],
      [braceAbove(text, '"name": "file"').line, braceAbove(text, '"name": "file"').column],
      [valueAt(text, '"name": "frame/id"').line, valueAt(text, '"name": "frame/id"').column],
    ]);
    expect(findings.map((f) => /\((\w+)\)$/.exec(f.message)?.[1])).toEqual([
      'OperationParametersContainMultipleBodyParameters',
      'ParameterListContainsFormDataAndBody',
      'OperationParameterNameIsAmbiguous',
    ]);
  });

  it('passes distinct parameters, the same name in two locations, and an operation overriding a path-level one', () => {
    const text = json(
      swagger({
        '/frames/{id}': {
          parameters: [pathParam('id')],
          get: op({ parameters: [pathParam('id', { description: 'override' }), { name: 'id', in: 'query', type: 'string' }] }),
        },
      }),
    );
    expect(run('param-uniqueness', text)).toEqual([]);
  });
});

describe('param-reserved', () => {
  it('rejects a parameter named connectionId (error), and warns about platform headers', () => {
    const text = json(
      swagger(
        {
          '/frames': {
            get: op({
              parameters: [
                { name: 'connectionId', in: 'query', type: 'string' },
                { name: 'Content-Length', in: 'header', type: 'integer' },
                { name: 'Authorization', in: 'header', type: 'string' },
              ],
            }),
          },
        },
        { securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
      ),
    );
    const findings = run('param-reserved', text, 'custom');
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'param-reserved', file: FILE, level: 'error', ...valueAt(text, '"name": "connectionId"') },
      { ruleId: 'param-reserved', file: FILE, level: 'warning', ...valueAt(text, '"name": "Content-Length"') },
      { ruleId: 'param-reserved', file: FILE, level: 'warning', ...valueAt(text, '"name": "Authorization"') },
    ]);
    expect(findings[0]?.message).toContain("is named 'connectionId', which the platform reserves");
  });

  it('passes ordinary names, and an Authorization header on a connector without security definitions', () => {
    const text = json(swagger({ '/frames': { get: op({ parameters: [{ name: 'connection', in: 'query', type: 'string' }, { name: 'Authorization', in: 'header', type: 'string' }] }) } }));
    expect(run('param-reserved', text)).toEqual([]);
  });
});

describe('param-body-schema', () => {
  it('reports a body without schema, a body with type, and a query parameter with schema', () => {
    const text = json(
      swagger({
        '/a': { post: op({ operationId: 'A', parameters: [{ name: 'frame', in: 'body', description: 'no schema' }] }) },
        '/b': { post: op({ operationId: 'B', parameters: [{ name: 'frame', in: 'body', type: 'object', schema: { type: 'object' } }] }) },
        '/c': { get: op({ operationId: 'C', parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }) },
      }),
    );
    const findings = run('param-body-schema', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'param-body-schema', file: FILE, level: 'error', ...braceAbove(text, '"name": "frame"') },
      { ruleId: 'param-body-schema', file: FILE, level: 'error', ...positionOf(text, '"type": "object"', 1) },
      { ruleId: 'param-body-schema', file: FILE, level: 'error', ...positionOf(text, '"schema"', 2) },
    ]);
    expect(findings.map((f) => /\((\w+)\)$/.exec(f.message)?.[1])).toEqual(['BodyParameterSchemaRequired', 'BodyParameterPropertyNotValid', 'NonBodyParameterSchemaNotValid']);
  });

  it('passes a body with a schema and typed non-body parameters', () => {
    const text = json(swagger({ '/a': { post: op({ parameters: [{ name: 'frame', in: 'body', schema: { type: 'object' } }, { name: 'q', in: 'query', type: 'string' }] }) } }));
    expect(run('param-body-schema', text)).toEqual([]);
  });
});

describe('param-file-binary', () => {
  it('reports file outside formData, nested string/binary, file inside a schema, non-ASCII form names and form-urlencoded files', () => {
    const text = json(
      swagger({
        '/a': { get: op({ operationId: 'A', parameters: [{ name: 'doc', in: 'query', type: 'file' }] }) },
        '/b': { post: op({ operationId: 'B', parameters: [{ name: 'frame', in: 'body', schema: { type: 'object', properties: { content: { type: 'string', format: 'binary' } } } }] }) },
        '/c': { get: op({ operationId: 'C', responses: { '200': { description: 'OK', schema: { type: 'object', properties: { blob: { type: 'file' } } } } } }) },
        '/d': { post: op({ operationId: 'D', consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'pièce', in: 'formData', type: 'file' }] }) },
      }),
    );
    const findings = run('param-file-binary', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual(inFileOrder([
      { ruleId: 'param-file-binary', file: FILE, level: 'error', ...valueAt(text, '"in": "query"') },
      { ruleId: 'param-file-binary', file: FILE, level: 'error', ...valueAt(text, '"name": "pièce"') },
      { ruleId: 'param-file-binary', file: FILE, level: 'error', ...valueAt(text, '"format": "binary"') },
      { ruleId: 'param-file-binary', file: FILE, level: 'error', ...valueAt(text, '"type": "file"', 2) },
      { ruleId: 'param-file-binary', file: FILE, level: 'error', ...braceAbove(text, '"name": "pièce"') },
    ]));
    expect(findings.find((f) => f.message.includes('InvalidStringBinaryProperty'))?.message).toBe(
      "property 'content' of the body of POST /b (B) is string/binary below the top level; binary content can only be a whole body, a formData parameter or a whole response (InvalidStringBinaryProperty)",
    );
  });

  it('passes a binary body, a file formData parameter, and binary or file responses', () => {
    const text = json(
      swagger({
        '/a': { post: op({ operationId: 'A', parameters: [{ name: 'content', in: 'body', schema: { type: 'string', format: 'binary' } }] }) },
        '/b': { post: op({ operationId: 'B', consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file' }] }) },
        '/c': { get: op({ operationId: 'C', responses: { '200': { description: 'OK', schema: { type: 'file' } } } }) },
        '/d': { get: op({ operationId: 'D', responses: { '200': { description: 'OK', schema: { type: 'string', format: 'binary' } } } }) },
      }),
    );
    expect(run('param-file-binary', text)).toEqual([]);
  });
});

describe('param-internal-defaults', () => {
  it('rejects internal required parameters and body properties without default (error), at x-ms-visibility', () => {
    const text = json(
      swagger({
        '/a': {
          post: op({
            parameters: [
              { name: 'mode', in: 'query', type: 'string', required: true, 'x-ms-visibility': 'internal' },
              {
                name: 'frame',
                in: 'body',
                schema: {
                  type: 'object',
                  required: ['kind', 'callback'],
                  properties: {
                    kind: { type: 'string', 'x-ms-visibility': 'internal' },
                    callback: { type: 'string', 'x-ms-visibility': 'internal', 'x-ms-notification-url': true },
                  },
                },
              },
            ],
          }),
        },
      }),
    );
    const findings = run('param-internal-defaults', text, 'custom');
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'param-internal-defaults', file: FILE, level: 'error', ...valueAt(text, '"x-ms-visibility": "internal"', 1) },
      { ruleId: 'param-internal-defaults', file: FILE, level: 'error', ...valueAt(text, '"x-ms-visibility": "internal"', 2) },
    ]);
    expect(findings[1]?.message).toContain("property 'kind' of the body of POST /a (GetFrame) is internal and required but has no default");
  });

  it('recommends "required" for internal values with a default, and the fixes make them required', () => {
    const text = json(
      swagger({
        '/a': {
          post: op({
            parameters: [
              { name: 'mode', in: 'query', type: 'string', default: 'fast', 'x-ms-visibility': 'internal' },
              { name: 'frame', in: 'body', schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, kind: { type: 'string', default: 'a', 'x-ms-visibility': 'internal' } } } },
            ],
          }),
        },
      }),
    );
    const findings = run('param-internal-defaults', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'param-internal-defaults', file: FILE, level: 'warning', ...braceAbove(text, '"name": "mode"') },
      { ruleId: 'param-internal-defaults', file: FILE, level: 'warning', ...valueAt(text, '"x-ms-visibility": "internal"', 2) },
    ]);
    let fixed = roundTrip('param-internal-defaults', text, findings[1]);
    fixed = roundTrip('param-internal-defaults', fixed, run('param-internal-defaults', fixed)[0]);
    expect(run('param-internal-defaults', fixed)).toEqual([]);
    const value = JSON.parse(fixed) as { paths: { '/a': { post: { parameters: Json[] } } } };
    expect(value.paths['/a'].post.parameters[0]).toMatchObject({ required: true });
    expect(value.paths['/a'].post.parameters[1]).toMatchObject({ schema: { required: ['name', 'kind'] } });
  });

  it('passes internal required values with defaults and visible ones', () => {
    const text = json(swagger({ '/a': { get: op({ parameters: [{ name: 'mode', in: 'query', type: 'string', required: true, default: 'fast', 'x-ms-visibility': 'internal' }, { name: 'q', in: 'query', type: 'string', required: true }] }) } }));
    expect(run('param-internal-defaults', text)).toEqual([]);
  });
});

describe('param-keywords', () => {
  it('reports allowEmptyValue outside query/formData (with a removal fix) and unknown or misplaced collection formats', () => {
    const text = json(
      swagger({
        '/a': {
          get: op({
            parameters: [
              { name: 'h', in: 'header', type: 'string', allowEmptyValue: true },
              { name: 'tags', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'comma' },
              { name: 'ids', in: 'header', type: 'array', items: { type: 'string' }, collectionFormat: 'multi' },
              { name: 'sizes', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'pipes', uniqueItems: true },
            ],
          }),
        },
      }),
    );
    const findings = run('param-keywords', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'param-keywords', file: FILE, level: 'error', ...positionOf(text, '"allowEmptyValue"') },
      { ruleId: 'param-keywords', file: FILE, level: 'error', ...valueAt(text, '"collectionFormat": "comma"') },
      { ruleId: 'param-keywords', file: FILE, level: 'error', ...valueAt(text, '"collectionFormat": "multi"') },
      { ruleId: 'param-keywords', file: FILE, level: 'warning', ...valueAt(text, '"collectionFormat": "pipes"') },
      { ruleId: 'param-keywords', file: FILE, level: 'warning', ...positionOf(text, '"uniqueItems"') },
    ]);
    const fixed = roundTrip('param-keywords', text, findings[0]);
    expect(fixed).not.toContain('allowEmptyValue');
  });

  it('passes csv and multi where they belong, and allowEmptyValue on a query parameter', () => {
    const text = json(swagger({ '/a': { get: op({ parameters: [{ name: 'q', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi', allowEmptyValue: true }, { name: 'h', in: 'header', type: 'array', items: { type: 'string' }, collectionFormat: 'csv' }] }) } }));
    expect(run('param-keywords', text)).toEqual([]);
  });
});

describe('schema-types', () => {
  it('reports unknown types, arrays without items, mistyped defaults (with a fix) and bad required lists', () => {
    const text = json(
      swagger(
        { '/a': { get: op({ parameters: [{ name: 'top', in: 'query', type: 'integer', format: 'int16', default: '10' }] }) } },
        {
          definitions: {
            Frame: {
              type: 'object',
              required: ['id', 'ghost'],
              properties: { id: { type: 'str' }, tags: { type: 'array' }, flag: { type: 'boolean', default: 'false' } },
            },
            List: { type: 'array', items: { type: 'string' }, required: ['id'] },
            Empty: { type: 'object', required: [], properties: { a: { type: 'string' } } },
          },
        },
      ),
    );
    const findings = run('schema-types', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'schema-types', file: FILE, level: 'warning', ...valueAt(text, '"format": "int16"') },
      { ruleId: 'schema-types', file: FILE, level: 'error', ...valueAt(text, '"default": "10"') },
      { ruleId: 'schema-types', file: FILE, level: 'error', ...positionOf(text, '"ghost"') },
      { ruleId: 'schema-types', file: FILE, level: 'error', ...valueAt(text, '"type": "str"') },
      { ruleId: 'schema-types', file: FILE, level: 'error', ...valueAt(text, '"type": "array"', 1) },
      { ruleId: 'schema-types', file: FILE, level: 'error', ...valueAt(text, '"default": "false"') },
      { ruleId: 'schema-types', file: FILE, level: 'error', ...positionOf(text, '"required"', 2) },
      { ruleId: 'schema-types', file: FILE, level: 'error', ...positionOf(text, '"required"', 3) },
    ]);
    expect(findings[5]?.message).toBe(
      "property 'flag' of #/definitions/Frame has a default of type string but is of type boolean; write it as false (DefaultValueMustMatchType)",
    );
    const fixed = roundTrip('schema-types', text, findings[5]);
    expect(JSON.parse(fixed)).toMatchObject({ definitions: { Frame: { properties: { flag: { default: false } } } } });
    expect(JSON.parse(roundTrip('schema-types', text, findings[1]))).toMatchObject({ paths: { '/a': { get: { parameters: [{ default: 10 }] } } } });
    expect(JSON.parse(roundTrip('schema-types', text, findings[7]))).toMatchObject({ definitions: { Empty: { type: 'object' } } });
  });

  it('rejects read-only required properties in requests and discriminators that are not required strings', () => {
    const frame = { type: 'object', required: ['id'], discriminator: 'kind', properties: { id: { type: 'string', readOnly: true }, kind: { type: 'string' } } };
    const text = json(
      swagger(
        { '/a': { post: op({ parameters: [{ name: 'frame', in: 'body', schema: { $ref: '#/definitions/Frame' } }] }) } },
        { definitions: { Frame: frame } },
      ),
    );
    const findings = run('schema-types', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'schema-types', file: FILE, level: 'error', ...positionOf(text, '"id"', 1) },
      { ruleId: 'schema-types', file: FILE, level: 'error', ...valueAt(text, '"discriminator": "kind"') },
    ]);
    expect(findings[0]?.message).toContain("#/definitions/Frame requires the read-only property 'id' in a request");
    // In a response a read-only required property is fine, and a required string discriminator passes.
    const response = json(
      swagger(
        { '/a': { get: op({ responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Frame' } } } }) } },
        { definitions: { Frame: { ...frame, required: ['id', 'kind'] } } },
      ),
    );
    expect(run('schema-types', response)).toEqual([]);
  });

  it('reports a required name that neither the schema nor its allOf members define', () => {
    const text = json(
      swagger(
        { '/a': { get: op({ responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Node' } } } }) } },
        {
          definitions: {
            Base: { type: 'object', properties: { id: { type: 'string' } } },
            Node: { allOf: [{ $ref: '#/definitions/Base' }], type: 'object', required: ['id', 'size', 'missing'], properties: { size: { type: 'number' } } },
          },
        },
      ),
    );
    expect(run('schema-types', text).map((f) => f.message)).toEqual([
      "#/definitions/Node requires 'missing', which is not among its properties; define it or remove it from \"required\" (RequiredPropertyDefinitionMissing)",
    ]);
  });

  it('passes well-typed schemas, allOf-provided required properties and recursive schemas', () => {
    const text = json(
      swagger(
        { '/a': { get: op({ parameters: [{ name: 'top', in: 'query', type: 'integer', format: 'int32', default: 10 }], responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Node' } } } }) } },
        {
          definitions: {
            Base: { type: 'object', properties: { id: { type: 'string' } } },
            Node: { allOf: [{ $ref: '#/definitions/Base' }], type: 'object', required: ['id', 'children'], properties: { children: { type: 'array', items: { $ref: '#/definitions/Node' } }, size: { type: 'number', format: 'double', default: 1 } } },
          },
        },
      ),
    );
    expect(run('schema-types', text)).toEqual([]);
  });
});

describe('schema-enums', () => {
  it('reports empty enums, duplicates (with a fix), mistyped values and bad x-ms-enum-values', () => {
    const text = json(
      swagger(
        { '/a': { get: op({ parameters: [{ name: 'mode', in: 'query', type: 'string', enum: [] }] }) } },
        {
          definitions: {
            Frame: {
              type: 'object',
              properties: {
                size: { type: 'integer', enum: [1, 2, 2, '3'] },
                color: {
                  type: 'string',
                  enum: ['red', 'blue'],
                  'x-ms-enum-values': [{ value: 'red' }, { value: 'green', displayName: 'Green' }, { value: 'red', displayName: 'Red' }],
                },
              },
            },
          },
        },
      ),
    );
    const findings = run('schema-enums', text);
    const duplicateLine = lineOf(text, '"enum": [', 2) + 3;
    const duplicate = { line: duplicateLine, column: (text.split('\n')[duplicateLine - 1] as string).indexOf('2') + 1 };
    expect((text.split('\n')[duplicateLine - 2] as string).trim()).toBe('2,');
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'schema-enums', file: FILE, level: 'error', ...positionOf(text, '"enum": []') },
      { ruleId: 'schema-enums', file: FILE, level: 'error', ...duplicate },
      { ruleId: 'schema-enums', file: FILE, level: 'error', ...positionOf(text, '"3"') },
      { ruleId: 'schema-enums', file: FILE, level: 'error', ...braceAbove(text, '"value": "red"') },
      { ruleId: 'schema-enums', file: FILE, level: 'error', ...valueAt(text, '"value": "green"') },
      { ruleId: 'schema-enums', file: FILE, level: 'error', ...valueAt(text, '"value": "red"', 2) },
    ]);
    expect(findings.map((f) => /\((\w+)\)$/.exec(f.message)?.[1])).toEqual([
      'EnumMustContainAtLeastOneElement',
      'ArrayDuplicateValue',
      'InvalidEnumValue',
      'MissingEnumValuesDisplayName',
      'InvalidEnumValuesExtensionValue',
      'DuplicateEnumValuesInExtension',
    ]);
    const fixed = roundTrip('schema-enums', text, findings[1]);
    expect(JSON.parse(fixed)).toMatchObject({ definitions: { Frame: { properties: { size: { enum: [1, 2, '3'] } } } } });
    expect(JSON.parse(roundTrip('schema-enums', fixed, run('schema-enums', fixed)[1]))).toMatchObject({ definitions: { Frame: { properties: { size: { enum: [1, 2, 3] } } } } });
  });

  it('passes unique, typed enums with matching x-ms-enum-values', () => {
    const text = json(swagger({ '/a': { get: op({ parameters: [{ name: 'mode', in: 'query', type: 'string', enum: ['a', 'b'], 'x-ms-enum-values': [{ value: 'a', displayName: 'A' }, { value: 'b', displayName: 'B' }] }] }) } }));
    expect(run('schema-enums', text)).toEqual([]);
  });
});

describe('schema-constraints', () => {
  it('reports inverted ranges, negative counts, multipleOf 0, lone exclusive bounds (with a fix) and invalid patterns', () => {
    const text = json(
      swagger(
        { '/a': { get: op({ parameters: [{ name: 'q', in: 'query', type: 'string', minLength: 5, maxLength: 2, pattern: '([a-z]' }] }) } },
        { definitions: { Frame: { type: 'object', properties: { n: { type: 'number', maxItems: -1, multipleOf: 0, exclusiveMaximum: true } } } } },
      ),
    );
    const findings = run('schema-constraints', text, 'custom');
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'schema-constraints', file: FILE, level: 'error', ...valueAt(text, '"minLength": 5') },
      { ruleId: 'schema-constraints', file: FILE, level: 'error', ...valueAt(text, '"pattern": "([a-z]"') },
      { ruleId: 'schema-constraints', file: FILE, level: 'error', ...valueAt(text, '"maxItems": -1') },
      { ruleId: 'schema-constraints', file: FILE, level: 'error', ...valueAt(text, '"multipleOf": 0') },
      { ruleId: 'schema-constraints', file: FILE, level: 'error', ...positionOf(text, '"exclusiveMaximum"') },
    ]);
    expect(findings[1]?.message).toContain("parameter 'q' of GET /a (GetFrame) has the pattern '([a-z]', which is not a valid regular expression");
    const fixed = roundTrip('schema-constraints', text, findings[4]);
    expect(fixed).not.toContain('exclusiveMaximum');
  });

  it('warns about empty text values with a removal fix, but leaves parameter text to the completeness rules', () => {
    const text = json(
      swagger(
        { '/a': { get: op({ parameters: [{ name: 'q', in: 'query', type: 'string', description: '' }] }) } },
        { definitions: { Frame: { type: 'object', title: '', properties: { id: { type: 'string', format: '' } } } } },
      ),
    );
    const findings = run('schema-constraints', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'schema-constraints', file: FILE, level: 'warning', ...valueAt(text, '"title": ""') },
      { ruleId: 'schema-constraints', file: FILE, level: 'warning', ...valueAt(text, '"format": ""') },
    ]);
    expect(findings[0]?.message).toBe('#/definitions/Frame has an empty title; write a value or remove the key (RequiredValueEmpty)');
    let fixed = roundTrip('schema-constraints', text, findings[1]);
    fixed = roundTrip('schema-constraints', fixed, run('schema-constraints', fixed)[0]);
    expect(run('schema-constraints', fixed)).toEqual([]);
    expect(JSON.parse(fixed)).toMatchObject({ definitions: { Frame: { type: 'object', properties: { id: { type: 'string' } } } } });
  });

  it('checks both the constraints and the text of one schema, once however many roles reach it', () => {
    const shared = { type: 'object', title: '', minProperties: 3, maxProperties: 1, properties: { id: { type: 'string' } } };
    const text = json(
      swagger(
        {
          '/a': {
            post: op({
              parameters: [{ name: 'frame', in: 'body', schema: { $ref: '#/definitions/Frame' } }],
              responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Frame' } } },
            }),
          },
        },
        { definitions: { Frame: shared } },
      ),
    );
    expect(run('schema-constraints', text).map((f) => [f.level, /\((\w+)\)$/.exec(f.message)?.[1] ?? f.message])).toEqual([
      ['warning', 'RequiredValueEmpty'],
      ['error', '#/definitions/Frame has minProperties 3 above maxProperties 1; swap or correct them'],
    ]);
  });

  it('passes consistent constraints, .NET-only patterns it cannot judge, and valid patterns', () => {
    const text = json(
      swagger({
        '/a': {
          get: op({
            parameters: [
              { name: 'q', in: 'query', type: 'string', minLength: 1, maxLength: 10, pattern: '^[a-z]+$' },
              { name: 'r', in: 'query', type: 'string', pattern: '(?i)^abc$' },
              { name: 'n', in: 'query', type: 'number', minimum: 0, maximum: 5, exclusiveMaximum: true, multipleOf: 0.5 },
            ],
          }),
        },
      }),
    );
    expect(run('schema-constraints', text)).toEqual([]);
  });
});

describe('dynamic-extensions', () => {
  const lookup = (overrides: Json = {}): Json =>
    op({
      operationId: 'ListKinds',
      'x-ms-visibility': 'internal',
      parameters: [{ name: 'region', in: 'query', type: 'string', required: true }],
      responses: { '200': { description: 'OK', schema: { type: 'object', properties: { value: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } } } } } },
      ...overrides,
    });

  it('reports unknown operations, unknown parameters, unresolved references and missing required arguments', () => {
    const text = json(
      swagger({
        '/kinds': { get: lookup() },
        '/frames': {
          post: op({
            operationId: 'AddFrame',
            parameters: [
              { name: 'region', in: 'query', type: 'string' },
              { name: 'kind', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'ListKind', parameters: {} } },
              {
                name: 'shape',
                in: 'query',
                type: 'string',
                'x-ms-dynamic-values': { operationId: 'ListKinds', 'value-collection': 'value', 'value-path': 'id', parameters: { area: { parameter: 'region' }, region: { parameter: 'zone' } } },
              },
              { name: 'color', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'ListKinds', 'value-collection': 'value', parameters: {} } },
            ],
          }),
        },
      }),
    );
    const findings = run('dynamic-extensions', text, 'custom');
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...valueAt(text, '"operationId": "ListKind"') },
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...positionOf(text, '"area"') },
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...valueAt(text, '"parameter": "zone"') },
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...positionOf(text, '"parameters": {}', 2) },
    ]);
    expect(findings[0]?.message).toBe(
      "x-ms-dynamic-values calls the operationId 'ListKind', which no operation in this file has; use an existing operationId (OperationIdNotFound)",
    );
    expect(findings[3]?.message).toContain("calls GET /kinds (ListKinds) without its required parameter 'region'");
  });

  it('checks response paths (warnings), body-parameter declarations, itemValuePath (with a fix), trees and dictionary editors', () => {
    const text = json(
      swagger({
        '/kinds': { get: lookup({ parameters: [] }) },
        '/frames': {
          post: op({
            operationId: 'AddFrame',
            parameters: [
              { name: 'kind', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'ListKinds', 'value-collection': 'items', parameters: {} } },
              {
                name: 'frame',
                in: 'body',
                'x-ms-dynamic-schema': { operationId: 'ListKinds', parameters: {} },
                schema: {
                  type: 'object',
                  'x-ms-dynamic-schema': { operationId: 'ListKinds', parameters: {}, 'value-path': 'value/properties' },
                  'x-ms-dynamic-properties': { operationId: 'ListKinds', parameters: {}, itemValuePath: 'value/properties' },
                  properties: {
                    tags: { type: 'string', 'x-ms-editor': 'dictionary' },
                    file: { type: 'string', 'x-ms-dynamic-tree': { settings: {}, open: { operationId: 'Browse', selectedItemValuePath: 'id' }, browse: { operationId: 'ListKinds' } } },
                  },
                },
              },
            ],
          }),
        },
      }),
    );
    const findings = run('dynamic-extensions', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual(inFileOrder([
      { ruleId: 'dynamic-extensions', file: FILE, level: 'warning', ...valueAt(text, '"value-collection": "items"') },
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...positionOf(text, '"x-ms-dynamic-schema"', 1) },
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...valueAt(text, '"itemValuePath": "value/properties"') },
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...valueAt(text, '"operationId": "Browse"') },
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...positionOf(text, '"selectedItemValuePath"') },
      { ruleId: 'dynamic-extensions', file: FILE, level: 'error', ...valueAt(text, '"x-ms-editor": "dictionary"') },
    ]));
    const mismatch = findings.find((f) => f.message.includes('DynamicPropertiesItemValuePathMismatch'));
    expect(mismatch?.message).toContain('use "value"');
    const fixed = roundTrip('dynamic-extensions', text, mismatch);
    expect(JSON.parse(fixed)).toMatchObject({ paths: { '/frames': { post: { parameters: [{}, { schema: { 'x-ms-dynamic-properties': { itemValuePath: 'value' } } }] } } } });
  });

  it('recommends x-ms-dynamic-list for references to body properties, and passes correct extensions', () => {
    const body = (extra: Json): Json => ({
      name: 'frame',
      in: 'body',
      schema: {
        type: 'object',
        properties: {
          region: { type: 'string' },
          kind: { type: 'string', 'x-ms-dynamic-values': { operationId: 'ListKinds', 'value-collection': 'value', 'value-path': 'id', 'value-title': 'name', parameters: { region: { parameter: 'region' } } }, ...extra },
        },
      },
    });
    const text = json(swagger({ '/kinds': { get: lookup() }, '/frames': { post: op({ operationId: 'AddFrame', parameters: [body({})] }) } }));
    const findings = run('dynamic-extensions', text);
    expect(findings.map(RULE_ID_FIELDS)).toEqual([{ ruleId: 'dynamic-extensions', file: FILE, level: 'warning', ...valueAt(text, '"parameter": "region"') }]);
    expect(findings[0]?.message).toContain('DynamicListExtensionRequiredForNonParameterReferences');
    const list = { 'x-ms-dynamic-list': { operationId: 'ListKinds', itemsPath: 'value', itemValuePath: 'id', itemTitlePath: 'name', parameters: { region: { parameterReference: 'frame/region' } } } };
    expect(run('dynamic-extensions', json(swagger({ '/kinds': { get: lookup() }, '/frames': { post: op({ operationId: 'AddFrame', parameters: [body(list)] }) } })))).toEqual([]);
  });
});

describe('test-values-no-secrets', () => {
  it('flags key-like test values (warning) and known credential formats (error) without printing them', () => {
    const key = '9f86d081884c7d659a2feaa0c55ad015';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const text = json(
      swagger(
        { '/a': { get: op({ parameters: [{ name: 'apiKey', in: 'query', type: 'string', 'x-ms-test-value': key }] }) } },
        { definitions: { Login: { type: 'object', properties: { session: { type: 'string', example: jwt } }, example: { session: 'x', card: '4929 1234 5678 9015' } } } },
      ),
    );
    const findings = run('test-values-no-secrets', text, 'custom');
    expect(findings.map(RULE_ID_FIELDS)).toEqual([
      { ruleId: 'test-values-no-secrets', file: FILE, level: 'warning', ...valueAt(text, `"x-ms-test-value": "${key}"`) },
      { ruleId: 'test-values-no-secrets', file: FILE, level: 'error', ...valueAt(text, `"example": "${jwt}"`) },
      { ruleId: 'test-values-no-secrets', file: FILE, level: 'error', ...valueAt(text, '"card": "4929') },
    ]);
    expect(findings[0]?.message).toBe(
      'the x-ms-test-value of parameter \'apiKey\' of GET /a (GetFrame) looks like an API key (32 hex characters); replace it with an obvious placeholder such as "<apiKey>" and never commit real credentials or personal data',
    );
    expect(findings[1]?.message).toContain("the example of property 'session' of #/definitions/Login looks like a JSON Web Token");
    expect(findings[2]?.message).toContain("at 'card' looks like a payment card number");
    for (const finding of findings) {
      expect(finding.message).not.toContain(key);
      expect(finding.message).not.toContain(jwt.slice(0, 20));
      expect(finding.message).not.toContain('4929');
    }
  });

  it('passes placeholders, GUIDs, ids, URLs, test cards and ordinary text', () => {
    const text = json(
      swagger(
        { '/a': { get: op({ parameters: [{ name: 'apiKey', in: 'query', type: 'string', 'x-ms-test-value': '<your-api-key>' }, { name: 'token', in: 'query', type: 'string', 'x-ms-test-value': 'xxxxxxxxxxxxxxxxxxxxxxxx' }] }) } },
        {
          definitions: {
            Item: {
              type: 'object',
              example: {
                id: '0D25A738-155D-451F-67D31ADD6827D16D',
                key: '9907a65d-60b0-43dd-a215-8d3c2e0f2a32',
                url: 'https://www.nps.gov/common/uploads/event_calendar/1B853925-E059-D529-0C87BCF597BE816B.jpg',
                card: '4111 1111 1111 1111',
                nextPageToken: 'CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA',
                text: 'A frame made of oak, 30 by 40 centimetres.',
              },
            },
          },
        },
      ),
    );
    expect(run('test-values-no-secrets', text)).toEqual([]);
  });

  it('recognises common credential shapes and leaves near misses alone', () => {
    expect(suspicion('AKIAABCDEFGHIJKLMNOP', 'x')).toEqual({ what: 'an AWS access key ID', certain: true });
    expect(suspicion('-----BEGIN RSA PRIVATE KEY-----\nMIIE', 'cert')?.what).toBe('a private key (PEM block)');
    expect(suspicion('https://admin:hunter22@db.contoso.com/', 'url')?.what).toBe('a URL with a user name and password');
    expect(suspicion('Zx8Qa1Lm3Np7Rt9Vb2Wc4Yd6Fg8Hj0Kl5Mn', 'blob')?.what).toBe('a secret (35 random-looking characters)');
    expect(suspicion('d41d8cd98f00b204e9800998ecf8427e', 'checksum')).toBeUndefined();
    expect(suspicion('AKIAIOSFODNN7EXAMPLE', 'x')).toBeUndefined();
    expect(suspicion('PowerAutomateSalesOrdersAndInvoices2024', 'topic')).toBeUndefined();
  });
});

describe('robustness', () => {
  const RULES = ['param-path', 'param-url-encoding', 'param-uniqueness', 'param-reserved', 'param-body-schema', 'param-file-binary', 'param-internal-defaults', 'param-keywords', 'schema-types', 'schema-enums', 'schema-constraints', 'dynamic-extensions', 'test-values-no-secrets'];

  it('survives schema cycles and a 10,000-long $ref chain quickly, without internal errors', () => {
    const definitions: Json = {
      A: { type: 'object', required: ['b'], properties: { b: { $ref: '#/definitions/B' }, self: { $ref: '#/definitions/A' } } },
      B: { type: 'object', properties: { a: { $ref: '#/definitions/A' }, list: { type: 'array', items: { $ref: '#/definitions/B' } } } },
      Loop1: { $ref: '#/definitions/Loop2' },
      Loop2: { $ref: '#/definitions/Loop1' },
    };
    for (let i = 0; i < 10_000; i++) definitions[`C${i}`] = { $ref: `#/definitions/C${i + 1}` };
    definitions['C10000'] = { type: 'string', enum: ['a', 'a'] };
    const text = json(
      swagger(
        {
          '/a': {
            post: op({
              parameters: [
                { name: 'body', in: 'body', schema: { $ref: '#/definitions/A' } },
                { name: 'q', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'GetFrame', 'value-collection': 'x/y', parameters: {} } },
              ],
              responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/C0' } } },
            }),
          },
        },
        { definitions, parameters: { P: { $ref: '#/parameters/P' } } },
      ),
    );
    const started = Date.now();
    const report = gate(writeTree({ [FILE]: text }), { profile: 'certified' });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report.internalErrors).toEqual([]);
    const ours = report.connectors.flatMap((c) => c.findings).filter((f) => RULES.includes(f.ruleId));
    // The enum at the end of the chain is too far to follow from C0 but is still checked as a definition.
    expect(ours.filter((f) => f.ruleId === 'schema-enums').map((f) => f.line)).toEqual([lineOf(text, '"enum": [') + 2]);
  });
});
