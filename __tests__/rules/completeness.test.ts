import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { findingsOf, json, lineOf, positionOf } from '../helpers.js';

const FILE = 'Contoso Frames/apiDefinition.swagger.json';

type Json = Record<string, unknown>;

/** A minimal swagger around the given paths (and optional #/parameters, #/definitions). */
function swagger(paths: Json, extra: Json = {}): Json {
  return { swagger: '2.0', info: { title: 'Contoso Frames', version: '1.0' }, host: 'api.contoso.com', paths, ...extra };
}

/** A complete, visible operation; override or delete keys per test. */
function op(overrides: Json = {}): Json {
  return {
    'x-ms-visibility': 'important',
    summary: 'Get a frame',
    description: 'Gets one frame by its identifier.',
    operationId: 'GetFrame',
    responses: { '200': { description: 'OK' } },
    ...overrides,
  };
}

function without(object: Json, ...keys: string[]): Json {
  const copy = { ...object };
  for (const key of keys) delete copy[key];
  return copy;
}

function run(ruleId: string, text: string, profile: 'certified' | 'independent-publisher' | 'custom' = 'certified'): Finding[] {
  return findingsOf(ruleId, { [FILE]: text }, { profile });
}

/** Where a finding on the `{` of the array item holding `needle` lands (the line above, at the brace). */
function braceAbove(text: string, needle: string): { line: number; column: number } {
  const line = lineOf(text, needle) - 1;
  const content = text.split('\n')[line - 1] as string;
  expect(content.trim()).toBe('{');
  return { line, column: content.indexOf('{') + 1 };
}

function applyFix(text: string, finding: Finding): string {
  const fix = finding.fix;
  if (!fix) throw new Error(`no fix on ${finding.message}`);
  return text.slice(0, fix.offset) + fix.text + text.slice(fix.offset + fix.length);
}

describe('op-summary-required', () => {
  it('reports an operation without summary at its method key, error for certified', () => {
    const text = json(swagger({ '/frames/{id}': { get: without(op(), 'summary') } }));
    const findings = run('op-summary-required', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'op-summary-required',
      criterion: 'completeness',
      level: 'error',
      file: FILE,
      line: lineOf(text, '"get": {'),
      column: 7,
      pointer: '/paths/~1frames~1{id}/get',
    });
    expect(findings[0]?.message).toBe(
      'GET /frames/{id} (GetFrame) has no summary; add "summary": a short action name in sentence case, e.g. "Get a frame"',
    );
  });

  it('points at an empty summary, and is a warning for custom connectors and internal operations', () => {
    const text = json(swagger({ '/frames': { get: op({ summary: '  ' }) } }));
    const certified = run('op-summary-required', text);
    expect(certified).toMatchObject([{ level: 'error', line: lineOf(text, '"summary": "  "'), column: 20 }]);
    expect(certified[0]?.message).toContain('has an empty summary');
    expect(run('op-summary-required', text, 'independent-publisher')).toMatchObject([{ level: 'error' }]);
    expect(run('op-summary-required', text, 'custom')).toMatchObject([{ level: 'warning' }]);
    const internal = json(swagger({ '/frames': { get: op({ summary: '', 'x-ms-visibility': 'internal' }) } }));
    expect(run('op-summary-required', internal)).toMatchObject([{ level: 'warning' }]);
  });

  it('passes operations with a summary', () => {
    expect(run('op-summary-required', json(swagger({ '/frames': { get: op(), post: op({ operationId: 'AddFrame' }) } })))).toEqual([]);
  });
});

describe('op-description', () => {
  it('reports a missing description at the method key: error certified, warning custom', () => {
    const text = json(swagger({ '/frames': { get: op(), post: without(op({ operationId: 'AddFrame' }), 'description') } }));
    const findings = run('op-description', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'op-description', level: 'error', file: FILE, line: lineOf(text, '"post": {'), column: 7 });
    expect(findings[0]?.message).toContain('POST /frames (AddFrame) has no description');
    expect(run('op-description', text, 'custom')).toMatchObject([{ level: 'warning' }]);
  });

  it('recommends a description that says more than the summary (warning, at the description)', () => {
    const text = json(swagger({ '/frames': { get: op({ summary: 'Get a frame', description: 'Get a Frame.' }) } }));
    const findings = run('op-description', text);
    expect(findings).toMatchObject([
      { ruleId: 'op-description', level: 'warning', line: lineOf(text, '"description": "Get a Frame."'), column: 24 },
    ]);
    expect(findings[0]?.message).toContain("identical to its summary 'Get a frame'");
  });

  it('ignores a final run of periods and exclamation marks, and only that run, when comparing', () => {
    const same = json(swagger({ '/frames': { get: op({ summary: 'Get a frame', description: ' get a FRAME!.!. ' }) } }));
    expect(run('op-description', same)).toMatchObject([{ ruleId: 'op-description', level: 'warning', line: lineOf(same, '"description": " get a FRAME!.!. "'), column: 24 }]);
    // A space inside the final punctuation ends the run: "get a frame." is more than "get a frame".
    const different = json(swagger({ '/frames': { get: op({ summary: 'Get a frame', description: 'Get a frame. !' }) } }));
    expect(run('op-description', different)).toEqual([]);
  });

  it('passes a description that differs from the summary', () => {
    expect(run('op-description', json(swagger({ '/frames': { get: op() } })))).toEqual([]);
  });
});

describe('param-x-ms-summary', () => {
  const visible = { name: 'top', in: 'query', type: 'integer', description: 'How many frames to return.' };

  it('reports a non-body parameter without x-ms-summary at the parameter object: error certified, warning custom', () => {
    const text = json(swagger({ '/frames': { get: op({ parameters: [{ ...visible }] }) } }));
    const findings = run('param-x-ms-summary', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'param-x-ms-summary',
      level: 'error',
      file: FILE,
      ...braceAbove(text, '"name": "top"'),
      pointer: '/paths/~1frames/get/parameters/0',
    });
    expect(findings[0]?.message).toBe(
      "parameter 'top' (query) of GET /frames (GetFrame) has no x-ms-summary; add \"x-ms-summary\": the field label users see, short and in Title Case",
    );
    expect(run('param-x-ms-summary', text, 'independent-publisher')).toMatchObject([{ level: 'error' }]);
    expect(run('param-x-ms-summary', text, 'custom')).toMatchObject([{ level: 'warning' }]);
  });

  it('reports a $ref-ed #/parameters definition once, at the definition', () => {
    const apiVersion = { name: 'api-version', in: 'query', type: 'string', required: true, description: 'The API version.' };
    const ref = { $ref: '#/parameters/ApiVersion' };
    const text = json(
      swagger(
        {
          '/frames': { get: op({ parameters: [ref] }), post: op({ operationId: 'AddFrame', parameters: [ref] }) },
          '/frames/{id}': { delete: op({ operationId: 'DeleteFrame', parameters: [ref] }) },
        },
        { parameters: { ApiVersion: apiVersion } },
      ),
    );
    const findings = run('param-x-ms-summary', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      level: 'error',
      line: lineOf(text, '"ApiVersion": {'),
      column: 5,
      pointer: '/parameters/ApiVersion',
    });
    expect(findings[0]?.message).toContain("parameter 'api-version' (query) in #/parameters/ApiVersion, used by 3 operations, has no x-ms-summary");
  });

  it('recommends x-ms-summary on a body shown as one field (warning), not on a body shown as its properties', () => {
    const fileBody = { name: 'file', in: 'body', required: true, description: 'The file.', schema: { type: 'string', format: 'binary' } };
    const objectBody = { name: 'frame', in: 'body', schema: { type: 'object', properties: { name: { type: 'string' } } } };
    const text = json(
      swagger({
        '/files': { post: op({ operationId: 'Upload', parameters: [fileBody] }) },
        '/frames': { post: op({ operationId: 'AddFrame', parameters: [objectBody] }) },
      }),
    );
    const findings = run('param-x-ms-summary', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'warning', ...braceAbove(text, '"name": "file"') });
    expect(findings[0]?.message).toContain('(recommended for body parameters)');
  });

  it('skips internal parameters and parameters only internal operations use', () => {
    const hidden = { name: 'format', in: 'query', type: 'string', required: true, default: 'json', 'x-ms-visibility': 'internal' };
    const text = json(
      swagger({
        '/frames': { get: op({ parameters: [hidden] }) },
        '/hooks/{id}': { delete: op({ operationId: 'DeleteHook', 'x-ms-visibility': 'internal', parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }] }) },
      }),
    );
    expect(run('param-x-ms-summary', text)).toEqual([]);
  });

  it('passes parameters with x-ms-summary', () => {
    const text = json(swagger({ '/frames': { get: op({ parameters: [{ ...visible, 'x-ms-summary': 'Top' }] }) } }));
    expect(run('param-x-ms-summary', text)).toEqual([]);
  });
});

describe('param-description', () => {
  it('reports a non-body parameter without description (error) and a one-field body without one (warning)', () => {
    const text = json(
      swagger({
        '/frames/{id}': {
          put: op({
            operationId: 'SetFrame',
            parameters: [
              { name: 'id', in: 'path', required: true, type: 'string', 'x-ms-summary': 'Frame ID', description: '' },
              { name: 'tags', in: 'body', 'x-ms-summary': 'Tags', schema: { type: 'array', items: { type: 'string' } } },
            ],
          }),
        },
      }),
    );
    const findings = run('param-description', text);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ ruleId: 'param-description', level: 'error', ...positionOf(text, '""', 1) });
    expect(findings[0]).toMatchObject({ line: lineOf(text, '"description": ""') });
    expect(findings[0]?.message).toContain("parameter 'id' (path) of PUT /frames/{id} (SetFrame) has an empty description");
    expect(findings[1]).toMatchObject({ level: 'warning', ...braceAbove(text, '"name": "tags"') });
    expect(run('param-description', text, 'custom').map((f) => f.level)).toEqual(['warning', 'warning']);
  });

  it('reports a $ref-ed path-level parameter once and passes described ones', () => {
    const text = json(
      swagger(
        { '/frames/{id}': { parameters: [{ $ref: '#/parameters/Id' }], get: op(), delete: op({ operationId: 'DeleteFrame' }) } },
        { parameters: { Id: { name: 'id', in: 'path', required: true, type: 'string', 'x-ms-summary': 'Frame ID' } } },
      ),
    );
    expect(run('param-description', text)).toMatchObject([{ line: lineOf(text, '"Id": {'), column: 5 }]);
    const fixed = text.replace('"x-ms-summary": "Frame ID"', '"x-ms-summary": "Frame ID", "description": "The frame."');
    expect(run('param-description', fixed)).toEqual([]);
  });
});

describe('response-property-metadata', () => {
  const frame = {
    type: 'object',
    properties: {
      id: { type: 'string', 'x-ms-summary': 'Frame ID', description: 'The frame identifier.' },
      width: { type: 'integer', 'x-ms-summary': 'Width' },
      owner: { $ref: '#/definitions/Owner' },
    },
  };
  const owner = { type: 'object', properties: { name: { type: 'string', 'x-ms-summary': 'Owner Name', description: 'Who owns it.' } } };
  const team = { type: 'object', properties: { lead: { $ref: '#/definitions/Owner' }, name: { type: 'string', 'x-ms-summary': 'Name', description: 'The team name.' } } };

  it('reports each property once: inline ones at their key, $ref-ed ones at the definition', () => {
    const response = { '200': { description: 'OK', schema: { $ref: '#/definitions/Frame' } } };
    const text = json(
      swagger(
        {
          '/frames/{id}': { get: op({ responses: response }) },
          '/frames': { get: op({ operationId: 'ListFrames', responses: { '200': { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Frame' } } } } }) },
          '/teams': { get: op({ operationId: 'ListTeams', responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Team' } } } }) },
        },
        { definitions: { Frame: frame, Owner: owner, Team: team } },
      ),
    );
    const findings = run('response-property-metadata', text);
    expect(findings.map((f) => [f.line, f.column, f.level])).toEqual([
      [lineOf(text, '"width": {'), 9, 'warning'],
      [lineOf(text, '"Owner": {'), 5, 'warning'],
    ]);
    expect(findings[0]?.message).toBe(
      "property 'width' in the 200 response of GET /frames/{id} (GetFrame) has no description; add \"description\" (a sentence)",
    );
    expect(findings[1]?.message).toContain('#/definitions/Owner (property \'owner\' in the 200 response of GET /frames/{id} (GetFrame)) has no x-ms-summary or description');
    expect(run('response-property-metadata', text, 'independent-publisher')).toHaveLength(2);
    // Team.lead reaches Owner again: still the one finding above.
    expect(run('response-property-metadata', text, 'custom')).toEqual([]);
  });

  it('looks only at 2xx responses of visible operations, and passes complete schemas', () => {
    const bare = { type: 'object', properties: { code: { type: 'string' } } };
    const text = json(
      swagger({
        '/frames': { get: op({ responses: { '200': { description: 'OK', schema: frame.properties.id }, '400': { description: 'Bad request', schema: bare } } }) },
        '/lookup': { get: op({ operationId: 'Lookup', 'x-ms-visibility': 'internal', responses: { '200': { description: 'OK', schema: bare } } }) },
      }),
    );
    expect(run('response-property-metadata', text)).toEqual([]);
    const created = text.replace('"400"', '"201"');
    expect(run('response-property-metadata', created)).toMatchObject([{ line: lineOf(created, '"code": {'), column: 17 }]);
  });
});

describe('op-visibility', () => {
  it('warns about a missing x-ms-visibility in every profile, at the method key, with a fix', () => {
    const text = json(swagger({ '/frames/{id}': { get: without(op(), 'x-ms-visibility') } }));
    for (const profile of ['certified', 'independent-publisher', 'custom'] as const) {
      const findings = run('op-visibility', text, profile);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'op-visibility', level: 'warning', file: FILE, line: lineOf(text, '"get": {'), column: 7 });
    }
    expect(run('op-visibility', text)[0]?.message).toBe(
      'GET /frames/{id} (GetFrame) has no x-ms-visibility; add "x-ms-visibility": "important" (main actions), "advanced" (under "more") or "internal" (hidden)',
    );
  });

  const styles: [string, (value: unknown) => string][] = [
    ['2 spaces', (value) => JSON.stringify(value, null, 2) + '\n'],
    ['4 spaces', (value) => JSON.stringify(value, null, 4) + '\n'],
    ['tabs and CRLF', (value) => JSON.stringify(value, null, '\t').replace(/\n/g, '\r\n') + '\r\n'],
  ];
  for (const [style, format] of styles) {
    it(`round-trips the fix (${style}): valid JSON, one new line in the file's indentation, finding gone`, () => {
      const text = format(swagger({ '/frames': { get: op(), post: without(op({ operationId: 'AddFrame' }), 'x-ms-visibility') } }));
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const findings = run('op-visibility', text);
      expect(findings).toHaveLength(1);
      const fixed = applyFix(text, findings[0] as Finding);
      const value = JSON.parse(fixed) as { paths: { '/frames': { post: Json } } };
      expect(value.paths['/frames'].post['x-ms-visibility']).toBe('important');
      expect(Object.keys(value.paths['/frames'].post)[0]).toBe('x-ms-visibility');
      const before = text.split(eol);
      const after = fixed.split(eol);
      const at = before.findIndex((line) => line.trim() === '"post": {') + 1;
      expect(after).toEqual([...before.slice(0, at), after[at], ...before.slice(at)]);
      const indent = (line: string): string => /^\s*/.exec(line)?.[0] ?? '';
      expect(indent(after[at] as string)).toBe(indent(before[at] as string));
      expect((after[at] as string).trim()).toBe('"x-ms-visibility": "important",');
      expect(run('op-visibility', fixed)).toEqual([]);
    });
  }

  it('inserts inline when the operation is on one line, and into an empty operation', () => {
    const text = '{"swagger": "2.0", "paths": {"/a": {"get": {"operationId": "A", "responses": {}}, "put": {}}}}\n';
    const findings = run('op-visibility', text);
    expect(findings).toHaveLength(2);
    let fixed = text;
    for (const finding of [...findings].sort((a, b) => (b.fix?.offset ?? 0) - (a.fix?.offset ?? 0))) fixed = applyFix(fixed, finding);
    expect(fixed).toBe(
      '{"swagger": "2.0", "paths": {"/a": {"get": {"x-ms-visibility": "important", "operationId": "A", "responses": {}}, "put": {"x-ms-visibility": "important"}}}}\n',
    );
    expect(run('op-visibility', fixed)).toEqual([]);
  });

  it('fixes the casing of a known value and flags unknown values without a fix', () => {
    const text = json(
      swagger({ '/frames': { get: op({ 'x-ms-visibility': 'Important' }), post: op({ operationId: 'AddFrame', 'x-ms-visibility': 'hidden' }) } }),
    );
    const findings = run('op-visibility', text);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ level: 'warning', ...positionOf(text, '"Important"') });
    expect(findings[0]?.message).toContain('write it in lowercase: "important"');
    expect(findings[1]).toMatchObject({ level: 'warning', ...positionOf(text, '"hidden"') });
    expect(findings[1]?.fix).toBeUndefined();
    const fixed = applyFix(text, findings[0] as Finding);
    expect(JSON.parse(fixed)).toMatchObject({ paths: { '/frames': { get: { 'x-ms-visibility': 'important' } } } });
    expect(run('op-visibility', fixed)).toMatchObject([{ line: findings[1]?.line }]);
  });

  it('passes important, advanced and internal', () => {
    const text = json(
      swagger({
        '/frames': {
          get: op(),
          post: op({ operationId: 'AddFrame', 'x-ms-visibility': 'advanced' }),
          delete: op({ operationId: 'DropFrames', 'x-ms-visibility': 'internal' }),
        },
      }),
    );
    expect(run('op-visibility', text)).toEqual([]);
  });
});
