// Paths-and-operations rules of the catalog (rules.md §1d): each rule has a failing and a passing
// fixture with the exact rule, file, line and column; every fix is applied, re-parsed and re-checked.
import { describe, expect, it } from 'vitest';
import type { Finding, Profile } from '../../src/engine/types.js';
import { findingsOf, json, lineOf, positionOf } from '../helpers.js';

const FILE = 'Contoso Frames/apiDefinition.swagger.json';

type Json = Record<string, unknown>;

function swagger(paths: Json, extra: Json = {}): Json {
  return { swagger: '2.0', info: { title: 'Contoso Frames', version: '1.0' }, host: 'api.contoso.com', paths, ...extra };
}

/** A complete, visible operation; override keys per test. */
function op(overrides: Json = {}): Json {
  return {
    summary: 'Get a frame',
    description: 'Gets one frame by its identifier.',
    operationId: 'GetFrame',
    responses: { '200': { description: 'OK', schema: { type: 'object', properties: { id: { type: 'string' } } } } },
    ...overrides,
  };
}

function run(ruleId: string, text: string, profile: Profile = 'certified'): Finding[] {
  return findingsOf(ruleId, { [FILE]: text }, { profile });
}

function applyFix(text: string, finding: Finding | undefined): string {
  const fix = finding?.fix;
  if (!fix) throw new Error(`no fix on ${finding?.message}`);
  return text.slice(0, fix.offset) + fix.text + text.slice(fix.offset + fix.length);
}

/** Applies the fix, checks the result is JSON, and that the rule no longer reports it. */
function fixed(ruleId: string, text: string, finding: Finding | undefined): Json {
  const after = applyFix(text, finding);
  const value = JSON.parse(after) as Json;
  expect(run(ruleId, after).filter((f) => f.message === finding?.message)).toEqual([]);
  return value;
}

function levels(ruleId: string, text: string): string[] {
  return (['certified', 'independent-publisher', 'custom'] as const).map((profile) => run(ruleId, text, profile)[0]?.level ?? 'none');
}

describe('path-syntax', () => {
  it('reports a path without leading slash at its key, everywhere an error, with a fix', () => {
    const text = json(swagger({ 'frames/{id}': { get: op() } }));
    const findings = run('path-syntax', text);
    expect(findings).toMatchObject([{ ruleId: 'path-syntax', criterion: 'definition', level: 'error', file: FILE, ...positionOf(text, '"frames/{id}"') }]);
    expect(findings[0]?.message).toBe("path 'frames/{id}' does not start with '/'; write '/frames/{id}'");
    expect(levels('path-syntax', text)).toEqual(['error', 'error', 'error']);
    expect(Object.keys(fixed('path-syntax', text, findings[0]).paths as Json)).toEqual(['/frames/{id}']);
  });

  it('reports query, wildcard, unclosed, spanning and defaulted variables', () => {
    const text = json(swagger({ '/a?b=1': { get: op() }, '/b/*': { get: op({ operationId: 'B' }) }, '/c/{id': { get: op({ operationId: 'C' }) }, '/d/{x/y}': { get: op({ operationId: 'D' }) }, '/e/{id=1}': { get: op({ operationId: 'E' }) } }));
    const findings = run('path-syntax', text);
    expect(findings.map((f) => [f.line, f.column])).toEqual(
      ['"/a?b=1"', '"/b/*"', '"/c/{id"', '"/d/{x/y}"', '"/e/{id=1}"'].map((needle) => Object.values(positionOf(text, needle))),
    );
    expect(findings.map((f) => f.message.split(';')[0])).toEqual([
      "path '/a?b=1' contains '?'",
      "path '/b/*' contains the wildcard '*'",
      "path '/c/{id' has a '{' that is never closed",
      "path '/d/{x/y}' has a template variable that spans more than one segment ({x/…)",
      "path '/e/{id=1}' sets a default value in the template variable {id=1}",
    ]);
  });

  it('passes well-formed paths and ignores x- extensions', () => {
    expect(run('path-syntax', json(swagger({ '/frames/{id}': { get: op() }, '/files/{name}.{ext}': { get: op({ operationId: 'F' }) }, 'x-note': {} })))).toEqual([]);
  });
});

describe('path-unique', () => {
  it('reports a path repeated with other capitalization (error) at the second key', () => {
    const text = json(swagger({ '/frames': { get: op() }, '/Frames': { post: op({ operationId: 'AddFrame' }) } }));
    const findings = run('path-unique', text);
    expect(findings).toMatchObject([{ ruleId: 'path-unique', level: 'error', file: FILE, ...positionOf(text, '"/Frames"') }]);
    expect(findings[0]?.message).toContain(`repeats '/frames' (line ${lineOf(text, '"/frames"')}) with different capitalization`);
  });

  it('reports templates that differ only in variable names when they share a method (error)', () => {
    const text = json(swagger({ '/frames/{id}': { get: op() }, '/frames/{frameId}': { get: op({ operationId: 'GetFrame2' }) } }));
    const findings = run('path-unique', text);
    expect(findings).toMatchObject([{ level: 'error', ...positionOf(text, '"/frames/{frameId}"') }]);
    expect(findings[0]?.message).toContain('GET /frames/{frameId} (GetFrame2) and GET /frames/{id} (GetFrame)');
    expect(levels('path-unique', text)).toEqual(['error', 'error', 'error']);
  });

  it('warns about partially overlapping templates', () => {
    const text = json(swagger({ '/frames/{id}': { get: op() }, '/frames/recent': { get: op({ operationId: 'ListRecent' }) } }));
    const findings = run('path-unique', text);
    expect(findings).toMatchObject([{ level: 'warning', ...positionOf(text, '"/frames/recent"') }]);
    expect(findings[0]?.message).toContain('GET /frames/recent (ListRecent) overlaps GET /frames/{id} (GetFrame)');
  });

  it('matches variables inside a segment, and stays fast on many variables', () => {
    const text = json(swagger({ '/files/{name}.json': { get: op() }, '/files/report.json': { get: op({ operationId: 'GetReport' }) } }));
    expect(run('path-unique', text)).toMatchObject([{ level: 'warning', ...positionOf(text, '"/files/report.json"') }]);
    const many = '/x/' + Array.from({ length: 40 }, (_, i) => `{v${i}}a`).join('');
    const hostile = json(swagger({ [many]: { get: op() }, ['/x/' + 'a'.repeat(5000) + 'b']: { get: op({ operationId: 'B' }) } }));
    const started = performance.now();
    expect(run('path-unique', hostile)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('warns about a template that overlaps an earlier path without templates', () => {
    const text = json(swagger({ '/frames/recent': { get: op({ operationId: 'ListRecent' }) }, '/frames/list': { get: op({ operationId: 'List' }) }, '/frames/{id}': { get: op() } }));
    const findings = run('path-unique', text);
    expect(findings).toMatchObject([{ level: 'warning', ...positionOf(text, '"/frames/{id}"') }]);
    expect(findings[0]?.message).toContain('GET /frames/{id} (GetFrame) overlaps GET /frames/recent (ListRecent)');
  });

  it('charges every earlier path of the same size to the comparison budget, templated or not', () => {
    // 320 static paths: the pairs before the last ones exceed MAX_PARTIAL_COMPARISONS (50,000).
    const paths: Json = {};
    for (let i = 0; i < 320; i++) paths[`/static${i}/x`] = { get: op({ operationId: `S${i}` }) };
    const early = json(swagger({ '/static0/{v}': { get: op({ operationId: 'T' }) }, ...paths }));
    expect(run('path-unique', early)).toMatchObject([{ level: 'warning', ...positionOf(early, '"/static0/x"') }]);
    // The same overlap after the budget is spent is not looked for.
    const late = json(swagger({ ...paths, '/static0/{v}': { get: op({ operationId: 'T' }) } }));
    expect(run('path-unique', late)).toEqual([]);
  });

  it('passes distinct paths, different methods and templates with different static ends', () => {
    const text = json(
      swagger({
        '/frames/{id}': { get: op() },
        '/frames/{frameId}': { delete: op({ operationId: 'DeleteFrame' }) },
        "/Orders('{id}')": { get: op({ operationId: 'GetOrder' }) },
        "/Products('{id}')": { get: op({ operationId: 'GetProduct' }) },
      }),
    );
    expect(run('path-unique', text)).toEqual([]);
  });
});

describe('operationid-style', () => {
  it('warns about non-alphanumeric operationIds, everywhere a warning', () => {
    const text = json(swagger({ '/frames': { get: op({ operationId: 'Get-Frames_List' }) } }));
    const findings = run('operationid-style', text);
    expect(findings).toMatchObject([{ ruleId: 'operationid-style', level: 'warning', file: FILE, ...positionOf(text, '"Get-Frames_List"') }]);
    expect(findings[0]?.message).toContain("sanitized form 'GetFramesList'");
    expect(levels('operationid-style', text)).toEqual(['warning', 'warning', 'warning']);
  });

  it('warns about operationIds longer than 80 characters', () => {
    const id = 'Get' + 'Frame'.repeat(16);
    const text = json(swagger({ '/frames': { get: op({ operationId: id }) } }));
    expect(run('operationid-style', text)).toMatchObject([{ level: 'warning', ...positionOf(text, `"${id}"`) }]);
  });

  it('passes PascalCase, camelCase and the _V2 revision suffix', () => {
    const text = json(swagger({ '/a': { get: op({ operationId: 'GetFrames' }) }, '/b': { get: op({ operationId: 'getFrames' }) }, '/c': { get: op({ operationId: 'GetFrames_V2' }) } }));
    expect(run('operationid-style', text)).toEqual([]);
  });
});

describe('op-summary-length', () => {
  it('reports summaries over 80 characters: error certified, warning custom', () => {
    const summary = 'Get a frame ' + 'and its details '.repeat(5) + 'now';
    const text = json(swagger({ '/frames': { get: op({ summary }) } }));
    const findings = run('op-summary-length', text);
    expect(findings).toMatchObject([{ ruleId: 'op-summary-length', criterion: 'completeness', level: 'error', file: FILE, ...positionOf(text, `"${summary}"`) }]);
    expect(findings[0]?.message).toContain(`has ${summary.length} characters`);
    expect(levels('op-summary-length', text)).toEqual(['error', 'error', 'warning']);
  });

  it('passes 80 characters', () => {
    expect(run('op-summary-length', json(swagger({ '/frames': { get: op({ summary: 'x'.repeat(80) }) } })))).toEqual([]);
  });
});

describe('op-summary-chars', () => {
  it('reports restricted characters (error)', () => {
    const text = json(swagger({ '/frames': { get: op({ summary: 'Get frames and/or folders' }) } }));
    const findings = run('op-summary-chars', text);
    expect(findings).toMatchObject([{ ruleId: 'op-summary-chars', level: 'error', file: FILE, ...positionOf(text, '"Get frames and/or') }]);
    expect(findings[0]?.message).toContain("contains '/'");
    expect(levels('op-summary-chars', text)).toEqual(['error', 'error', 'warning']);
  });

  it('reports trailing punctuation and spaces with a fix that strips them', () => {
    const text = json(swagger({ '/frames': { get: op({ summary: 'Get a frame. ' }) } }));
    const findings = run('op-summary-chars', text);
    expect(findings).toMatchObject([{ level: 'error', ...positionOf(text, '"Get a frame. "') }]);
    expect(findings[0]?.fix).toEqual({ offset: text.indexOf('"Get a frame. "') + 12, length: 2, text: '' });
    const value = fixed('op-summary-chars', text, findings[0]) as { paths: { '/frames': { get: Json } } };
    expect(value.paths['/frames'].get.summary).toBe('Get a frame');
  });

  it('re-encodes a summary written with escapes', () => {
    const text = json(swagger({ '/frames': { get: op({ summary: 'Get a “frame” now!' }) } })).replace('“frame”', '\\u201cframe\\u201d');
    const findings = run('op-summary-chars', text).filter((f) => f.fix);
    expect(findings).toHaveLength(1);
    const value = fixed('op-summary-chars', text, findings[0]) as { paths: { '/frames': { get: Json } } };
    expect(value.paths['/frames'].get.summary).toBe('Get a “frame” now');
  });

  it('warns about other punctuation, not about in-word hyphens or parentheses', () => {
    const text = json(swagger({ '/a': { get: op({ summary: 'Frames: list all' }) }, '/b': { get: op({ operationId: 'B', summary: "Get a frame's part-of-speech (preview)" }) } }));
    const findings = run('op-summary-chars', text);
    expect(findings).toMatchObject([{ level: 'warning', ...positionOf(text, '"Frames: list all"') }]);
    expect(findings[0]?.message).toContain("contains ':'");
  });

  it('passes plain summaries', () => {
    expect(run('op-summary-chars', json(swagger({ '/frames': { get: op() } })))).toEqual([]);
  });
});

describe('op-summary-human', () => {
  it('warns about a summary that is the operationId or a CamelCase token', () => {
    const text = json(swagger({ '/a': { get: op({ summary: 'GetFrame' }) }, '/b': { get: op({ operationId: 'B', summary: 'listAllFrames' }) } }));
    const findings = run('op-summary-human', text);
    expect(findings).toMatchObject([
      { ruleId: 'op-summary-human', level: 'warning', ...positionOf(text, '"GetFrame"') },
      { level: 'warning', ...positionOf(text, '"listAllFrames"') },
    ]);
    expect(findings[0]?.message).toContain("repeats its operationId 'GetFrame'; write a short phrase users read, e.g. 'Get frame'");
    expect(findings[1]?.message).toContain("code-style token 'listAllFrames'");
    expect(levels('op-summary-human', text)).toEqual(['warning', 'warning', 'warning']);
  });

  it('warns about a trigger summary that does not start with "When"', () => {
    const text = json(swagger({ '/hooks': { post: op({ summary: 'New frame', 'x-ms-trigger': 'single' }) } }));
    expect(run('op-summary-human', text)).toMatchObject([{ level: 'warning', ...positionOf(text, '"New frame"') }]);
  });

  it('passes phrases, internal operations and "When" triggers', () => {
    const text = json(
      swagger({
        '/a': { get: op() },
        '/b': { get: op({ operationId: 'B', summary: 'B', 'x-ms-visibility': 'internal' }) },
        '/c': { post: op({ operationId: 'C', summary: 'When a frame is created', 'x-ms-trigger': 'single' }) },
        '/d': { get: op({ operationId: 'D', summary: 'GitHub' }) },
      }),
    );
    expect(run('op-summary-human', text)).toEqual([]);
  });
});

describe('op-description-style', () => {
  it('warns about a description without final punctuation, with a fix appending a period', () => {
    const text = json(swagger({ '/frames': { get: op({ description: 'Gets one frame by its identifier ' }) } }));
    const findings = run('op-description-style', text);
    expect(findings).toMatchObject([{ ruleId: 'op-description-style', level: 'warning', ...positionOf(text, '"Gets one frame by') }]);
    const value = fixed('op-description-style', text, findings[0]) as { paths: { '/frames': { get: Json } } };
    expect(value.paths['/frames'].get.description).toBe('Gets one frame by its identifier.');
    expect(levels('op-description-style', text)).toEqual(['warning', 'warning', 'warning']);
  });

  it('passes sentences, single words and "(deprecated)" endings', () => {
    const text = json(swagger({ '/a': { get: op() }, '/b': { get: op({ operationId: 'B', description: 'Frames' }) }, '/c': { get: op({ operationId: 'C', description: 'Gets a frame (deprecated)' }) } }));
    expect(run('op-description-style', text)).toEqual([]);
  });
});

describe('text-no-product-names', () => {
  it('reports product names in operation and parameter texts: error certified, warning custom', () => {
    const parameters = [{ name: 'top', in: 'query', type: 'integer', 'x-ms-summary': 'Top', description: 'How many frames Power Automate gets.' }];
    const text = json(swagger({ '/frames': { get: op({ description: 'Gets a frame for PowerApps.', parameters }) } }));
    const findings = run('text-no-product-names', text);
    expect(findings).toMatchObject([
      { ruleId: 'text-no-product-names', level: 'error', file: FILE, ...positionOf(text, '"Gets a frame for PowerApps."') },
      { level: 'error', ...positionOf(text, '"How many frames Power Automate') },
    ]);
    expect(findings[0]?.message).toContain("the description of GET /frames (GetFrame) names Power Apps ('PowerApps')");
    expect(findings[1]?.message).toContain("parameter 'top' (query) of GET /frames (GetFrame)");
    expect(levels('text-no-product-names', text)).toEqual(['error', 'error', 'warning']);
  });

  it('only recommends for hidden texts: internal operations and parameters only they use', () => {
    const parameters = [{ name: 'top', in: 'query', type: 'integer', description: 'How many frames Power Automate gets.' }];
    const text = json(
      swagger({
        '/frames': { get: op({ description: 'Gets a frame for Power Apps.', 'x-ms-visibility': 'internal', parameters }) },
        '/shown': { get: op({ operationId: 'Shown', description: 'Gets a frame for Power BI.' }) },
      }),
    );
    expect(run('text-no-product-names', text).map((f) => [f.level, f.message.split(' names ')[0]])).toEqual([
      ['warning', 'the description of GET /frames (GetFrame)'],
      ['warning', "the description of parameter 'top' (query) of GET /frames (GetFrame)"],
      ['error', 'the description of GET /shown (Shown)'],
    ]);
  });

  it('passes texts without product names (a word inside another does not count)', () => {
    expect(run('text-no-product-names', json(swagger({ '/frames': { get: op({ description: 'Gets a frame from Superpower apps.' }) } })))).toEqual([]);
  });
});

describe('text-english-quality', () => {
  it('warns about CamelCase parameter labels and repeated words (with a fix)', () => {
    const parameters = [{ name: 'top', in: 'query', type: 'integer', 'x-ms-summary': 'maxFrames', description: 'How many frames to to return.' }];
    const text = json(swagger({ '/frames': { get: op({ parameters }) } }));
    const findings = run('text-english-quality', text);
    expect(findings).toMatchObject([
      { ruleId: 'text-english-quality', level: 'warning', ...positionOf(text, '"maxFrames"') },
      { level: 'warning', ...positionOf(text, '"How many frames to to') },
    ]);
    expect(findings[0]?.message).toContain("code-style token 'maxFrames', which is not translated; write it as words, e.g. 'Max frames'");
    const value = fixed('text-english-quality', text, findings[1]) as { paths: { '/frames': { get: { parameters: Json[] } } } };
    expect(value.paths['/frames'].get.parameters[0]?.description).toBe('How many frames to return.');
    expect(levels('text-english-quality', text)).toEqual(['warning', 'warning', 'warning']);
  });

  it('warns about blank texts of request body properties', () => {
    const body = { name: 'body', in: 'body', schema: { type: 'object', properties: { title: { type: 'string', 'x-ms-summary': 'Title', description: ' ' } } } };
    const text = json(swagger({ '/frames': { post: op({ operationId: 'AddFrame', parameters: [body] }) } }));
    const key = positionOf(text, '"description": " "');
    expect(run('text-english-quality', text)).toMatchObject([{ level: 'warning', line: key.line, column: key.column + '"description": '.length }]);
  });

  it('passes words, brand names, "had had" and "AND or OR"', () => {
    const parameters = [{ name: 'q', in: 'query', type: 'string', 'x-ms-summary': 'GitHub', description: 'Use AND or OR; it had had no effect.' }];
    expect(run('text-english-quality', json(swagger({ '/frames': { get: op({ parameters }) } })))).toEqual([]);
  });
});

describe('op-responses-present', () => {
  it('reports an operation without responses at its method key (error everywhere)', () => {
    const text = json(swagger({ '/frames': { get: op({ responses: {} }) } }));
    const findings = run('op-responses-present', text);
    expect(findings).toMatchObject([{ ruleId: 'op-responses-present', level: 'error', ...positionOf(text, '"responses"') }]);
    expect(findings[0]?.message).toContain('GET /frames (GetFrame) has no responses');
    expect(levels('op-responses-present', text)).toEqual(['error', 'error', 'error']);
  });

  it('reports invalid codes and default-only responses (warning for custom)', () => {
    const text = json(swagger({ '/frames': { get: op({ responses: { default: { description: 'Error' }, '2XX': { description: 'OK' } } }) } }));
    const findings = run('op-responses-present', text);
    expect(findings).toMatchObject([
      { level: 'error', ...positionOf(text, '"responses"') },
      { level: 'error', ...positionOf(text, '"2XX"') },
    ]);
    expect(findings[0]?.message).toContain("has no 2xx response (only 'default', '2XX')");
    expect(run('op-responses-present', text, 'custom').map((f) => f.level)).toEqual(['warning', 'error']);
  });

  it('counts extension keys as no responses, and ignores them next to status codes', () => {
    const text = json(swagger({ '/frames': { get: op({ responses: { 'x-ms-note': {} } }) }, '/other': { get: op({ responses: { '200': { description: 'OK' }, 'x-ms-note': {} } }) } }));
    const findings = run('op-responses-present', text);
    expect(findings.map((f) => f.message)).toEqual(['GET /frames (GetFrame) has no responses; add at least "200": {"description": "OK"} (with a schema when it returns a body)']);
  });

  it('passes a 200 response', () => {
    expect(run('op-responses-present', json(swagger({ '/frames': { get: op() } })))).toEqual([]);
  });
});

describe('response-default-no-schema', () => {
  it('reports a schema on the default response, with a fix when the 200 has one', () => {
    const responses = { '200': { description: 'OK', schema: { type: 'string' } }, default: { description: 'Error', schema: { type: 'object' } } };
    const text = json(swagger({ '/frames': { get: op({ responses }) } }));
    const findings = run('response-default-no-schema', text);
    expect(findings).toMatchObject([{ ruleId: 'response-default-no-schema', level: 'error', ...positionOf(text, '"schema"', 2) }]);
    expect(levels('response-default-no-schema', text)).toEqual(['error', 'error', 'warning']);
    const value = fixed('response-default-no-schema', text, findings[0]) as { paths: { '/frames': { get: { responses: Json } } } };
    expect(value.paths['/frames'].get.responses.default).toEqual({ description: 'Error' });
  });

  it('offers no fix when no success response has a schema', () => {
    const text = json(swagger({ '/frames': { get: op({ responses: { '200': { description: 'OK' }, default: { description: 'Error', schema: { type: 'object' } } } }) } }));
    expect(run('response-default-no-schema', text)[0]?.fix).toBeUndefined();
  });

  it('passes a default response without schema', () => {
    expect(run('response-default-no-schema', json(swagger({ '/frames': { get: op({ responses: { '200': { description: 'OK' }, default: { description: 'Error' } } }) } })))).toEqual([]);
  });
});

describe('response-schema-nonempty', () => {
  it('reports "schema": {} on a 2xx response: error certified, warning custom', () => {
    const text = json(swagger({ '/frames': { get: op({ responses: { '200': { description: 'OK', schema: {} } } }) } }));
    const findings = run('response-schema-nonempty', text);
    expect(findings).toMatchObject([{ ruleId: 'response-schema-nonempty', level: 'error', ...positionOf(text, '"schema": {}') }]);
    expect(levels('response-schema-nonempty', text)).toEqual(['error', 'error', 'warning']);
  });

  it('warns about an object without properties and removes a schema from a 204', () => {
    const bare = { '200': { description: 'OK', schema: { type: 'object' } } };
    const noContent = { '204': { description: 'No Content', schema: {} } };
    const text = json(swagger({ '/frames': { get: op({ responses: bare }) }, '/frames/{id}': { delete: op({ operationId: 'DeleteFrame', responses: noContent }) } }));
    const findings = run('response-schema-nonempty', text);
    expect(findings).toMatchObject([
      { level: 'warning', ...positionOf(text, '"schema": {\n') },
      { level: 'warning', ...positionOf(text, '"schema": {}') },
    ]);
    const value = fixed('response-schema-nonempty', text, findings[1]) as { paths: { '/frames/{id}': { delete: { responses: Json } } } };
    expect(value.paths['/frames/{id}'].delete.responses['204']).toEqual({ description: 'No Content' });
  });

  it('passes real and dynamic schemas', () => {
    const text = json(swagger({ '/a': { get: op() }, '/b': { get: op({ operationId: 'B', responses: { '200': { description: 'OK', schema: { 'x-ms-dynamic-schema': { operationId: 'A' } } } } }) } }));
    expect(run('response-schema-nonempty', text)).toEqual([]);
  });
});

describe('response-one-schema', () => {
  it('warns when several responses carry a schema, at the responses key', () => {
    const responses = { '200': { description: 'OK', schema: { type: 'string' } }, '404': { description: 'Not Found', schema: { type: 'string' } } };
    const text = json(swagger({ '/frames': { get: op({ responses }) } }));
    const findings = run('response-one-schema', text);
    expect(findings).toMatchObject([{ ruleId: 'response-one-schema', level: 'warning', ...positionOf(text, '"responses"') }]);
    expect(findings[0]?.message).toContain('keep the 200 schema and remove it from 404');
    expect(levels('response-one-schema', text)).toEqual(['warning', 'warning', 'warning']);
  });

  it('passes one schema', () => {
    expect(run('response-one-schema', json(swagger({ '/frames': { get: op() } })))).toEqual([]);
  });
});

describe('response-description', () => {
  it('reports a missing description (error everywhere) at the response code', () => {
    const text = json(swagger({ '/frames': { get: op({ responses: { '200': { schema: { type: 'string' } } } }) } }));
    const findings = run('response-description', text);
    expect(findings).toMatchObject([{ ruleId: 'response-description', level: 'error', ...positionOf(text, '"200"') }]);
    expect(levels('response-description', text)).toEqual(['error', 'error', 'error']);
  });

  it('warns about "default" wording and fixes it with the reason phrase', () => {
    const text = json(swagger({ '/frames': { get: op({ responses: { '200': { description: 'default' } } }) } }));
    const findings = run('response-description', text);
    expect(findings).toMatchObject([{ level: 'warning', ...positionOf(text, '"default"') }]);
    const value = fixed('response-description', text, findings[0]) as { paths: { '/frames': { get: { responses: Record<string, Json> } } } };
    expect(value.paths['/frames'].get.responses['200']?.description).toBe('OK');
  });

  it('passes meaningful descriptions', () => {
    expect(run('response-description', json(swagger({ '/frames': { get: op() } })))).toEqual([]);
  });
});

describe('response-misc', () => {
  it('reports headers repeated ignoring case and examples of MIME types not produced', () => {
    const responses = { '200': { description: 'OK', headers: { 'X-Count': { type: 'integer' }, 'x-count': { type: 'integer' } }, examples: { 'text/csv': 'a,b' } } };
    const text = json(swagger({ '/frames': { get: op({ produces: ['application/json'], responses }) } }));
    const findings = run('response-misc', text);
    expect(findings).toMatchObject([
      { ruleId: 'response-misc', level: 'error', ...positionOf(text, '"x-count"') },
      { level: 'error', ...positionOf(text, '"text/csv"') },
    ]);
    expect(levels('response-misc', text)).toEqual(['error', 'error', 'error']);
  });

  it('passes unique headers and produced examples', () => {
    const responses = { '200': { description: 'OK', headers: { 'X-Count': { type: 'integer' } }, examples: { 'application/json; charset=utf-8': {} } } };
    expect(run('response-misc', json(swagger({ '/frames': { get: op({ responses }) } })))).toEqual([]);
  });
});

describe('get-no-body', () => {
  it('reports a body parameter of a GET operation (error everywhere)', () => {
    const text = json(swagger({ '/frames': { get: op({ parameters: [{ name: 'filter', in: 'body', schema: { type: 'object' } }] }) } }));
    const findings = run('get-no-body', text);
    expect(findings).toMatchObject([{ ruleId: 'get-no-body', level: 'error', line: lineOf(text, '"name": "filter"') - 1 }]);
    expect(findings[0]?.message).toContain("GET /frames (GetFrame) has the body parameter 'filter'");
    expect(levels('get-no-body', text)).toEqual(['error', 'error', 'error']);
  });

  it('passes a POST with a body', () => {
    expect(run('get-no-body', json(swagger({ '/frames': { post: op({ parameters: [{ name: 'filter', in: 'body', schema: { type: 'object' } }] }) } })))).toEqual([]);
  });
});

describe('trigger-definition', () => {
  const hookBody = (property: Json, required = ['callback']) => ({
    name: 'body',
    in: 'body',
    required: true,
    schema: { type: 'object', required, properties: { callback: property } },
  });
  const webhook = (property: Json, extra: Json = {}, required?: string[]) => ({
    'x-ms-notification-content': { description: 'A frame', schema: { type: 'object', properties: { id: { type: 'string' } } } },
    post: op({ operationId: 'OnFrame', summary: 'When a frame is created', 'x-ms-trigger': 'single', parameters: [hookBody(property, required)], responses: { '201': { description: 'Created' } }, ...extra }),
  });

  it('reports an unknown x-ms-trigger value, with a fix for wrong casing', () => {
    const text = json(swagger({ '/hooks': webhook({ type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' }, { 'x-ms-trigger': 'Single' }) }));
    const findings = run('trigger-definition', text);
    expect(findings).toMatchObject([{ ruleId: 'trigger-definition', level: 'error', ...positionOf(text, '"Single"') }]);
    expect(levels('trigger-definition', text)).toEqual(['error', 'error', 'error']);
    fixed('trigger-definition', text, findings[0]);
  });

  it('reports a trigger without output schema at its x-ms-trigger key', () => {
    const text = json(swagger({ '/poll': { get: op({ summary: 'When a frame is added', 'x-ms-trigger': 'batch', responses: { '200': { description: 'OK' } } }) } }));
    const findings = run('trigger-definition', text);
    expect(findings).toMatchObject([{ level: 'error', ...positionOf(text, '"x-ms-trigger"') }]);
    expect(findings[0]?.message).toContain('has no output schema');
  });

  it('reports a notification URL that is not a string, not required and visible', () => {
    const text = json(swagger({ '/hooks': webhook({ type: 'object', 'x-ms-notification-url': true }, {}, []) }));
    const findings = run('trigger-definition', text);
    const at = positionOf(text, '"callback": {');
    expect(findings.map((f) => [f.line, f.column, f.message.split(';')[0]])).toEqual([
      [at.line, at.column, "the notification URL 'callback' of POST /hooks (OnFrame) has type 'object'"],
      [at.line, at.column, "the notification URL 'callback' of POST /hooks (OnFrame) is not required at every level of the body schema"],
      [at.line, at.column, "the notification URL 'callback' of POST /hooks (OnFrame) is visible"],
    ]);
  });

  it('passes a complete webhook trigger and a polling trigger', () => {
    const text = json(
      swagger({
        '/hooks': webhook({ type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' }),
        '/poll': { get: op({ operationId: 'Poll', summary: 'When a frame is added', 'x-ms-trigger': 'batch' }) },
      }),
    );
    expect(run('trigger-definition', text)).toEqual([]);
  });
});

describe('pageable', () => {
  it('reports an unsupported nextLinkName (error everywhere)', () => {
    const text = json(swagger({ '/frames': { get: op({ 'x-ms-pageable': { nextLinkName: 'next' } }) } }));
    const findings = run('pageable', text);
    expect(findings).toMatchObject([{ ruleId: 'pageable', level: 'error', ...positionOf(text, '"next"') }]);
    expect(findings[0]?.message).toContain("x-ms-pageable.nextLinkName 'next'");
    expect(levels('pageable', text)).toEqual(['error', 'error', 'error']);
  });

  it('passes nextLink and @odata.nextLink', () => {
    const text = json(swagger({ '/a': { get: op({ 'x-ms-pageable': { nextLinkName: 'nextLink' } }) }, '/b': { get: op({ operationId: 'B', 'x-ms-pageable': { nextLinkName: '@odata.nextLink' } }) } }));
    expect(run('pageable', text)).toEqual([]);
  });
});

describe('versioning-annotations', () => {
  const ann = (family: string, revision?: number, extra: Json = {}) => ({ 'x-ms-api-annotation': { family, ...(revision === undefined ? {} : { revision }), ...extra } });

  it('reports duplicate revisions and more than two active operations (error everywhere)', () => {
    const text = json(
      swagger({
        '/a': { get: op({ operationId: 'GetFrames', ...ann('GetFrames', 1) }) },
        '/b': { get: op({ operationId: 'GetFrames_V2', ...ann('GetFrames', 2) }) },
        '/c': { get: op({ operationId: 'GetFrames_V3', ...ann('GetFrames', 2) }) },
      }),
    );
    const findings = run('versioning-annotations', text);
    expect(findings).toMatchObject([
      { ruleId: 'versioning-annotations', level: 'error', ...positionOf(text, '"get"', 3) },
      { level: 'warning', ...positionOf(text, '"GetFrames_V3"') },
      { level: 'error', ...positionOf(text, '"revision": 2', 2), column: positionOf(text, '"revision": 2', 2).column + 12 },
    ]);
    expect(findings[0]?.message).toContain('more than two operations that are not deprecated');
    expect(findings[1]?.message).toContain("does not end with the revision suffix '_V2'");
    expect(findings[2]?.message).toContain("family 'GetFrames' uses revision 2 twice");
    expect(levels('versioning-annotations', text)).toEqual(['error', 'error', 'error']);
  });

  it('reports a replacement on an operation that is not deprecated', () => {
    const text = json(swagger({ '/a': { get: op({ operationId: 'GetFrames', ...ann('GetFrames', 1, { replacement: { api: 'contoso', operationId: 'GetFrames_V2' } }) }) } }));
    expect(run('versioning-annotations', text)).toMatchObject([{ level: 'error', ...positionOf(text, '"replacement"') }]);
  });

  it('passes a deprecated revision 1 and an active revision 2', () => {
    const text = json(
      swagger({
        '/a': { get: op({ operationId: 'GetFrames', deprecated: true, summary: 'Get frames (deprecated)', ...ann('GetFrames', 1, { replacement: { api: 'contoso', operationId: 'GetFrames_V2' } }) }) },
        '/b': { get: op({ operationId: 'GetFrames_V2', ...ann('GetFrames', 2) }) },
      }),
    );
    expect(run('versioning-annotations', text)).toEqual([]);
  });
});

describe('deprecation-style', () => {
  it('warns when a deprecated operation does not say so, with a fix appending "(deprecated)"', () => {
    const text = json(swagger({ '/frames': { get: op({ deprecated: true, description: 'Gets one frame (deprecated).' }) } }));
    const findings = run('deprecation-style', text);
    expect(findings).toMatchObject([{ ruleId: 'deprecation-style', level: 'warning', ...positionOf(text, '"Get a frame"') }]);
    const value = fixed('deprecation-style', text, findings[0]) as { paths: { '/frames': { get: Json } } };
    expect(value.paths['/frames'].get.summary).toBe('Get a frame (deprecated)');
    expect(levels('deprecation-style', text)).toEqual(['warning', 'warning', 'warning']);
  });

  it('warns when the text says deprecated but the flag is missing, with a fix inserting it', () => {
    const text = json(swagger({ '/frames': { get: op({ summary: 'Get a frame (deprecated)' }) } }));
    const findings = run('deprecation-style', text);
    expect(findings).toMatchObject([{ level: 'warning', ...positionOf(text, '"Get a frame (deprecated)"') }]);
    const value = fixed('deprecation-style', text, findings[0]) as { paths: { '/frames': { get: Json } } };
    expect(value.paths['/frames'].get.deprecated).toBe(true);
  });

  it('passes a properly deprecated operation and normal ones', () => {
    const text = json(swagger({ '/a': { get: op({ deprecated: true, summary: 'Get a frame (deprecated)', description: 'Gets one frame. (deprecated)' }) }, '/b': { get: op({ operationId: 'B', summary: 'List deprecated frames' }) } }));
    expect(run('deprecation-style', text)).toEqual([]);
  });
});
