// Helpers of the hostile suite: a sandbox around the bundled CLI/action (network and processes
// refused, file access and peak memory recorded), a GitHub-runner-faithful reader of workflow
// commands, and generators of hostile files (nothing big is committed: everything is made here).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pngjs from 'pngjs';
import { tempDir } from '../helpers.js';
import { REPO } from '../e2e/run-dist.js';

export const PRELOAD = path.join(__dirname, 'sandbox.mjs');
export const EXAMPLE = path.join(REPO, 'examples/contoso-frames');
export const SWAGGER = 'apiDefinition.swagger.json';
export const API_PROPERTIES = 'apiProperties.json';
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

export interface SandboxRecord {
  network: string[];
  processes: string[];
  reads: string[];
  listings: string[];
  writes: string[];
  maxRssKiB: number;
}

export interface Sandboxed {
  /** An executable that runs `bin` with the sandbox preloaded (pass it where run-dist.ts wants a runtime). */
  bin: string;
  /** What the last run recorded. */
  record(): SandboxRecord;
}

export interface SandboxOptions {
  /** Caps V8's old generation (MiB): a run that retained memory per connector would die. */
  maxOldSpaceMiB?: number;
  /** Records child processes without refusing them (the action may run git for its PR features). */
  allowProcesses?: boolean;
  /** Runs as this uid/gid (root only, via setpriv): to meet permission-denied files for real. */
  asUser?: number;
  /** More node options, e.g. --trace-gc. */
  nodeFlags?: string[];
}

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Wraps a runtime in a bash script that preloads sandbox.mjs, so runCli/runAction (which take a
 * runtime path and set their own environment) run the bundle inside the sandbox unchanged.
 */
export function sandboxed(bin: string, options: SandboxOptions = {}): Sandboxed {
  const dir = tempDir();
  const recordFile = path.join(dir, 'record.json');
  const wrapper = path.join(dir, 'node');
  const env = [`HOSTILE_SANDBOX_FILE=${quote(recordFile)}`, ...(options.allowProcesses ? ['HOSTILE_SANDBOX_ALLOW_PROCESSES=1'] : [])];
  const flags = [`--import=${PRELOAD}`, ...(options.maxOldSpaceMiB ? [`--max-old-space-size=${options.maxOldSpaceMiB}`] : []), ...(options.nodeFlags ?? [])];
  const user = options.asUser === undefined ? [] : ['setpriv', `--reuid=${options.asUser}`, `--regid=${options.asUser}`, '--clear-groups'];
  // bash, not sh: dash drops variables whose names hold a '-' (INPUT_GITHUB-TOKEN) from the environment.
  writeFileSync(wrapper, `#!/usr/bin/env bash\n${env.join(' ')} exec ${[...user, bin, ...flags].map(quote).join(' ')} "$@"\n`, { mode: 0o755 });
  if (options.asUser !== undefined) chmodSync(dir, 0o777);
  return {
    bin: wrapper,
    record: () => {
      if (!existsSync(recordFile)) throw new Error('the sandboxed process wrote no record (did it start?)');
      return JSON.parse(readFileSync(recordFile, 'utf8')) as SandboxRecord;
    },
  };
}

/** Paths in `paths` that lie outside every folder in `allowed`. */
export function outside(paths: readonly string[], allowed: readonly string[]): string[] {
  return paths.filter((file) => !allowed.some((dir) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep)));
}

// ---------------------------------------------------------------------------------------------
// Workflow commands, read as the GitHub runner reads them (actions/runner ActionCommand.cs):
// a line is a command when, after leading whitespace, it starts with `::name` followed later by
// `::`, or (the legacy form) when it holds `##[name` followed later by `]`, anywhere. The runner
// compares culture-sensitively, so ignorable characters are dropped first (a stricter reading).

export interface RunnerCommand {
  form: 'v2' | 'v1';
  name: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

// eslint-disable-next-line no-control-regex
const IGNORABLE = /(?![\t\u001b])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
// eslint-disable-next-line no-control-regex
const LEADING = /^(?:\s|(?![\t\u001b])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}])*/u;
const unescapeData = (text: string): string => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string): string => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** Every line of `output` that the runner would treat as a workflow command. */
export function runnerCommands(output: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.replace(IGNORABLE, '');
    if (/^::[^:]/.test(line.trimStart()) && line.trimStart().indexOf('::', 2) > 2) {
      // A command: its properties and data are read from the line as printed.
      const trimmed = raw.replace(LEADING, '');
      const end = trimmed.indexOf('::', 2);
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      const properties: Record<string, string> = {};
      if (space > 0) {
        for (const pair of info.slice(space + 1).trim().split(',').filter(Boolean)) {
          const at = pair.indexOf('=');
          if (at > 0) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
        }
      }
      commands.push({ form: 'v2', name: space < 0 ? info : info.slice(0, space), properties, data: unescapeData(trimmed.slice(end + 2)), line: raw });
      continue;
    }
    const prefix = line.indexOf('##[');
    const close = prefix < 0 ? -1 : line.indexOf(']', prefix);
    if (close > prefix + 3) {
      const info = line.slice(prefix + 3, close);
      commands.push({ form: 'v1', name: info.split(' ')[0] as string, properties: {}, data: line.slice(close + 1), line: raw });
    }
  }
  return commands;
}

// ---------------------------------------------------------------------------------------------
// Packages

/** The clean example package, with `overrides` (file name → content; undefined removes a file). */
export function examplePackage(overrides: Record<string, string | Buffer | undefined> = {}): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer | undefined> = {};
  for (const name of [SWAGGER, API_PROPERTIES, 'icon.png', 'readme.md']) files[name] = readFileSync(path.join(EXAMPLE, name));
  Object.assign(files, overrides);
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string | Buffer] => entry[1] !== undefined));
}

/** Writes `packages` (folder → files) under `root`. */
export function writePackages(root: string, packages: Record<string, Record<string, string | Buffer>>): void {
  for (const [folder, files] of Object.entries(packages)) {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(root, folder, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
}

/** A small valid Swagger 2.0 document; `extra` is merged into the root. */
export function swagger(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Contoso Frames', description: 'Contoso Frames makes custom picture frames and ships them.', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {
      '/frames': {
        get: {
          operationId: 'ListFrames',
          summary: 'List frames',
          description: 'Lists the frames.',
          responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Frame' } } },
        },
      },
    },
    definitions: { Frame: { type: 'object', properties: { id: { type: 'string', description: 'The id.', 'x-ms-summary': 'ID' } } } },
    ...extra,
  };
}

/** One GET operation whose 200 response schema is `schema`, and `parameters` on it. */
export function withOperation(schema: unknown, extra: Record<string, unknown> = {}, parameters?: unknown[]): Record<string, unknown> {
  return swagger({
    paths: {
      '/frames': {
        get: {
          operationId: 'ListFrames',
          summary: 'List frames',
          description: 'Lists the frames.',
          ...(parameters ? { parameters } : {}),
          responses: { '200': { description: 'OK', schema } },
        },
      },
    },
    ...extra,
  });
}

/** 1-based line and column of the `occurrence`-th `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

// ---------------------------------------------------------------------------------------------
// PNG makers (the icon unit tests have more; these are what the end-to-end cases need)

function chunk(name: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(name, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = chunk('IEND', Buffer.alloc(0));

function ihdr(width: number, height: number, bitDepth: number, colorType: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([bitDepth, colorType, 0, 0, 0], 8);
  return chunk('IHDR', data);
}

function rgbOf(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** A solid 8-bit RGBA PNG. */
export function solidPng(size: number, hex: string): Buffer {
  const png = new pngjs.PNG({ width: size, height: size });
  const [r, g, b] = rgbOf(hex);
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return pngjs.PNG.sync.write(png);
}

/** A solid 16-bit RGB PNG (pngjs takes native-endian uint16 samples). */
export function solidPng16(size: number, hex: string): Buffer {
  const [r, g, b] = rgbOf(hex);
  const samples = new Uint16Array(size * size * 4);
  for (let i = 0; i < samples.length; i += 4) samples.set([r * 257, g * 257, b * 257, 65535], i);
  const png = new pngjs.PNG({ width: size, height: size });
  png.data = Buffer.from(samples.buffer);
  return pngjs.PNG.sync.write(png, { bitDepth: 16, colorType: 2, inputHasAlpha: true });
}

/** A solid 8-bit palette PNG (colour type 3, which pngjs cannot write). */
export function palettePng(size: number, hex: string): Buffer {
  const raw = Buffer.alloc((size + 1) * size); // filter byte 0, then palette index 0 for every pixel
  return Buffer.concat([SIGNATURE, ihdr(size, size, 8, 3), chunk('PLTE', Buffer.from(rgbOf(hex))), chunk('IDAT', zlib.deflateSync(raw)), IEND]);
}

/** A header claiming width × height, with a few bytes of image data that would inflate to gigabytes. */
export function bombPng(width: number, height: number): Buffer {
  return Buffer.concat([SIGNATURE, ihdr(width, height, 8, 6), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1 << 20))), IEND]);
}

/** An animated PNG: an acTL chunk before the image data. */
export function animatedPng(size: number, hex: string): Buffer {
  const still = solidPng(size, hex);
  const actl = Buffer.alloc(8);
  actl.writeUInt32BE(2, 0);
  actl.writeUInt32BE(0, 4);
  const afterHeader = 8 + 25; // signature + IHDR chunk
  return Buffer.concat([still.subarray(0, afterHeader), chunk('acTL', actl), still.subarray(afterHeader)]);
}
