// Hostile and broken input, end to end: the bundled CLI on every runtime of run-dist.ts, inside a
// sandbox that refuses the network and child processes and records every file it touches. Each
// case ends as a finding on its file and line (or a one-line note that names the file), the run
// ends in bounded time with exit code 1 (findings), never 2 (tool failure), and nothing outside
// the workspace is read. Every input is generated here; nothing big is committed.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { json, tempDir } from '../helpers.js';
import { REPO, RUNTIMES, runCli } from '../e2e/run-dist.js';
import {
  animatedPng,
  API_PROPERTIES,
  bombPng,
  examplePackage,
  IS_ROOT,
  outside,
  palettePng,
  positionOf,
  sandboxed,
  solidPng,
  solidPng16,
  swagger,
  SWAGGER,
  withOperation,
  writePackages,
} from './harness.js';

const DIST = path.join(REPO, 'dist');
const OPTIONS = ['--owned-domain', 'contoso.com', '--sla', '99.95'];
const BRAND = '#1F6F8B';
/** Text that must never reach a report: it is only in files outside the workspace. */
const DECOY = 'DECOY-OUTSIDE-THE-WORKSPACE';

interface Expected {
  ruleId: string;
  /** File name inside the case's folder. */
  file: string;
  line: number;
  column?: number;
  message: RegExp;
}

interface Case {
  files: Record<string, string | Buffer>;
  expect: Expected[];
  /** Rules that must not report on this case. */
  quiet?: string[];
}

/** A local server that counts connections: an http $ref to it must never connect. */
const server = net.createServer((socket) => socket.destroy());
let connections = 0;
let port = 0;
beforeAll(async () => {
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Lets the event loop accept connections that queued while a synchronous child ran. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function refCases(): Record<string, Case> {
  const self = json(
    withOperation(
      { $ref: '#/definitions/A' },
      {
        definitions: { A: { $ref: '#/definitions/A' } },
        parameters: { P: { $ref: '#/parameters/P' } },
        responses: { R: { $ref: '#/responses/R' } },
      },
      [{ $ref: '#/parameters/P' }],
    ),
  ).replace('"responses": {', '"responses": {\n          "404": { "$ref": "#/responses/R" },');
  const mutual = json(withOperation({ $ref: '#/definitions/A' }, { definitions: { A: { $ref: '#/definitions/B' }, B: { $ref: '#/definitions/A' } } }));
  const missing = json(withOperation({ $ref: '#/definitions/Nope' }));
  const http = json(
    withOperation({ $ref: `http://127.0.0.1:${port}/frame.json` }, {}, [{ $ref: 'https://connector-gate-hostile.invalid/parameter.json' }]),
  );
  const passwd = json(withOperation({ $ref: '../../etc/passwd' }, {}, [{ $ref: '../secret.json#/Top' }]));
  const chain: Record<string, unknown> = {};
  const chainByProperties: Record<string, unknown> = {};
  for (let i = 0; i < 10_000; i++) {
    chain[`D${i}`] = i < 9_999 ? { $ref: `#/definitions/D${i + 1}` } : { type: 'object', properties: { id: { type: 'string' } } };
    chainByProperties[`D${i}`] = { type: 'object', properties: { next: i < 9_999 ? { $ref: `#/definitions/D${i + 1}` } : { type: 'string' } } };
  }
  const chained = json(withOperation({ $ref: '#/definitions/D0' }, { definitions: chain }));
  const hugeRef = json(withOperation({ $ref: `https://${'x'.repeat(5 * 1024 * 1024)}.example/frame.json` }));
  const loop = /leads into a loop of \$refs/;
  const at = (text: string, needle: string, occurrence: number, message: RegExp): Expected => ({
    ruleId: 'refs',
    file: SWAGGER,
    ...positionOf(text, needle, occurrence),
    message,
  });
  return {
    'ref-self-cycles': {
      files: examplePackage({ [SWAGGER]: self }),
      expect: [
        at(self, '"#/definitions/A"', 1, loop),
        at(self, '"#/definitions/A"', 2, loop),
        at(self, '"#/parameters/P"', 1, loop),
        at(self, '"#/parameters/P"', 2, loop),
        at(self, '"#/responses/R"', 1, loop),
        at(self, '"#/responses/R"', 2, loop),
      ],
    },
    'ref-mutual-cycle': {
      files: examplePackage({ [SWAGGER]: mutual }),
      expect: [at(mutual, '"#/definitions/A"', 1, loop), at(mutual, '"#/definitions/B"', 1, loop), at(mutual, '"#/definitions/A"', 2, loop)],
    },
    'ref-missing-target': { files: examplePackage({ [SWAGGER]: missing }), expect: [at(missing, '"#/definitions/Nope"', 1, /points to nothing/)] },
    'ref-http': {
      files: examplePackage({ [SWAGGER]: http }),
      expect: [at(http, '"http://127.0.0.1', 1, /points outside this file.*never fetched/), at(http, '"https://connector-gate-hostile', 1, /points outside this file/)],
    },
    'ref-passwd': {
      files: examplePackage({ [SWAGGER]: passwd }),
      expect: [at(passwd, '"../../etc/passwd"', 1, /points outside this file/), at(passwd, '"../secret.json#/Top"', 1, /points outside this file/)],
    },
    // Quoted in full, this ref would put 5 MB into the message, every report and the annotation.
    'ref-5mb': { files: examplePackage({ [SWAGGER]: hugeRef }), expect: [at(hugeRef, '"https://xxx', 1, /^"https:\/\/x{100,}…" points outside this file/)] },
    'ref-chain-10000': {
      files: examplePackage({ [SWAGGER]: chained }),
      expect: [at(chained, '"#/definitions/D0"', 1, /starts a chain of 10000 \$refs.*follows at most 64/)],
    },
    'ref-chain-10000-properties': { files: examplePackage({ [SWAGGER]: json(withOperation({ $ref: '#/definitions/D0' }, { definitions: chainByProperties })) }), expect: [], quiet: ['refs'] },
  };
}

function jsonCases(): Record<string, Case> {
  const example = readFileSync(path.join(REPO, 'examples/contoso-frames', SWAGGER), 'utf8');
  const utf16le = Buffer.from(`\uFEFF${example}`, 'utf16le');
  const utf32 = (littleEndian: boolean): Buffer => {
    const points = [...`\uFEFF${example}`].map((c) => c.codePointAt(0) as number);
    const bytes = Buffer.alloc(points.length * 4);
    points.forEach((point, i) => (littleEndian ? bytes.writeUInt32LE(point, i * 4) : bytes.writeUInt32BE(point, i * 4)));
    return bytes;
  };
  // A legitimate U+FFFD on line 3, the first invalid byte on line 4.
  const invalidText = '{\n  "swagger": "2.0",\n  "x-note": "\uFFFD is a fine character",\n  "x-bad": "AB"\n}\n';
  const invalid = Buffer.from(invalidText, 'utf8');
  invalid[invalid.lastIndexOf('B')] = 0xc3; // a lead byte followed by '"': not UTF-8
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 0xff));
  const title = 'T'.repeat(10 * 1024 * 1024);
  const hugeString = json(swagger({ info: { title, description: 'A connector with a title of ten megabytes.', version: '1.0' } }));
  // 50,000 distinct objects in an enum: checking that no two are equal pair by pair took minutes.
  const bigEnum = JSON.stringify(swagger({ definitions: { Huge: { type: 'object', maxLength: 'long', enum: Array.from({ length: 50_000 }, (_, id) => ({ id })) } } }));
  const strict = (file: string, line: number, column: number, message: RegExp): Expected => ({ ruleId: 'pkg-json-strict', file, line, column, message });
  const readable = (message: RegExp, line = 1, column = 1): Expected => ({ ruleId: 'pkg-file-readable', file: SWAGGER, line, column, message });
  return {
    'json-empty': { files: examplePackage({ [SWAGGER]: '' }), expect: [strict(SWAGGER, 1, 1, /the file is empty/)] },
    'json-whitespace': { files: examplePackage({ [SWAGGER]: ' \n\t  \r\n ' }), expect: [strict(SWAGGER, 1, 1, /the file is empty/)] },
    'json-utf8-bom': {
      files: examplePackage({ [SWAGGER]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(example)]) }),
      expect: [],
      quiet: ['pkg-file-readable', 'pkg-json-strict', 'swagger-schema'],
    },
    'json-utf16le': { files: examplePackage({ [SWAGGER]: utf16le }), expect: [readable(/is UTF-16 encoded; save it as UTF-8/)], quiet: ['pkg-json-strict'] },
    'json-utf16be': { files: examplePackage({ [SWAGGER]: Buffer.from(utf16le).swap16() }), expect: [readable(/is UTF-16 encoded/)], quiet: ['pkg-json-strict'] },
    'json-utf32le': { files: examplePackage({ [SWAGGER]: utf32(true) }), expect: [readable(/is UTF-32 encoded; save it as UTF-8/)], quiet: ['pkg-json-strict'] },
    'json-utf32be': { files: examplePackage({ [SWAGGER]: utf32(false) }), expect: [readable(/is UTF-32 encoded/)], quiet: ['pkg-json-strict'] },
    'json-invalid-utf8-after-fffd': {
      files: examplePackage({ [SWAGGER]: invalid }),
      expect: [readable(/contains bytes that are not valid UTF-8/, 4, positionOf(invalidText, 'B"').column)],
    },
    'json-binary': { files: examplePackage({ [SWAGGER]: binary }), expect: [readable(/is a binary file/)], quiet: ['pkg-json-strict'] },
    'json-comments': { files: examplePackage({ [SWAGGER]: '{\n  // a comment\n  "swagger": "2.0" /* another */\n}\n' }), expect: [strict(SWAGGER, 2, 3, /comments are not allowed/), strict(SWAGGER, 3, 20, /comments are not allowed/)] },
    'json-trailing-comma': { files: examplePackage({ [SWAGGER]: '{\n  "swagger": "2.0",\n}\n' }), expect: [strict(SWAGGER, 3, 1, /trailing comma/)] },
    'json-duplicate-keys': {
      files: examplePackage({ [API_PROPERTIES]: '{\n  "properties": {},\n  "properties": {}\n}\n' }),
      expect: [strict(API_PROPERTIES, 3, 3, /duplicate key "properties" \(first defined at line 2, column 3\)/)],
    },
    'json-nesting-100000': {
      files: examplePackage({ [SWAGGER]: `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}` }),
      expect: [strict(SWAGGER, 1, 5 + 512, /nesting deeper than 512 levels/)],
    },
    'json-nesting-100000-unclosed': { files: examplePackage({ [API_PROPERTIES]: '{"a":'.repeat(100_000) }), expect: [strict(API_PROPERTIES, 1, 1 + 5 * 512, /nesting deeper than 512/)] },
    'json-string-10mb': {
      files: examplePackage({ [SWAGGER]: hugeString }),
      expect: [
        { ruleId: 'pkg-swagger-size', file: SWAGGER, line: 1, column: 1, message: /10\.\d+ MB; the platform limit is 1 MB/ },
        { ruleId: 'info-title-length', file: SWAGGER, ...positionOf(hugeString, `"${'T'.repeat(20)}`), message: /has 10485760 characters/ },
      ],
    },
    'schema-enum-50000-objects': {
      files: examplePackage({ [SWAGGER]: bigEnum }),
      expect: [{ ruleId: 'swagger-schema', file: SWAGGER, ...positionOf(bigEnum, '"long"'), message: /"maxLength" must be of type integer/ }],
    },
    'json-top-level-array': { files: examplePackage({ [SWAGGER]: '[\n  {}\n]\n' }), expect: [strict(SWAGGER, 1, 1, /the file holds a JSON array; a JSON object is expected/)] },
  };
}

function iconCases(): Record<string, Case> {
  const icon = (message: RegExp): Expected => ({ ruleId: 'icon-format', file: 'icon.png', line: 1, column: 1, message });
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
  return {
    'icon-not-png': { files: examplePackage({ 'icon.png': jpeg }), expect: [icon(/icon\.png is not a PNG file \(it is a JPEG\)/)] },
    'icon-truncated': { files: examplePackage({ 'icon.png': solidPng(230, BRAND).subarray(0, 120) }), expect: [icon(/is truncated/)] },
    'icon-100000x100000': { files: examplePackage({ 'icon.png': bombPng(100_000, 100_000) }), expect: [icon(/claims 100000×100000 pixels .* not decoded/)] },
    'icon-animated': { files: examplePackage({ 'icon.png': animatedPng(230, BRAND) }), expect: [icon(/is an animated PNG \(acTL chunk, 2 frames\)/)] },
    'icon-16-bit': { files: examplePackage({ 'icon.png': solidPng16(230, BRAND) }), expect: [], quiet: ['icon-format', 'icon-size', 'icon-background', 'pkg-file-readable'] },
    'icon-palette': { files: examplePackage({ 'icon.png': palettePng(230, BRAND) }), expect: [], quiet: ['icon-format', 'icon-size', 'icon-background', 'pkg-file-readable'] },
  };
}

interface Workspace {
  /** Holds the workspace and the files outside it that must never be read. */
  parent: string;
  root: string;
  cases: Record<string, Case>;
  decoys: string[];
}

/** Every case in one workspace, so one run per runtime covers them all. */
function hostileWorkspace(): Workspace {
  const parent = tempDir();
  const root = path.join(parent, 'workspace');
  const cases = { ...jsonCases(), ...refCases(), ...iconCases() };
  cases['script-csx'] = {
    // If anything ran this, it would leave a marker file; the sandbox also refuses every child process.
    files: examplePackage({ 'script.csx': `public class Script : ScriptBase { public override Task<HttpResponseMessage> ExecuteAsync() { System.IO.File.WriteAllText("${parent}/csx-ran", "ran"); return null; } }\n` }),
    expect: [],
  };
  writePackages(root, Object.fromEntries(Object.entries(cases).map(([folder, { files }]) => [folder, files])));

  // Files outside the workspace that a followed symlink or a resolved relative $ref would reach.
  const decoys = [path.join(parent, 'etc/passwd'), path.join(root, 'secret.json'), path.join(parent, 'outside/apiDefinition.swagger.json')];
  mkdirSync(path.join(parent, 'etc'));
  writeFileSync(decoys[0] as string, `root:x:0:0:${DECOY}:/root:/bin/sh\n`);
  writeFileSync(decoys[1] as string, JSON.stringify({ Top: { name: 'top', in: 'query', type: 'integer', description: DECOY } }));
  writePackages(path.join(parent, 'outside'), { '.': examplePackage({ [SWAGGER]: `{ "swagger": "2.0", "info": "${DECOY}", oops }` }) });
  writeFileSync(path.join(parent, 'outside/secret.json'), `{ "${DECOY}": true, oops }`);

  // Symbolic links out of the workspace: a connector folder, a package file, a device.
  symlinkSync(path.join(parent, 'outside'), path.join(root, 'linked-folder'));
  cases['file-symlink-outside'] = {
    files: {},
    expect: [{ ruleId: 'pkg-file-readable', file: SWAGGER, line: 1, column: 1, message: /is a symbolic link to a file outside the workspace; not followed/ }],
    quiet: ['pkg-json-strict'],
  };
  writePackages(root, { 'file-symlink-outside': examplePackage({ [SWAGGER]: undefined }) });
  symlinkSync(path.join(parent, 'outside/secret.json'), path.join(root, 'file-symlink-outside', SWAGGER));
  cases['file-symlink-dev-zero'] = {
    files: {},
    expect: [{ ruleId: 'pkg-file-readable', file: SWAGGER, line: 1, column: 1, message: /outside the workspace; not followed/ }],
  };
  writePackages(root, { 'file-symlink-dev-zero': examplePackage({ [SWAGGER]: undefined }) });
  symlinkSync('/dev/zero', path.join(root, 'file-symlink-dev-zero', SWAGGER));

  // Not regular files: FIFOs (a blocking open would hang forever) and, as root, a device node.
  const notRegular = /is not a regular file \(a FIFO, device or folder\); not opened/;
  cases['file-fifo'] = {
    files: {},
    expect: [SWAGGER, 'icon.png', 'readme.md'].map((file) => ({ ruleId: 'pkg-file-readable', file, line: 1, column: 1, message: notRegular })),
  };
  writePackages(root, { 'file-fifo': examplePackage({ [SWAGGER]: undefined, 'icon.png': undefined, 'readme.md': undefined }) });
  for (const name of [SWAGGER, 'icon.png', 'readme.md']) execFileSync('mkfifo', [path.join(root, 'file-fifo', name)]);
  if (IS_ROOT) {
    cases['file-device'] = { files: {}, expect: [{ ruleId: 'pkg-file-readable', file: SWAGGER, line: 1, column: 1, message: notRegular }] };
    writePackages(root, { 'file-device': examplePackage({ [SWAGGER]: undefined }) });
    execFileSync('mknod', [path.join(root, 'file-device', SWAGGER), 'c', '1', '5']); // /dev/zero: reading never ends
  }
  return { parent, root, cases, decoys };
}

const workspace = hostileWorkspace();

describe.each(RUNTIMES)('hostile input on $name', ({ bin }) => {
  it('gives each case its finding on its file and line, in bounded time, reading nothing outside the workspace', async () => {
    const sandbox = sandboxed(bin);
    const output = path.join(tempDir(), 'report.json');
    connections = 0;
    const started = performance.now();
    const run = runCli(sandbox.bin, workspace.root, ['.', ...OPTIONS, '--format', 'json', '--output', output]);
    const ms = performance.now() - started;
    await settle();

    expect(run.stderr).not.toMatch(/connector-gate failed|internal error/i);
    expect(run.status).toBe(1);
    expect(ms).toBeLessThan(30_000);
    const text = readFileSync(output, 'utf8');
    const report = JSON.parse(text) as JsonReport;
    expect(report.internalErrors).toEqual([]);

    for (const [folder, { expect: expected, quiet = [] }] of Object.entries(workspace.cases)) {
      const connector = report.connectors.find((c) => c.dir === folder);
      expect(connector, folder).toBeDefined();
      const findings = connector?.findings ?? [];
      for (const want of expected) {
        const match = findings.find(
          (f) => f.ruleId === want.ruleId && f.file === `${folder}/${want.file}` && f.line === want.line && (want.column === undefined || f.column === want.column) && want.message.test(f.message),
        );
        expect(match, `${folder}: ${want.ruleId} at ${want.file}:${want.line}:${want.column ?? ''} ${want.message}\n${JSON.stringify(findings.filter((f) => f.ruleId === want.ruleId), null, 1)}`).toBeDefined();
      }
      expect(findings.filter((f) => quiet.includes(f.ruleId)), folder).toEqual([]);
      // Every message is one bounded line, whatever the input held.
      for (const finding of findings) expect(finding.message.length, `${folder} ${finding.ruleId}`).toBeLessThanOrEqual(4000);
    }

    // The symlinked connector folder: a note that names it, no connector, nothing read through it.
    expect(report.notes).toContain('linked-folder: symbolic link to a folder outside the workspace; not followed');
    expect(run.stderr).toContain('connector-gate: linked-folder: symbolic link to a folder outside the workspace; not followed');
    expect(report.connectors.some((c) => c.dir.startsWith('linked-folder'))).toBe(false);

    // Nothing outside the workspace was opened or listed, no decoy content leaked, no $ref was fetched.
    const record = sandbox.record();
    expect(outside([...record.reads, ...record.listings], [workspace.root, DIST])).toEqual([]);
    for (const decoy of workspace.decoys) expect(record.reads).not.toContain(decoy);
    expect(text).not.toContain(DECOY);
    expect(record.network).toEqual([]);
    expect(connections).toBe(0);
    expect(record.processes).toEqual([]);
    expect(record.writes.filter((file) => file !== output && file !== path.dirname(output))).toEqual([]);
  });

  it('reads a 20 MB definition within 20 s and finds a problem on its last lines', () => {
    const root = tempDir();
    const document = swagger();
    const definitions = document.definitions as Record<string, unknown>;
    for (let i = 0; definitions && i < 40_000; i++) {
      definitions[`Frame${i}`] = { type: 'object', description: 'd'.repeat(380), properties: { id: { type: 'string', description: 'The id.' } } };
    }
    const text = json(document).replace(/\n}\n$/, ',\n  "x-last": 1,\n  "x-last": 2\n}\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(20 * 1024 * 1024);
    writePackages(root, { big: examplePackage({ [SWAGGER]: text }) });
    const sandbox = sandboxed(bin);
    const output = path.join(tempDir(), 'report.json');
    const started = performance.now();
    const run = runCli(sandbox.bin, root, ['.', ...OPTIONS, '--format', 'json', '--output', output]);
    const ms = performance.now() - started;
    expect(run.status).toBe(1);
    expect(ms).toBeLessThan(20_000);
    const findings = (JSON.parse(readFileSync(output, 'utf8')) as JsonReport).connectors[0]?.findings ?? [];
    const last = positionOf(text, '"x-last"', 2);
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'pkg-json-strict', file: `big/${SWAGGER}`, line: last.line, column: last.column }));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'pkg-swagger-size', file: `big/${SWAGGER}`, line: 1 }));
    // Memory stays a small multiple of the file (text, tree and a JSON.parse copy), not unbounded.
    expect(sandbox.record().maxRssKiB / 1024).toBeLessThan(1024);
  });

  it('does not follow a configured path that a pull request replaced with a symbolic link out of the workspace', () => {
    const sandbox = sandboxed(bin);
    const run = runCli(sandbox.bin, workspace.root, ['linked-folder', ...OPTIONS]);
    expect(run.status).not.toBe(2);
    expect(run.stderr).toBe('connector-gate: linked-folder: symbolic link to a folder outside the workspace; not followed\n');
    expect(run.stdout).not.toContain(DECOY);
    expect(outside([...sandbox.record().reads, ...sandbox.record().listings], [workspace.root, DIST])).toEqual([]);
  });

  it('never connects to an http $ref, even with the network available (no sandbox)', async () => {
    connections = 0;
    const run = runCli(bin, workspace.root, ['ref-http', ...OPTIONS, '--format', 'json']);
    await settle();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('points outside this file');
    expect(connections).toBe(0);
  });

  it.runIf(IS_ROOT)('reports files it may not read, run as an unprivileged user (permission denied for real)', () => {
    // Root reads anything, so the run drops to uid/gid 65534 (nobody) with setpriv.
    const parent = tempDir();
    const root = path.join(parent, 'workspace');
    writePackages(root, { readable: examplePackage(), 'locked-file': examplePackage(), 'locked-folder': examplePackage(), 'no-entry': examplePackage() });
    for (const dir of [parent, root]) chmodSync(dir, 0o755);
    chmodSync(path.join(root, 'locked-file', API_PROPERTIES), 0o000);
    chmodSync(path.join(root, 'locked-folder'), 0o000); // cannot be listed
    chmodSync(path.join(root, 'no-entry'), 0o444); // listed, but its files cannot be opened
    const output = path.join(parent, 'out');
    mkdirSync(output, { mode: 0o777 });
    chmodSync(output, 0o777);
    const sandbox = sandboxed(bin, { asUser: 65534 });
    const run = runCli(sandbox.bin, root, ['.', ...OPTIONS, '--format', 'json', '--output', path.join(output, 'report.json')]);
    chmodSync(path.join(root, 'locked-folder'), 0o755);
    chmodSync(path.join(root, 'no-entry'), 0o755);
    expect(run.stderr).toContain('connector-gate: locked-folder: cannot be listed (EACCES); skipped');
    expect(run.status).toBe(1);
    const report = JSON.parse(readFileSync(path.join(output, 'report.json'), 'utf8')) as JsonReport;
    expect(report.internalErrors).toEqual([]);
    const denied = (dir: string) =>
      report.connectors
        .find((c) => c.dir === dir)
        ?.findings.filter((f) => f.ruleId === 'pkg-file-readable')
        .map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
    expect(denied('locked-file')).toEqual([`locked-file/${API_PROPERTIES}:1:1 ${API_PROPERTIES} cannot be read: permission denied`]);
    expect(denied('no-entry')).toContain(`no-entry/${SWAGGER}:1:1 ${SWAGGER} cannot be read: permission denied`);
    expect(denied('readable')).toEqual([]);
    expect(report.notes).toEqual(['locked-folder: cannot be listed (EACCES); skipped']);
  });
});
