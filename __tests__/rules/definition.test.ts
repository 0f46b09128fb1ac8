// The `definition` criterion: package structure, strict JSON, Swagger 2.0 validity, refs,
// operationIds and the apiProperties schema. Each rule has failing and passing fixtures, with the
// exact rule, file, line and column asserted.
import { execFileSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { findingsOf, gate, json, lineOf, tempDir, writeTree } from '../helpers.js';

const SWAGGER = 'apiDefinition.swagger.json';
const API_PROPERTIES = 'apiProperties.json';

function swagger(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Contoso Frames', description: 'Manage picture frames in your Contoso account.', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {
      '/frames': {
        get: {
          operationId: 'ListFrames',
          summary: 'List frames',
          responses: { '200': { description: 'The frames', schema: { $ref: '#/definitions/Frame' } } },
        },
      },
    },
    definitions: { Frame: { type: 'object', properties: { id: { type: 'string' } } } },
    ...extra,
  };
}

function apiProperties(properties: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    properties: {
      connectionParameters: {
        api_key: {
          type: 'securestring',
          uiDefinition: {
            displayName: 'API Key',
            description: 'The API key for Contoso',
            tooltip: 'Provide your API key',
            constraints: { tabIndex: 2, clearText: false, required: 'true' },
          },
        },
      },
      iconBrandColor: '#e44719',
      capabilities: [],
      publisher: 'Contoso',
      stackOwner: 'Contoso',
      ...properties,
    },
  };
}

/** A complete, valid package; `files` replaces or adds files (undefined removes one). */
function pkg(files: Record<string, string | Buffer | undefined> = {}): Record<string, string | Buffer> {
  const all: Record<string, string | Buffer | undefined> = {
    [SWAGGER]: json(swagger()),
    [API_PROPERTIES]: json(apiProperties()),
    'readme.md': '# Contoso Frames\n',
    ...files,
  };
  return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string | Buffer] => entry[1] !== undefined));
}

/** The fields a test pins down: rule, file, line, column (and the level where it matters). */
function where(finding: Finding | undefined): { ruleId: string; file: string; line: number; column: number } | undefined {
  return finding && { ruleId: finding.ruleId, file: finding.file, line: finding.line, column: finding.column };
}

/** 1-based column of the first occurrence of `needle` on `line` of `text`. */
function columnOf(text: string, line: number, needle: string): number {
  const index = (text.split('\n')[line - 1] as string).indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not on line ${line}`);
  return index + 1;
}

describe('the valid package', () => {
  it('has no definition findings at all', () => {
    const report = gate(writeTree(pkg()));
    expect(report.internalErrors).toEqual([]);
    // The fixture sits at the root, outside the public repository's folders: only that notice remains.
    const definition = report.connectors.flatMap((c) => c.findings).filter((f) => f.criterion === 'definition');
    expect(definition.map((f) => `${f.ruleId} ${f.level}`)).toEqual(['pkg-folder-location notice']);
  });
});

describe('pkg-required-files', () => {
  it('passes with swagger, apiProperties and readme', () => {
    expect(findingsOf('pkg-required-files', pkg())).toEqual([]);
  });

  it('reports a missing apiProperties.json on line 1 of the swagger', () => {
    const [finding, ...rest] = findingsOf('pkg-required-files', pkg({ [API_PROPERTIES]: undefined }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-required-files', file: SWAGGER, line: 1, column: 1 });
    expect(finding?.message).toContain('apiProperties.json is missing');
    expect(finding?.level).toBe('error');
  });

  it('reports a missing swagger on line 1 of apiProperties.json', () => {
    const [finding, ...rest] = findingsOf('pkg-required-files', pkg({ [SWAGGER]: undefined }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-required-files', file: API_PROPERTIES, line: 1, column: 1 });
    expect(finding?.message).toContain('no apiDefinition.swagger.json');
  });

  it('reports a missing readme.md: an error for certified, a warning for custom', () => {
    const files = pkg({ 'readme.md': undefined });
    const [certified] = findingsOf('pkg-required-files', files, { profile: 'certified' });
    expect(where(certified)).toEqual({ ruleId: 'pkg-required-files', file: SWAGGER, line: 1, column: 1 });
    expect(certified?.level).toBe('error');
    const [custom] = findingsOf('pkg-required-files', files, { profile: 'custom' });
    expect(custom?.level).toBe('warning');
  });

  it('finds package files whatever their letter case', () => {
    const files = pkg({ [SWAGGER]: undefined, 'readme.md': undefined, 'ApiDefinition.Swagger.json': json(swagger()), 'README.md': '# x\n' });
    expect(findingsOf('pkg-required-files', files)).toEqual([]);
  });
});

describe('pkg-file-readable', () => {
  it('passes on UTF-8 files', () => {
    expect(findingsOf('pkg-file-readable', pkg())).toEqual([]);
  });

  it('reports a UTF-16 file on line 1 and does not parse it', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(swagger()), 'utf16le')]);
    const report = gate(writeTree(pkg({ [SWAGGER]: utf16 })));
    const findings = report.connectors.flatMap((c) => c.findings);
    const readable = findings.filter((f) => f.ruleId === 'pkg-file-readable');
    expect(readable.map(where)).toEqual([{ ruleId: 'pkg-file-readable', file: SWAGGER, line: 1, column: 1 }]);
    expect(readable[0]?.message).toContain('UTF-16');
    // Not read, so no JSON noise on top.
    expect(findings.filter((f) => f.ruleId === 'pkg-json-strict')).toEqual([]);
  });

  it('reports invalid UTF-8 on the line and column of the bad byte', () => {
    const text = json(apiProperties({ publisher: 'Contoso XX' }));
    const line = lineOf(text, '"publisher"');
    const column = columnOf(text, line, 'XX');
    const bytes = Buffer.from(text.replace('XX', 'X\u0001'), 'utf8');
    bytes[bytes.indexOf(0x01)] = 0xc3; // a lead byte followed by '"': not valid UTF-8
    const [finding, ...rest] = findingsOf('pkg-file-readable', pkg({ [API_PROPERTIES]: bytes }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-file-readable', file: API_PROPERTIES, line, column: column + 1 });
    expect(finding?.message).toContain('not valid UTF-8');
  });

  it('reports a binary file (NUL bytes) on line 1', () => {
    const binary = Buffer.from([0x7b, 0x00, 0x00, 0x7d]);
    const [finding, ...rest] = findingsOf('pkg-file-readable', pkg({ 'readme.md': binary }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-file-readable', file: 'readme.md', line: 1, column: 1 });
    expect(finding?.message).toContain('binary');
  });

  it('does not follow a symbolic link to a file outside the workspace', () => {
    const outside = tempDir();
    // If the link were followed, this broken JSON would give pkg-json-strict findings.
    writeFileSync(path.join(outside, 'secret.json'), '{ "swagger": "2.0", oops }');
    const root = writeTree(pkg({ [SWAGGER]: undefined }));
    symlinkSync(path.join(outside, 'secret.json'), path.join(root, SWAGGER));
    const findings = gate(root).connectors.flatMap((c) => c.findings);
    const readable = findings.filter((f) => f.ruleId === 'pkg-file-readable');
    expect(readable.map(where)).toEqual([{ ruleId: 'pkg-file-readable', file: SWAGGER, line: 1, column: 1 }]);
    expect(readable[0]?.message).toContain('outside the workspace; not followed');
    expect(findings.filter((f) => f.ruleId === 'pkg-json-strict')).toEqual([]);
  });

  it('follows a symbolic link to a file inside the workspace', () => {
    const root = writeTree({ ...pkg({ [SWAGGER]: undefined }), 'shared/definition.json': json(swagger()) });
    symlinkSync(path.join(root, 'shared/definition.json'), path.join(root, SWAGGER));
    const findings = gate(root).connectors.flatMap((c) => c.findings);
    expect(findings.filter((f) => f.ruleId === 'pkg-file-readable')).toEqual([]);
  });

  it('does not open a FIFO named apiDefinition.swagger.json (no hang)', () => {
    const root = writeTree(pkg({ [SWAGGER]: undefined }));
    execFileSync('mkfifo', [path.join(root, SWAGGER)]);
    const started = Date.now();
    const [finding, ...rest] = gate(root)
      .connectors.flatMap((c) => c.findings)
      .filter((f) => f.ruleId === 'pkg-file-readable');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-file-readable', file: SWAGGER, line: 1, column: 1 });
    expect(finding?.message).toContain('not a regular file');
  });

  it('reports a file it may not read (chmod 000), unless running as root, who may read it anyway', () => {
    const root = writeTree(pkg());
    chmodSync(path.join(root, API_PROPERTIES), 0o000);
    const findings = gate(root)
      .connectors.flatMap((c) => c.findings)
      .filter((f) => f.ruleId === 'pkg-file-readable');
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot) {
      // Root bypasses file permissions: the read succeeds and there is nothing to report.
      expect(findings).toEqual([]);
    } else {
      expect(findings.map(where)).toEqual([{ ruleId: 'pkg-file-readable', file: API_PROPERTIES, line: 1, column: 1 }]);
      expect(findings[0]?.message).toContain('permission denied');
    }
    chmodSync(path.join(root, API_PROPERTIES), 0o644);
  });
});

describe('pkg-json-strict', () => {
  function strict(file: string, text: string | Buffer, profile?: 'custom'): Finding[] {
    return findingsOf('pkg-json-strict', pkg({ [file]: text }), profile ? { profile } : {});
  }

  it('passes on strict JSON', () => {
    expect(findingsOf('pkg-json-strict', pkg())).toEqual([]);
  });

  it('reports a trailing comma where the parse breaks (the closing brace)', () => {
    const text = '{\n  "properties": {\n    "iconBrandColor": "#e44719",\n  }\n}\n';
    const [finding, ...rest] = strict(API_PROPERTIES, text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-json-strict', file: API_PROPERTIES, line: 4, column: 3 });
    expect(finding?.message).toContain('trailing comma');
  });

  it('reports a comment, as an error even for custom connectors', () => {
    const text = '{\n  // our connector\n  "properties": {}\n}\n';
    const [finding, ...rest] = strict(API_PROPERTIES, text, 'custom');
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-json-strict', file: API_PROPERTIES, line: 2, column: 3 });
    expect(finding?.message).toContain('comments are not allowed');
    expect(finding?.level).toBe('error');
  });

  it('reports a missing comma at the next property', () => {
    const text = json(apiProperties()).replace('"iconBrandColor": "#e44719",', '"iconBrandColor": "#e44719"');
    const line = lineOf(text, '"capabilities"');
    const [finding, ...rest] = strict(API_PROPERTIES, text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-json-strict', file: API_PROPERTIES, line, column: columnOf(text, line, '"capabilities"') });
    expect(finding?.message).toContain("',' expected");
  });

  it('reports a raw control character inside a string at the character itself', () => {
    const text = json(swagger()).replace('List frames', 'List\tframes');
    const line = lineOf(text, '"summary"');
    const [finding, ...rest] = strict(SWAGGER, text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-json-strict', file: SWAGGER, line, column: columnOf(text, line, '\t') });
    expect(finding?.message).toContain('control character');
  });

  it('reports a duplicate key at the second occurrence, naming the first line', () => {
    const text = json(apiProperties()).replace('"publisher": "Contoso",', '"publisher": "Contoso",\n    "publisher": "Fabrikam",');
    const first = lineOf(text, '"publisher"');
    const second = lineOf(text, '"publisher"', 2);
    const [finding, ...rest] = strict(API_PROPERTIES, text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-json-strict', file: API_PROPERTIES, line: second, column: 5 });
    expect(finding?.message).toContain(`duplicate key "publisher" (first defined at line ${first}, column 5)`);
  });

  it('tolerates a UTF-8 byte order mark, and columns on line 1 stay right', () => {
    const line1 = '{"swagger": "3.0", "info": {"title": "Contoso", "version": "1.0"}, "paths": {}}\n';
    const root = writeTree(pkg({ [SWAGGER]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line1)]) }));
    const findings = gate(root).connectors.flatMap((c) => c.findings);
    expect(findings.filter((f) => f.ruleId === 'pkg-json-strict' || f.ruleId === 'pkg-file-readable')).toEqual([]);
    const version = findings.filter((f) => f.ruleId === 'swagger-version');
    expect(version.map(where)).toEqual([{ ruleId: 'swagger-version', file: SWAGGER, line: 1, column: line1.indexOf('"3.0"') + 1 }]);
  });

  it('reports a top-level array', () => {
    const [finding, ...rest] = strict(API_PROPERTIES, '[\n  {}\n]\n');
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-json-strict', file: API_PROPERTIES, line: 1, column: 1 });
    expect(finding?.message).toContain('a JSON array; a JSON object is expected');
  });

  it('reports an empty file', () => {
    const [finding, ...rest] = strict(SWAGGER, '  \n');
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-json-strict', file: SWAGGER, line: 1, column: 1 });
    expect(finding?.message).toContain('empty');
  });

  it('reports content after the end of the JSON value', () => {
    const [finding, ...rest] = strict(API_PROPERTIES, '{\n  "properties": {}\n},\n');
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-json-strict', file: API_PROPERTIES, line: 3, column: 2 });
  });

  it('reports nesting too deep to parse, without crashing', () => {
    const text = '{"a":' + '['.repeat(600) + ']'.repeat(600) + '}';
    const report = gate(writeTree(pkg({ [API_PROPERTIES]: text })));
    expect(report.internalErrors).toEqual([]);
    const findings = report.connectors.flatMap((c) => c.findings).filter((f) => f.ruleId === 'pkg-json-strict');
    expect(findings.map(where)).toEqual([{ ruleId: 'pkg-json-strict', file: API_PROPERTIES, line: 1, column: 5 + 512 }]);
  });
});

describe('pkg-swagger-size', () => {
  it('passes below 1 MB', () => {
    expect(findingsOf('pkg-swagger-size', pkg())).toEqual([]);
  });

  it('reports a definition above 1 MB on line 1', () => {
    const big = json(swagger({ 'x-padding': 'x'.repeat(1024 * 1024) }));
    const [finding, ...rest] = findingsOf('pkg-swagger-size', pkg({ [SWAGGER]: big }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-swagger-size', file: SWAGGER, line: 1, column: 1 });
    expect(finding?.message).toContain('1 MB');
  });
});

describe('swagger-version', () => {
  it('passes on "swagger": "2.0"', () => {
    expect(findingsOf('swagger-version', pkg())).toEqual([]);
  });

  it('reports OpenAPI 3 at the openapi property', () => {
    const document = swagger();
    delete document.swagger;
    const text = json({ openapi: '3.0.1', ...document });
    const [finding, ...rest] = findingsOf('swagger-version', pkg({ [SWAGGER]: text }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'swagger-version', file: SWAGGER, line: 2, column: 14 });
    expect(finding?.message).toContain('OpenAPI 3');
  });

  it('reports a missing "swagger" at the root object', () => {
    const document = swagger();
    delete document.swagger;
    const [finding, ...rest] = findingsOf('swagger-version', pkg({ [SWAGGER]: json(document) }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'swagger-version', file: SWAGGER, line: 1, column: 1 });
  });

  it('reports "swagger": 2 (a number) at the value', () => {
    const [finding, ...rest] = findingsOf('swagger-version', pkg({ [SWAGGER]: json(swagger({ swagger: 2 })) }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'swagger-version', file: SWAGGER, line: 2, column: 14 });
    expect(finding?.message).toContain('must be the string "2.0"');
  });
});

describe('swagger-schema', () => {
  it('passes on a valid Swagger 2.0 definition', () => {
    expect(findingsOf('swagger-schema', pkg())).toEqual([]);
  });

  it('reports an unknown root property at its key', () => {
    const text = json(swagger({ scriptOperations: ['ListFrames'] }));
    const line = lineOf(text, '"scriptOperations"');
    const [finding, ...rest] = findingsOf('swagger-schema', pkg({ [SWAGGER]: text }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'swagger-schema', file: SWAGGER, line, column: 3 });
    expect(finding?.message).toContain('property "scriptOperations" is not allowed here');
  });

  it('reports a wrong JSON type at the value', () => {
    const text = json(swagger({ schemes: 'https' }));
    const line = lineOf(text, '"schemes"');
    const [finding, ...rest] = findingsOf('swagger-schema', pkg({ [SWAGGER]: text }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'swagger-schema', file: SWAGGER, line, column: columnOf(text, line, '"https"') });
    expect(finding?.message).toContain('"schemes" must be of type array');
  });

  it('reports empty responses at the value', () => {
    const document = swagger();
    (document.paths as { '/frames': { get: { responses: unknown } } })['/frames'].get.responses = {};
    const text = json(document);
    const line = lineOf(text, '"responses"');
    const [finding, ...rest] = findingsOf('swagger-schema', pkg({ [SWAGGER]: text }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'swagger-schema', file: SWAGGER, line, column: columnOf(text, line, '{}') });
  });

  describe('a parameter that matches none of the forms Swagger allows: one finding, not one per form', () => {
    const withParameter = (parameter: object): string => {
      const document = swagger();
      (document.paths as { '/frames': { get: Record<string, unknown> } })['/frames'].get.parameters = [parameter];
      return json(document);
    };

    it('an unexpected key is reported once, at that key', () => {
      const text = withParameter({ name: 'q', in: 'query', type: 'string', bogus: 1 });
      const findings = findingsOf('swagger-schema', pkg({ [SWAGGER]: text }));
      expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([[lineOf(text, '"bogus"'), 13, 'Swagger 2.0 schema: property "bogus" is not allowed here']]);
    });

    it('a wrong location lists every allowed value in one finding', () => {
      const text = withParameter({ name: 'q', in: 'querry', type: 'string' });
      const findings = findingsOf('swagger-schema', pkg({ [SWAGGER]: text }));
      expect(findings.map((f) => [f.line, f.message])).toEqual([
        [lineOf(text, '"querry"'), 'Swagger 2.0 schema: "in" must be one of: "body", "header", "formData", "query", "path"'],
      ]);
    });

    it('a missing name wins over the complaints of forms that do not apply', () => {
      const text = withParameter({ in: 'query', type: 'string' });
      const findings = findingsOf('swagger-schema', pkg({ [SWAGGER]: text }));
      expect(findings.map((f) => f.message)).toEqual(['Swagger 2.0 schema: item 0 missing required property "name"']);
    });
  });

  it('stays quiet when the version is wrong (swagger-version explains it)', () => {
    expect(findingsOf('swagger-schema', pkg({ [SWAGGER]: json(swagger({ swagger: '3.0', bogus: 1 })) }))).toEqual([]);
  });
});

describe('refs', () => {
  function withRef(ref: string): string {
    const document = swagger();
    (document.paths as Record<string, { get: { responses: Record<string, { schema: unknown }> } }>)['/frames']!.get.responses['200']!.schema = { $ref: ref };
    return json(document);
  }

  function refFindings(text: string): Finding[] {
    return findingsOf('refs', pkg({ [SWAGGER]: text }));
  }

  it('passes on refs to #/definitions, #/parameters and #/responses that resolve', () => {
    const document = swagger({
      parameters: { top: { name: '$top', in: 'query', type: 'integer' } },
      responses: { NotFound: { description: 'Not found' } },
    });
    const get = (document.paths as Record<string, { get: Record<string, unknown> }>)['/frames']!.get;
    get.parameters = [{ $ref: '#/parameters/top' }];
    (get.responses as Record<string, unknown>)['404'] = { $ref: '#/responses/NotFound' };
    expect(refFindings(json(document))).toEqual([]);
  });

  it('reports an http ref without fetching it', () => {
    const text = withRef('http://example.com/schemas/frame.json');
    const line = lineOf(text, '"$ref"');
    const [finding, ...rest] = refFindings(text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'refs', file: SWAGGER, line, column: columnOf(text, line, '"http:') });
    expect(finding?.message).toContain('points outside this file');
  });

  it('reports a ../../etc/passwd ref and never reads it', () => {
    // A file the ref would reach if it were resolved against the package folder: it must stay unread.
    const root = writeTree(pkg({ [SWAGGER]: withRef('../secret.json#/Frame') }));
    writeFileSync(path.join(root, '..', 'secret.json'), '{ "Frame": { "type": "object" } }');
    const text = withRef('../../etc/passwd');
    const rootWithPasswd = writeTree(pkg({ [SWAGGER]: text }));
    for (const dir of [root, rootWithPasswd]) {
      const findings = gate(dir).connectors.flatMap((c) => c.findings).filter((f) => f.ruleId === 'refs');
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toContain('external references are never fetched');
    }
    const [finding] = refFindings(text);
    const line = lineOf(text, '"$ref"');
    expect(where(finding)).toEqual({ ruleId: 'refs', file: SWAGGER, line, column: columnOf(text, line, '"../../etc/passwd"') });
  });

  it('reports a ref whose target is missing', () => {
    const text = withRef('#/definitions/Picture');
    const line = lineOf(text, '"$ref"');
    const [finding, ...rest] = refFindings(text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'refs', file: SWAGGER, line, column: columnOf(text, line, '"#/definitions/Picture"') });
    expect(finding?.message).toContain('points to nothing');
  });

  it('reports a ref outside definitions, parameters and responses', () => {
    const text = withRef('#/definitions/Frame/properties/id');
    const [finding, ...rest] = refFindings(text);
    expect(rest).toEqual([]);
    expect(finding?.line).toBe(lineOf(text, '"$ref"'));
    expect(finding?.message).toContain('must point to an entry of #/definitions');
  });

  it('reports a self-referencing schema as a loop, and terminates', () => {
    const text = json(swagger({ definitions: { Frame: { $ref: '#/definitions/Frame' } } }));
    const line = lineOf(text, '"$ref": "#/definitions/Frame"', 2);
    const report = gate(writeTree(pkg({ [SWAGGER]: text })));
    expect(report.internalErrors).toEqual([]);
    const findings = report.connectors.flatMap((c) => c.findings).filter((f) => f.ruleId === 'refs');
    expect(findings.map(where)).toEqual([
      { ruleId: 'refs', file: SWAGGER, line: lineOf(text, '"$ref"'), column: columnOf(text, lineOf(text, '"$ref"'), '"#/') },
      { ruleId: 'refs', file: SWAGGER, line, column: columnOf(text, line, '"#/') },
    ]);
    expect(findings[1]?.message).toContain('loop');
  });

  it('accepts a recursive schema (a property that refers to its own definition)', () => {
    const text = json(swagger({ definitions: { Frame: { type: 'object', properties: { parent: { $ref: '#/definitions/Frame' } } } } }));
    expect(refFindings(text)).toEqual([]);
  });

  it('reports a $ref that is not a string', () => {
    const text = withRef('x').replace('"$ref": "x"', '"$ref": 42');
    const line = lineOf(text, '"$ref"');
    const [finding, ...rest] = refFindings(text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'refs', file: SWAGGER, line, column: columnOf(text, line, '42') });
  });
});

describe('operationid-required-unique', () => {
  function withOperations(paths: Record<string, unknown>): string {
    return json(swagger({ paths }));
  }
  const ok = { responses: { '200': { description: 'OK' } } };

  it('passes when every operation has a unique operationId', () => {
    expect(findingsOf('operationid-required-unique', pkg())).toEqual([]);
  });

  it('reports a missing operationId at the method key', () => {
    const text = withOperations({ '/frames': { get: { ...ok } } });
    const line = lineOf(text, '"get"');
    const [finding, ...rest] = findingsOf('operationid-required-unique', pkg({ [SWAGGER]: text }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'operationid-required-unique', file: SWAGGER, line, column: 7 });
    expect(finding?.message).toBe('GET /frames has no operationId');
  });

  it('reports an empty operationId at its value', () => {
    const text = withOperations({ '/frames': { get: { operationId: ' ', ...ok } } });
    const line = lineOf(text, '"operationId"');
    const [finding, ...rest] = findingsOf('operationid-required-unique', pkg({ [SWAGGER]: text }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'operationid-required-unique', file: SWAGGER, line, column: columnOf(text, line, '" "') });
  });

  it('reports the second use of an operationId, naming the first line', () => {
    const text = withOperations({ '/frames': { get: { operationId: 'Frames', ...ok }, post: { operationId: 'Frames', ...ok } } });
    const first = lineOf(text, '"operationId"');
    const second = lineOf(text, '"operationId"', 2);
    const [finding, ...rest] = findingsOf('operationid-required-unique', pkg({ [SWAGGER]: text }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'operationid-required-unique', file: SWAGGER, line: second, column: columnOf(text, second, '"Frames"') });
    expect(finding?.message).toContain(`already used on line ${first}`);
  });
});

describe('apiprops-schema', () => {
  function schemaFindings(text: string): Finding[] {
    return findingsOf('apiprops-schema', pkg({ [API_PROPERTIES]: text }));
  }

  it('passes on a plain API key connector', () => {
    expect(findingsOf('apiprops-schema', pkg())).toEqual([]);
  });

  it('accepts what the platform accepts but Microsoft\'s published schema rejects', () => {
    const text = json({
      properties: {
        connectionParameters: {
          token: {
            type: 'oauthSetting',
            oAuthSettings: {
              identityProvider: 'aad',
              clientId: null,
              scopes: [],
              redirectMode: 'GlobalPerConnector',
              redirectUrl: 'https://global.consent.azure-apim.net/redirect',
              properties: { IsFirstParty: 'False', IsOnbehalfofLoginSupported: true },
              customParameters: { resourceUri: { value: 'https://graph.microsoft.com' }, tenantId: {}, loginUri: { value: null } },
            },
            uiDefinition: { displayName: 'Sign in', description: 'Sign in', tooltip: 'Sign in', constraints: { required: 'true', hidden: false } },
          },
          'token:TenantId': {
            type: 'string',
            metadata: { sourceType: 'AzureActiveDirectoryTenant' },
            uiDefinition: { displayName: 'Tenant', description: 'Tenant', constraints: { required: 'false', hidden: 'true' } },
          },
          'contentgate-DnsName': { type: 'string', uiDefinition: { constraints: { allowedValues: [{ text: 'EU', value: 'eu' }] } } },
        },
        connectionParameterSets: {
          uiDefinition: { displayname: 'Authentication type', description: 'How to sign in' },
          values: [
            { name: 'oauth', uiDefinition: { displayName: 'OAuth', description: 'OAuth' }, parameters: { token: { type: 'oauthSetting', oauthSettings: { identityProvider: 'oauth2', scopes: ['read'] } } } },
            { name: 'key', metadata: { allowSharing: false }, parameters: { api_key: { type: 'securestring' } } },
          ],
        },
        iconBrandColor: '#da3b01',
        capabilities: ['actions'],
        publisher: 'Jane Doe',
        stackOwner: 'Contoso',
        scriptOperations: ['ListFrames'],
        policyTemplateInstances: [
          { templateId: 'dynamichosturl', title: 'Host', parameters: { 'x-ms-apimTemplateParameter.urlTemplate': 'https://@connectionParameters(\'host\')' } },
          { templateId: 'pollingtrigger', title: 'Poll', type: 'PollingTrigger', parameters: { 'x-ms-apimTemplate-operationName': ['ListFrames'], 'x-ms-apimTemplateParameter.triggerConfig': { since: '@x' } } },
          { templateId: 'setheader', title: 'Header', parameters: { 'x-ms-apimTemplate-policySection': 'Request', 'x-ms-apimTemplateParameter.name': 'X-Id', 'x-ms-apimTemplateParameter.value': '1' } },
        ],
        'x-future-setting': { anything: [1, 2] },
      },
    });
    expect(schemaFindings(text)).toEqual([]);
  });

  it('reports an unknown connection parameter type at its value', () => {
    const text = json(apiProperties()).replace('"type": "securestring"', '"type": "password"');
    const line = lineOf(text, '"type"');
    const [finding, ...rest] = schemaFindings(text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'apiprops-schema', file: API_PROPERTIES, line, column: columnOf(text, line, '"password"') });
    expect(finding?.message).toContain('"type" must be one of: "string", "securestring", "int", "bool", "oauthSetting", "gatewaySetting"');
    expect(finding?.level).toBe('error');
  });

  it('reports a connection parameter without a type at the parameter key', () => {
    const text = json(apiProperties({ connectionParameters: { api_key: { uiDefinition: { displayName: 'Key' } } } }));
    const line = lineOf(text, '"api_key"');
    const [finding, ...rest] = schemaFindings(text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'apiprops-schema', file: API_PROPERTIES, line, column: columnOf(text, line, '{') });
    expect(finding?.message).toContain('"api_key" missing required property "type"');
  });

  it('reports wrong JSON types: capabilities as a string, required as a boolean', () => {
    const text = json(apiProperties({ capabilities: 'actions' })).replace('"required": "true"', '"required": true');
    const capabilities = lineOf(text, '"capabilities"');
    const required = lineOf(text, '"required"');
    const findings = schemaFindings(text);
    expect(findings.map(where)).toEqual([
      { ruleId: 'apiprops-schema', file: API_PROPERTIES, line: required, column: columnOf(text, required, 'true') },
      { ruleId: 'apiprops-schema', file: API_PROPERTIES, line: capabilities, column: columnOf(text, capabilities, '"actions"') },
    ]);
    expect(findings[0]?.message).toContain('"required" must be of type string');
    expect(findings[1]?.message).toContain('"capabilities" must be of type array');
  });

  it('reports an unknown redirectMode and an OAuth setting without identityProvider', () => {
    const text = json(
      apiProperties({
        connectionParameters: { token: { type: 'oauthSetting', oAuthSettings: { clientId: 'x', redirectMode: 'Local' } } },
      }),
    );
    const settings = lineOf(text, '"oAuthSettings"');
    const mode = lineOf(text, '"redirectMode"');
    const findings = schemaFindings(text);
    expect(findings.map(where)).toEqual([
      { ruleId: 'apiprops-schema', file: API_PROPERTIES, line: settings, column: columnOf(text, settings, '{') },
      { ruleId: 'apiprops-schema', file: API_PROPERTIES, line: mode, column: columnOf(text, mode, '"Local"') },
    ]);
    expect(findings[0]?.message).toContain('missing required property "identityProvider"');
    expect(findings[1]?.message).toContain('"Global", "GlobalPerConnector", "Direct"');
  });

  it('reports a policy template instance without templateId at the item', () => {
    const text = json(apiProperties({ policyTemplateInstances: [{ title: 'Route', parameters: {} }] }));
    const line = lineOf(text, '"policyTemplateInstances"') + 1;
    const [finding, ...rest] = schemaFindings(text);
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'apiprops-schema', file: API_PROPERTIES, line, column: 7 });
    expect(finding?.message).toContain('item 0 missing required property "templateId"');
  });

  it('reports an unknown top-level key at the key, and a missing "properties" at the root', () => {
    const text = json({ connectionParameters: {} });
    const findings = schemaFindings(text);
    expect(findings.map(where)).toEqual([
      { ruleId: 'apiprops-schema', file: API_PROPERTIES, line: 1, column: 1 },
      { ruleId: 'apiprops-schema', file: API_PROPERTIES, line: 2, column: 3 },
    ]);
    expect(findings[0]?.message).toContain('missing required property "properties"');
    expect(findings[1]?.message).toContain('property "connectionParameters" is not allowed here');
  });

  it('leaves a file that is not a JSON object to pkg-json-strict', () => {
    expect(schemaFindings('[]\n')).toEqual([]);
    expect(schemaFindings('')).toEqual([]);
  });
});

// Hostile input at the engine level (the bundled end-to-end cases are in __tests__/hostile/).
describe('hostile input', () => {
  it('pkg-file-readable: points at the first invalid byte, even after a legitimate U+FFFD', () => {
    const text = json(apiProperties({ publisher: '\uFFFD Contoso', stackOwner: 'Contoso XX' }));
    const line = lineOf(text, '"stackOwner"');
    const column = columnOf(text, line, 'XX') + 1;
    const bytes = Buffer.from(text.replace('XX', 'X\u0001'), 'utf8');
    bytes[bytes.indexOf(0x01)] = 0xe2; // a three-byte lead followed by '"': not UTF-8
    const [finding, ...rest] = findingsOf('pkg-file-readable', pkg({ [API_PROPERTIES]: bytes }));
    expect(rest).toEqual([]);
    expect(where(finding)).toEqual({ ruleId: 'pkg-file-readable', file: API_PROPERTIES, line, column });
  });

  it('pkg-file-readable: reports UTF-32 files (either byte order) as UTF-32, on line 1', () => {
    const utf32le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(new Uint32Array([0x7b, 0x7d]).buffer)]);
    const utf32be = Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b, 0, 0, 0, 0x7d]);
    for (const bytes of [utf32le, utf32be]) {
      const [finding, ...rest] = findingsOf('pkg-file-readable', pkg({ [SWAGGER]: bytes }));
      expect(rest).toEqual([]);
      expect(where(finding)).toEqual({ ruleId: 'pkg-file-readable', file: SWAGGER, line: 1, column: 1 });
      expect(finding?.message).toContain('is UTF-32 encoded');
    }
  });

  it('does not follow a named path inside the workspace that is a symbolic link out of it', () => {
    const outside = writeTree(pkg({ [SWAGGER]: '{ "swagger": "2.0", oops }' }));
    const root = tempDir();
    symlinkSync(outside, path.join(root, 'connectors'));
    const report = gate(root, { paths: ['connectors'] });
    expect(report.connectors).toEqual([]);
    expect(report.notes).toEqual(['connectors: symbolic link to a folder outside the workspace; not followed']);
  });

  it('refs: reports a chain of 10,000 definitions once, where it starts, in linear time', () => {
    const definitions: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) definitions[`D${i}`] = i < 9_999 ? { $ref: `#/definitions/D${i + 1}` } : { type: 'object' };
    const document = swagger({ definitions });
    (document.paths as Record<string, { get: { responses: Record<string, { schema: unknown }> } }>)['/frames']!.get.responses['200']!.schema = { $ref: '#/definitions/D0' };
    const text = json(document);
    const started = Date.now();
    const [finding, ...rest] = findingsOf('refs', pkg({ [SWAGGER]: text }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(rest).toEqual([]);
    const line = lineOf(text, '"$ref": "#/definitions/D0"');
    expect(where(finding)).toEqual({ ruleId: 'refs', file: SWAGGER, line, column: columnOf(text, line, '"#/') });
    expect(finding?.message).toContain('starts a chain of 10000 $refs');
  });

  it('refs: accepts a chain of 64 refs (what the rules follow)', () => {
    const definitions: Record<string, unknown> = {};
    for (let i = 0; i < 63; i++) definitions[`D${i}`] = i < 62 ? { $ref: `#/definitions/D${i + 1}` } : { type: 'object' };
    const document = swagger({ definitions });
    (document.paths as Record<string, { get: { responses: Record<string, { schema: unknown }> } }>)['/frames']!.get.responses['200']!.schema = { $ref: '#/definitions/D0' };
    expect(findingsOf('refs', pkg({ [SWAGGER]: json(document) }))).toEqual([]);
  });

  it('quotes a huge $ref, duplicate key or unknown property shortened', () => {
    const long = 'x'.repeat(100_000);
    const document = swagger({ [`x-${long}`]: 1 });
    (document.paths as Record<string, { get: { responses: Record<string, { schema: unknown }> } }>)['/frames']!.get.responses['200']!.schema = { $ref: `#/definitions/${long}` };
    const text = json(document).replace('"swagger": "2.0",', `"swagger": "2.0",\n  "${long}": 1,\n  "${long}": 2,`);
    const findings = gate(writeTree(pkg({ [SWAGGER]: text }))).connectors.flatMap((c) => c.findings);
    const quoting = findings.filter((f) => ['refs', 'pkg-json-strict', 'swagger-schema'].includes(f.ruleId));
    expect(quoting.map((f) => f.ruleId).sort()).toEqual(expect.arrayContaining(['pkg-json-strict', 'refs', 'swagger-schema']));
    for (const finding of findings) expect(finding.message.length, finding.ruleId).toBeLessThan(1000);
  });
});
