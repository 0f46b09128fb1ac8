// Catalog rules that need more than one connector, or a zip: pr-not-duplicate (row 12), icon-unique
// (row 20), pkg-partner-center-zip (row 8). Each has failing and passing fixtures with the exact
// rule, file, line and column asserted; the zips are built here with a tiny writer.
import path from 'node:path';
import zlib from 'node:zlib';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { titleOfSwagger, titleOfSwaggerFile } from '../../src/engine/repository.js';
import { runGate } from '../../src/engine/run.js';
import type { Finding, Profile } from '../../src/engine/types.js';
import { MAX_ENTRY_BYTES } from '../../src/rules/definition/zip.js';
import { CORPUS, findingsOf, gate, json, lineOf, writeTree } from '../helpers.js';

type Json = Record<string, unknown>;

function swagger(title: string): string {
  return json({
    swagger: '2.0',
    info: { title, description: 'Manage picture frames in your Contoso account.', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/',
    schemes: ['https'],
    paths: {},
  });
}

const API_PROPERTIES = json({ properties: { iconBrandColor: '#e44719', capabilities: [], publisher: 'Contoso', stackOwner: 'Contoso' } } satisfies Json);

function solidPng(colour: [number, number, number]): Buffer {
  const png = new pngjs.PNG({ width: 230, height: 230 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...colour, 255], i);
  return pngjs.PNG.sync.write(png);
}

/** Files of one package in `dir`. */
function pkg(dir: string, title: string, extra: Record<string, string | Buffer> = {}): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = { [`${dir}/apiDefinition.swagger.json`]: swagger(title), [`${dir}/apiProperties.json`]: API_PROPERTIES };
  for (const [name, content] of Object.entries(extra)) files[`${dir}/${name}`] = content;
  return files;
}

function only(ruleId: string, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** Where the value of info.title starts: 1-based line and column. */
function titleAt(title: string): { line: number; column: number } {
  const text = swagger(title);
  const line = lineOf(text, '"title"');
  return { line, column: (text.split('\n')[line - 1] as string).indexOf(`"${title}"`) + 1 };
}

// ---------------------------------------------------------------------------------------------
// pr-not-duplicate

describe('pr-not-duplicate', () => {
  it('reports each of two connectors whose titles differ only in letter case and spaces, on its title, naming the other', () => {
    const findings = findingsOf('pr-not-duplicate', {
      ...pkg('certified-connectors/Contoso Frames', 'Contoso Frames'),
      ...pkg('certified-connectors/Frames Two', 'contoso  FRAMES'),
    });
    expect(findings.map((f) => ({ file: f.file, line: f.line, column: f.column, level: f.level }))).toEqual([
      { file: 'certified-connectors/Contoso Frames/apiDefinition.swagger.json', ...titleAt('Contoso Frames'), level: 'error' },
      { file: 'certified-connectors/Frames Two/apiDefinition.swagger.json', ...titleAt('contoso  FRAMES'), level: 'error' },
    ]);
    expect(findings[0]?.message).toContain("'certified-connectors/Frames Two'");
    expect(findings[1]?.message).toContain("'certified-connectors/Contoso Frames'");
    expect(findings[0]?.pointer).toBe('/info/title');
  });

  it('compares across profiles: an independent publisher connector duplicating a certified one is an error too', () => {
    const findings = findingsOf('pr-not-duplicate', {
      ...pkg('certified-connectors/Contoso', 'Contoso Frames'),
      ...pkg('independent-publisher-connectors/Contoso', 'Contoso Frames'),
    });
    expect(findings.map((f) => [f.file, f.level])).toEqual([
      ['certified-connectors/Contoso/apiDefinition.swagger.json', 'error'],
      ['independent-publisher-connectors/Contoso/apiDefinition.swagger.json', 'error'],
    ]);
  });

  it('passes distinct titles, and is off for custom connectors', () => {
    expect(findingsOf('pr-not-duplicate', { ...pkg('certified-connectors/A', 'Contoso Frames'), ...pkg('certified-connectors/B', 'Contoso Framing') })).toEqual([]);
    const custom = findingsOf('pr-not-duplicate', { ...pkg('custom-connectors/A', 'Contoso Frames'), ...pkg('custom-connectors/B', 'Contoso Frames') });
    expect(custom).toEqual([]);
  });

  it('names at most three other folders and counts the rest', () => {
    const files = {};
    for (const n of [1, 2, 3, 4, 5]) Object.assign(files, pkg(`certified-connectors/C${n}`, 'Contoso Frames'));
    const first = findingsOf('pr-not-duplicate', files)[0] as Finding;
    expect(first.file).toBe('certified-connectors/C1/apiDefinition.swagger.json');
    expect(first.message).toContain("'certified-connectors/C2', 'certified-connectors/C3', 'certified-connectors/C4' and 1 more");
  });

  it('reads the title for the repository index with a scanner, as the tree reads it', () => {
    expect(titleOfSwagger(swagger('Contoso Frames'))).toBe('Contoso Frames');
    expect(titleOfSwagger('{"x": {"info": {"title": "Nested"}}, "info": {"a": [{"title": "Deep"}], "title": "A\\u0042", "title": "Last"}}')).toBe('Last');
    expect(titleOfSwagger('{"info": {"title": 3}}')).toBeUndefined();
    expect(titleOfSwagger('{"info": {"title": "T", "title": {"a": 1}}}')).toBeUndefined();
    expect(titleOfSwagger('// c\n{"info": /* c */ {"title": "With comments",}}')).toBe('With comments');
    expect(titleOfSwagger('[{"info": {"title": "In an array"}}]')).toBeUndefined();
    expect(titleOfSwagger('{"info": {"title": "Unclosed"')).toBe('Unclosed');
    expect(titleOfSwagger('{"info": {"title": "A\\u0042"}}')).toBe('AB');
  });

  it('reads the title from the first 64 KiB of a big definition, and from all of it when info does not close there', () => {
    const filler = (bytes: number) => `"x-filler": "${'é'.repeat(bytes / 2)}"`; // two bytes a character: cuts can fall inside one
    const titleOf = (text: string) => {
      const root = writeTree({ 'apiDefinition.swagger.json': text });
      return titleOfSwaggerFile(root, path.join(root, 'apiDefinition.swagger.json'));
    };
    // info first, then 200 KB: the prefix holds all of info.
    expect(titleOf(`{"info": {"title": "Früh"}, ${filler(200_000)}}`)).toBe('Früh');
    // 100 KB before info: the prefix ends inside the filler string, and the whole text is read.
    expect(titleOf(`{${filler(100_000)}, "info": {"title": "Spät"}}`)).toBe('Spät');
    // info straddles the 64 KiB mark: a second title after the mark wins, as in JSON.parse.
    expect(titleOf(`{"info": {"title": "First", ${filler(70_000)}, "title": "Second"}}`)).toBe('Second');
    // A character cut at the mark, right after info closed, changes nothing.
    for (let pad = 0; pad < 4; pad++) {
      const head = `{"info": {"title": "T"}}`.slice(0, -1);
      const text = `${head}, "x": "${'a'.repeat(64 * 1024 - head.length - 8 - pad)}${'€'.repeat(10)}"}`;
      expect(titleOf(text)).toBe('T');
    }
    // A small file is read whole, once.
    expect(titleOf('{"info": {"title": "Small"}}')).toBe('Small');
  });

  it('compares with the whole repository scope when only some connectors are checked (changed-only)', () => {
    const root = writeTree({ ...pkg('certified-connectors/Old', 'Contoso Frames'), ...pkg('certified-connectors/New', 'Contoso Frames') });
    const run = (repositoryPaths?: string[]) =>
      runGate({ root, paths: ['certified-connectors/New'], profile: 'auto', options: { ownedDomains: [] }, ...(repositoryPaths ? { repositoryPaths } : {}) });
    const narrow = only('pr-not-duplicate', run().connectors.flatMap((c) => c.findings));
    expect(narrow).toEqual([]);
    const wide = run(['.']);
    expect(wide.connectors.map((c) => c.dir)).toEqual(['certified-connectors/New']);
    const findings = only('pr-not-duplicate', wide.connectors.flatMap((c) => c.findings));
    expect(findings.map((f) => [f.file, f.line, f.column])).toEqual([['certified-connectors/New/apiDefinition.swagger.json', titleAt('Contoso Frames').line, titleAt('Contoso Frames').column]]);
    expect(findings[0]?.message).toContain("'certified-connectors/Old'");
  });
});

// ---------------------------------------------------------------------------------------------
// icon-unique

describe('icon-unique', () => {
  const red = solidPng([200, 30, 30]);
  const blue = solidPng([30, 30, 200]);

  it('reports two certified connectors with the same icon bytes, on line 1 of each icon, naming the other', () => {
    const findings = findingsOf('icon-unique', {
      ...pkg('certified-connectors/A', 'Contoso Frames', { 'icon.png': red }),
      ...pkg('certified-connectors/B', 'Fabrikam Frames', { 'icon.png': Buffer.from(red) }),
      ...pkg('certified-connectors/C', 'Tailspin Frames', { 'icon.png': blue }),
    });
    expect(findings.map((f) => ({ file: f.file, line: f.line, column: f.column, level: f.level }))).toEqual([
      { file: 'certified-connectors/A/icon.png', line: 1, column: 1, level: 'error' },
      { file: 'certified-connectors/B/icon.png', line: 1, column: 1, level: 'error' },
    ]);
    expect(findings[0]?.message).toContain("'certified-connectors/B'");
    expect(findings[1]?.message).toContain("'certified-connectors/A'");
  });

  it('passes distinct icons, and ignores the icons of connectors that are not certified', () => {
    expect(findingsOf('icon-unique', { ...pkg('certified-connectors/A', 'A Frames', { 'icon.png': red }), ...pkg('certified-connectors/B', 'B Frames', { 'icon.png': blue }) })).toEqual([]);
    expect(
      findingsOf('icon-unique', { ...pkg('certified-connectors/A', 'A Frames', { 'icon.png': red }), ...pkg('independent-publisher-connectors/B', 'B Frames', { 'icon.png': red }) }),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// pkg-partner-center-zip: a tiny zip writer

interface ZipItem {
  name: string;
  data?: Buffer | string;
  /** Declared uncompressed size, when it should lie. */
  size?: number;
  /** Declared CRC, when it should lie. */
  crc?: number;
  /** Compressed bytes, when they should not be the deflate of `data`. */
  deflated?: Buffer;
}

function zip(items: readonly (ZipItem | [string, Buffer | string])[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const raw of items) {
    const item: ZipItem = Array.isArray(raw) ? { name: raw[0], data: raw[1] } : raw;
    const data = Buffer.from(item.data ?? '');
    const body = item.deflated ?? zlib.deflateRawSync(data);
    const name = Buffer.from(item.name, 'utf8');
    const crc = item.crc ?? zlib.crc32(data);
    const size = item.size ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const solution = (missing: string[] = []): Buffer =>
  zip(
    (['[Content_Types].xml', 'customizations.xml', 'solution.xml', 'Connector/contoso_5fframes_connectionparameters.json'] as const)
      .filter((name) => !missing.includes(name))
      .map((name) => [name, `<xml>${name}</xml>`]),
  );

function packageZip(solutions: Record<string, Buffer> = { 'ContosoConnector.zip': solution(), 'ContosoFlow.zip': solution() }, folder = 'PkgAssets'): Buffer {
  return zip([['manifest.ppkg.xml', '<xml/>'], [`${folder}/`, ''], ...Object.entries(solutions).map(([name, data]): [string, Buffer] => [`${folder}/${name}`, data])]);
}

const submission = (inner: Buffer = packageZip()): Buffer => zip([['intro.md', '# Contoso Frames\n'], ['ContosoFrames.pdpkg.zip', inner]]);

const ZIP_DIR = 'certified-connectors/Contoso';
const ZIP_FILE = `${ZIP_DIR}/submission.zip`;

function zipFindings(bytes: Buffer, profile: Profile | 'auto' = 'auto'): Finding[] {
  return findingsOf('pkg-partner-center-zip', pkg(ZIP_DIR, 'Contoso Frames', { 'submission.zip': bytes }), { profile });
}

/** The findings as `[file, line, column, level]` plus their messages, for exact asserts. */
function positions(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => [f.file, f.line, f.column, f.level]);
}

describe('pkg-partner-center-zip', () => {
  it('passes a well-formed submission (2 solution zips, or 3 with an AI plugin), and a folder without a zip', () => {
    expect(zipFindings(submission())).toEqual([]);
    const three = packageZip({ 'Connector.zip': solution(), 'Flow.zip': solution(), 'AIPlugin.zip': solution() });
    expect(zipFindings(submission(three))).toEqual([]);
    expect(findingsOf('pkg-partner-center-zip', pkg(ZIP_DIR, 'Contoso Frames'))).toEqual([]);
  });

  it('reports an outer zip with a folder, no intro.md and two zips, on line 1 of the zip', () => {
    const bytes = zip([['docs/screenshot.png', 'png'], ['a.zip', packageZip()], ['b.zip', packageZip()]]);
    const findings = zipFindings(bytes);
    expect(positions(findings)).toEqual([
      [ZIP_FILE, 1, 1, 'error'],
      [ZIP_FILE, 1, 1, 'error'],
      [ZIP_FILE, 1, 1, 'error'],
    ]);
    expect(findings.map((f) => f.message).sort()).toEqual([
      "submission.zip: the submission zip holds 2 zip files ('a.zip', 'b.zip'); it must hold exactly one package zip",
      "submission.zip: the submission zip holds no .md file; add intro.md next to the package zip",
      "submission.zip: the submission zip holds the folder 'docs'; it must hold only intro.md and the package zip, without folders",
    ]);
  });

  it('reports a package zip without exactly one folder, and a PkgAssets with the wrong number of solutions', () => {
    const twoFolders = zip([['PkgAssets/a.zip', solution()], ['Other/b.zip', solution()]]);
    const [folders] = zipFindings(submission(twoFolders));
    expect(positions([folders as Finding])).toEqual([[ZIP_FILE, 1, 1, 'error']]);
    expect(folders?.message).toBe("submission.zip: the package zip 'ContosoFrames.pdpkg.zip' holds 2 folders ('Other', 'PkgAssets'); it must hold exactly one, PkgAssets, with the solution zips");

    const one = zipFindings(submission(packageZip({ 'Connector.zip': solution(['solution.xml', 'customizations.xml']) })));
    expect(positions(one)).toEqual([
      [ZIP_FILE, 1, 1, 'error'],
      [ZIP_FILE, 1, 1, 'error'],
    ]);
    expect(one.map((f) => f.message)).toEqual([
      "submission.zip: the package zip 'ContosoFrames.pdpkg.zip': the folder 'PkgAssets' holds 1 solution zip; it must hold 2 (the connector, and the connector with a flow) or 3 with an AI plugin",
      "submission.zip: the solution zip 'PkgAssets/Connector.zip' lacks customizations.xml, solution.xml at its root; export the solution from Power Apps again (Solutions › Export) and add that zip unchanged",
    ]);
  });

  it('reports a corrupt zip at any depth as one finding, never a crash', () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('this is not a zip at all, just text'), 'the submission zip cannot be read: it is not a zip file'],
      [submission().subarray(0, 60), 'the submission zip cannot be read: it is truncated'],
      [submission(Buffer.from('garbage in place of the package zip')), "the package zip 'ContosoFrames.pdpkg.zip' cannot be read: it is not a zip file"],
      [zip([['intro.md', '# hi'], { name: 'p.zip', data: packageZip(), crc: 1234 }]), "the submission zip cannot be read: it is damaged: the CRC of the entry 'p.zip' does not match"],
      [zip([['intro.md', '# hi'], { name: 'p.zip', data: packageZip(), deflated: Buffer.from([0xff, 0xff, 0xff]) }]), "the submission zip cannot be read: it is damaged: the entry 'p.zip' is not a valid deflate stream"],
      [Buffer.alloc(0), 'the submission zip cannot be read: it is empty (0 bytes)'],
    ];
    for (const [bytes, start] of cases) {
      const report = gate(writeTree(pkg(ZIP_DIR, 'Contoso Frames', { 'submission.zip': bytes })));
      expect(report.internalErrors).toEqual([]);
      const findings = only('pkg-partner-center-zip', report.connectors.flatMap((c) => c.findings));
      expect(positions(findings)).toEqual([[ZIP_FILE, 1, 1, 'error']]);
      expect(findings[0]?.message.startsWith(`submission.zip: ${start}`)).toBe(true);
    }
  });

  it('refuses zip bombs quickly: an entry declaring more than the bound, and one inflating beyond what it declares', () => {
    // 1. The package zip claims 4 GiB: refused from the central directory, nothing inflated.
    const claims = zip([['intro.md', '# hi'], { name: 'p.zip', data: 'small', size: 0xfffffff0 }]);
    // 2. The package zip claims 1,000 bytes but holds 256 MiB of zeros (about 250 KB deflated).
    const zeros = zlib.deflateRawSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });
    const inflates = zip([['intro.md', '# hi'], { name: 'p.zip', size: 1000, deflated: zeros }]);
    // 3. Nested: a solution zip inside the package zip claims more than the per-entry bound.
    const nested = submission(zip([[`PkgAssets/`, ''], { name: 'PkgAssets/a.zip', data: 'x', size: MAX_ENTRY_BYTES + 1 }, ['PkgAssets/b.zip', solution()]]));
    const expected = [
      `submission.zip: the submission zip cannot be read: its entry 'p.zip' declares ${0xfffffff0} bytes uncompressed`,
      "submission.zip: the submission zip cannot be read: its entry 'p.zip' inflates beyond the 1000 bytes it declares (a decompression bomb?)",
      `submission.zip: the package zip 'ContosoFrames.pdpkg.zip' cannot be read: its entry 'PkgAssets/a.zip' declares ${MAX_ENTRY_BYTES + 1} bytes uncompressed`,
    ];
    [claims, inflates, nested].forEach((bytes, i) => {
      const started = performance.now();
      const findings = zipFindings(bytes);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(positions(findings)).toEqual([[ZIP_FILE, 1, 1, 'error']]);
      expect(findings[0]?.message.startsWith(expected[i] as string)).toBe(true);
    });
  });

  it('is off for independent publisher and custom connectors', () => {
    const bad = zip([['only.txt', 'x']]);
    expect(zipFindings(bad, 'independent-publisher')).toEqual([]);
    expect(zipFindings(bad, 'custom')).toEqual([]);
    expect(zipFindings(bad, 'certified')).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Calibration: the shared corpus has no duplicate titles, no shared icons and no zips.

describe('corpus', () => {
  it('finds nothing for the three rules in the shared corpus', () => {
    const report = gate(CORPUS);
    expect(report.connectors.length).toBeGreaterThan(100);
    const findings = report.connectors.flatMap((c) => c.findings).filter((f) => ['pr-not-duplicate', 'icon-unique', 'pkg-partner-center-zip'].includes(f.ruleId));
    expect(findings).toEqual([]);
  });
});
