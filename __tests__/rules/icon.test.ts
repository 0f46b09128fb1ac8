import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Finding, Profile } from '../../src/engine/types.js';
import { iconRules } from '../../src/rules/icon/index.js';
import { inflatedSize, inspectPng, inspectPngBytes, readPngStructure } from '../../src/rules/icon/png.js';
import { CORPUS, findingsOf, gate, json, lineOf, writeTree } from '../helpers.js';

const { PNG } = pngjs;

// ---------------------------------------------------------------------------------------------
// PNG makers

type Rgba = readonly [number, number, number, number];
const rgb = (hex: string, alpha = 255): Rgba => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(alpha) as unknown as Rgba;

/** 8-bit RGBA via pngjs, one colour everywhere unless `paint` says otherwise. */
function solidPng(size: number | [number, number], colour: Rgba, paint?: (x: number, y: number) => Rgba | undefined, options: object = {}): Buffer {
  const [width, height] = typeof size === 'number' ? [size, size] : size;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set(paint?.(x, y) ?? colour, (y * width + x) * 4);
  }
  return PNG.sync.write(png, options);
}

/** 16 bits per channel via pngjs (its 16-bit input is native-endian uint16 samples). */
function png16(size: number, colour: Rgba, colorType: 2 | 6): Buffer {
  const samples = new Uint16Array(size * size * 4);
  for (let i = 0; i < samples.length; i += 4) for (let c = 0; c < 4; c++) samples[i + c] = (colour[c] as number) * 257;
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(samples.buffer);
  return PNG.sync.write(png, { bitDepth: 16, colorType, inputHasAlpha: true });
}

function chunk(name: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(name, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function ihdr(width: number, height: number, bitDepth: number, colorType: number, interlace = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([bitDepth, colorType, 0, 0, interlace], 8);
  return chunk('IHDR', data);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = chunk('IEND', Buffer.alloc(0));

/** A palette image (colour type 3), which pngjs cannot write: every pixel is palette index `pick(x, y)`. */
function palettePng(size: number, bitDepth: 1 | 2 | 4 | 8, palette: Rgba[], pick: (x: number, y: number) => number, withAlpha = false): Buffer {
  const rowBytes = Math.ceil((size * bitDepth) / 8);
  const raw = Buffer.alloc((rowBytes + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const bit = x * bitDepth;
      const at = y * (rowBytes + 1) + 1 + (bit >> 3);
      raw[at] = (raw[at] as number) | (pick(x, y) << (8 - bitDepth - (bit & 7)));
    }
  }
  return Buffer.concat([
    SIGNATURE,
    ihdr(size, size, bitDepth, 3),
    chunk('PLTE', Buffer.from(palette.flatMap(([r, g, b]) => [r, g, b]))),
    ...(withAlpha ? [chunk('tRNS', Buffer.from(palette.map((entry) => entry[3])))] : []),
    chunk('IDAT', zlib.deflateSync(raw)),
    IEND,
  ]);
}

/** An Adam7-interlaced RGBA image of one colour (pngjs cannot write interlaced files). */
function interlacedPng(size: number, colour: Rgba, idat?: Buffer): Buffer {
  const header = { width: size, height: size, bitDepth: 8, colorType: 6, interlace: 1 };
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
  const rows: Buffer[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = size > x0 ? Math.ceil((size - x0) / dx) : 0;
    const h = size > y0 ? Math.ceil((size - y0) / dy) : 0;
    if (w === 0 || h === 0) continue;
    for (let y = 0; y < h; y++) rows.push(Buffer.from([0, ...Array.from({ length: w }, () => colour).flat()]));
  }
  const raw = Buffer.concat(rows);
  expect(raw.length).toBe(inflatedSize(header));
  return Buffer.concat([SIGNATURE, ihdr(size, size, 8, 6, 1), chunk('IDAT', idat ?? zlib.deflateSync(raw)), IEND]);
}

/** Inserts a chunk right after the IHDR (byte 33). */
function withChunkAfterIhdr(png: Buffer, extra: Buffer): Buffer {
  return Buffer.concat([png.subarray(0, 33), extra, png.subarray(33)]);
}

function acTL(frames: number): Buffer {
  const data = Buffer.alloc(8);
  data.writeUInt32BE(frames, 0);
  return chunk('acTL', data);
}

// ---------------------------------------------------------------------------------------------
// Packages

const BRAND = '#1f6fb2';
const BRAND_RGBA = rgb(BRAND);
const SWAGGER = json({ swagger: '2.0', info: { title: 'Contoso Frames', version: '1.0' }, host: 'api.contoso.com', paths: {} });

function apiProperties(brand: string | undefined | null = BRAND): string {
  const properties: Record<string, unknown> = { displayName: 'Contoso Frames' };
  if (brand !== undefined) properties.iconBrandColor = brand;
  properties.publisher = 'Contoso';
  return json({ properties });
}

const FOLDER: Record<Profile, string> = {
  certified: 'certified-connectors/Contoso',
  'independent-publisher': 'independent-publisher-connectors/Contoso',
  custom: 'custom-connectors/Contoso',
};

function pkg(icon: Buffer | undefined, options: { profile?: Profile; properties?: string; iconName?: string } = {}): Record<string, string | Buffer> {
  const dir = FOLDER[options.profile ?? 'certified'];
  const files: Record<string, string | Buffer> = {
    [`${dir}/apiDefinition.swagger.json`]: SWAGGER,
    [`${dir}/apiProperties.json`]: options.properties ?? apiProperties(),
    [`${dir}/readme.md`]: '# Contoso Frames\n',
  };
  if (icon) files[`${dir}/${options.iconName ?? 'icon.png'}`] = icon;
  return files;
}

const ICON_FILE = `${FOLDER.certified}/icon.png`;
const ICON_IDS = iconRules.map((rule) => rule.meta.id);

/** All findings of the icon rules (so a test also sees findings it did not expect). */
function iconFindings(files: Record<string, string | Buffer>): Finding[] {
  const report = gate(writeTree(files));
  expect(report.internalErrors).toEqual([]);
  return report.connectors.flatMap((c) => c.findings).filter((f) => ICON_IDS.includes(f.ruleId));
}

function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.level} ${f.file}:${f.line}:${f.column} ${f.message}`);
}

const onIconLine1 = (ruleId: string, level: string, message: string): string => `${ruleId} ${level} ${ICON_FILE}:1:1 ${message}`;

const GOOD = solidPng(230, BRAND_RGBA);

// ---------------------------------------------------------------------------------------------

describe('icon rules: levels per profile', () => {
  it('are errors for certified only (a missing icon is a warning), except icon-absent-ip for independent publishers only', () => {
    const table = Object.fromEntries(iconRules.map((rule) => [rule.meta.id, rule.meta.level]));
    expect(table).toEqual({
      'icon-present': { certified: 'warning', 'independent-publisher': 'off', custom: 'off' },
      'icon-format': { certified: 'error', 'independent-publisher': 'off', custom: 'off' },
      'icon-size': { certified: 'error', 'independent-publisher': 'off', custom: 'off' },
      'icon-background': { certified: 'error', 'independent-publisher': 'off', custom: 'off' },
      'icon-unique': { certified: 'error', 'independent-publisher': 'off', custom: 'off' },
      'icon-absent-ip': { certified: 'off', 'independent-publisher': 'error', custom: 'off' },
    });
    for (const rule of iconRules) expect(rule.meta.criterion).toBe('icon');
  });
});

describe('passing icons', () => {
  it('a 230×230 solid icon in the brand colour passes every icon rule', () => {
    expect(brief(iconFindings(pkg(GOOD)))).toEqual([]);
  });

  it('accepts a background within 8 per channel of iconBrandColor, in any letter case', () => {
    expect(brief(iconFindings(pkg(solidPng(230, rgb('#2377b9')), { properties: apiProperties('#1F6FB2') })))).toEqual([]);
  });

  it('samples 2px in from the corners, so a one-pixel border or corner artefact does not count', () => {
    const edged = solidPng(230, BRAND_RGBA, (x, y) => (x === 0 || y === 0 || x === 229 || y === 229 ? rgb('#ffffff') : undefined));
    expect(brief(iconFindings(pkg(edged)))).toEqual([]);
  });

  it('a logo in the middle does not matter', () => {
    const logo = solidPng(230, BRAND_RGBA, (x, y) => (x > 35 && x < 195 && y > 35 && y < 195 ? rgb('#ffffff') : undefined));
    expect(brief(iconFindings(pkg(logo)))).toEqual([]);
  });

  it('judges 16-bit images by their 8-bit values (RGBA and RGB)', () => {
    const rgba16 = png16(230, BRAND_RGBA, 6);
    expect(rgba16[24]).toBe(16);
    expect(brief(iconFindings(pkg(rgba16)))).toEqual([]);
    const rgb16 = png16(230, BRAND_RGBA, 2);
    expect([rgb16[24], rgb16[25]]).toEqual([16, 2]);
    expect(brief(iconFindings(pkg(rgb16)))).toEqual([]);
    // …and a 16-bit image still fails when its colour is wrong.
    expect(brief(iconFindings(pkg(png16(230, rgb('#ff0000'), 6)))).map((line) => line.split(' ')[0])).toEqual(['icon-background']);
  });

  it('judges palette images (colour type 3, 8-bit and 4-bit) through their palette', () => {
    const palette: Rgba[] = [rgb('#ffffff'), BRAND_RGBA];
    const centreWhite = (x: number, y: number): number => (x > 50 && x < 180 && y > 50 && y < 180 ? 0 : 1);
    for (const depth of [8, 4] as const) {
      const file = palettePng(230, depth, palette, centreWhite);
      expect([file[24], file[25]]).toEqual([depth, 3]);
      expect(brief(iconFindings(pkg(file)))).toEqual([]);
    }
    // The same image with index 0 everywhere is white: the palette really is read.
    expect(brief(iconFindings(pkg(palettePng(230, 8, palette, () => 0)))).map((line) => line.split(' ')[0])).toEqual(['icon-background']);
  });

  it('decodes Adam7-interlaced images (their inflate is bounded by the header)', () => {
    expect(brief(iconFindings(pkg(interlacedPng(230, BRAND_RGBA))))).toEqual([]);
  });

  it('ignores bytes after IEND, as browsers do', () => {
    expect(brief(iconFindings(pkg(Buffer.concat([GOOD, Buffer.from('trailing junk')]))))).toEqual([]);
  });

  it('an RGB image without alpha is opaque', () => {
    expect(brief(iconFindings(pkg(solidPng(230, BRAND_RGBA, undefined, { colorType: 2 }))))).toEqual([]);
  });
});

describe('icon-present', () => {
  it('warns on line 1 of apiProperties.json when a certified package has no icon.png, and nothing else', () => {
    expect(brief(iconFindings(pkg(undefined)))).toEqual([
      `icon-present warning ${FOLDER.certified}/apiProperties.json:1:1 icon.png is not in the connector folder; the certification submission needs a 230×230 PNG icon: add it here so that it is checked, or make sure it is in the package you submit`,
    ]);
  });

  it('stays quiet when the icon is there, and for other profiles', () => {
    expect(findingsOf('icon-present', pkg(solidPng(230, BRAND_RGBA)))).toEqual([]);
    expect(findingsOf('icon-present', pkg(undefined, { profile: 'custom' }))).toEqual([]);
  });
});

describe('icon-format', () => {
  it('reports a JPEG saved as icon.png, and nothing else', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    expect(brief(iconFindings(pkg(jpeg)))).toEqual([onIconLine1('icon-format', 'error', 'icon.png is not a PNG file (it is a JPEG); save it as PNG')]);
  });

  it('reports an SVG, a text file and an empty file', () => {
    expect(brief(iconFindings(pkg(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))))).toEqual([
      onIconLine1('icon-format', 'error', 'icon.png is not a PNG file (it is an SVG); save it as PNG'),
    ]);
    expect(brief(iconFindings(pkg(Buffer.from('hello'))))).toEqual([onIconLine1('icon-format', 'error', 'icon.png is not a PNG file; save it as PNG')]);
    // writeTree writes an empty Buffer as an empty file.
    expect(brief(iconFindings(pkg(Buffer.alloc(0))))).toEqual([onIconLine1('icon-format', 'error', 'icon.png is empty (0 bytes)')]);
  });

  it('reports a PNG whose signature was mangled by a text transfer (CRLF → LF)', () => {
    const mangled = Buffer.concat([GOOD.subarray(0, 4), Buffer.from([0x0a, 0x1a, 0x0a]), GOOD.subarray(8)]);
    expect(brief(iconFindings(pkg(mangled)))).toEqual([
      onIconLine1('icon-format', 'error', 'icon.png has a damaged PNG signature (saved or transferred as text?); re-export it as PNG'),
    ]);
  });

  it('reports a truncated PNG (size still judged from its intact header)', () => {
    const truncated = GOOD.subarray(0, Math.floor(GOOD.length / 2));
    const findings = iconFindings(pkg(truncated));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'icon-format', level: 'error', file: ICON_FILE, line: 1, column: 1 });
    expect(findings[0]?.message).toMatch(/^icon\.png is truncated: chunk IDAT at byte 33 needs \d+ bytes but the file ends at byte \d+$/);
    // Cut inside the header, and cut just before IEND.
    expect(brief(iconFindings(pkg(GOOD.subarray(0, 20))))).toEqual([
      onIconLine1('icon-format', 'error', 'icon.png is truncated: it ends after 20 bytes, inside the PNG header'),
    ]);
    expect(brief(iconFindings(pkg(GOOD.subarray(0, GOOD.length - 12))))).toEqual([
      onIconLine1('icon-format', 'error', `icon.png is truncated: it ends at byte ${GOOD.length - 12} without the IEND chunk`),
    ]);
  });

  it('reports a damaged chunk (CRC mismatch) and image data that does not inflate', () => {
    const damaged = Buffer.from(GOOD);
    damaged[45] = (damaged[45] as number) ^ 0xff; // inside the IDAT data
    expect(brief(iconFindings(pkg(damaged)))).toEqual([
      onIconLine1('icon-format', 'error', 'icon.png is damaged: the CRC of chunk IDAT at byte 33 does not match; re-export it as PNG'),
    ]);
    const garbage = Buffer.concat([SIGNATURE, ihdr(230, 230, 8, 6), chunk('IDAT', Buffer.from('not zlib data at all')), IEND]);
    // pngjs alone "decodes" this into blank pixels on Node 20: the rule must not judge them.
    for (let run = 0; run < 3; run++) {
      const findings = iconFindings(pkg(garbage));
      expect(findings.map((f) => [f.ruleId, f.level, f.file, f.line, f.column])).toEqual([['icon-format', 'error', ICON_FILE, 1, 1]]);
      expect(findings[0]?.message).toMatch(/^icon\.png cannot be decoded: its image data is not a valid zlib stream \(.+\); re-export it as PNG$/);
    }
  });

  it('reports image data that is too short, and rows with an unknown filter type', () => {
    const rowBytes = 1 + 230 * 4;
    const short = Buffer.concat([SIGNATURE, ihdr(230, 230, 8, 6), chunk('IDAT', zlib.deflateSync(Buffer.alloc(rowBytes * 100))), IEND]);
    expect(brief(iconFindings(pkg(short)))).toEqual([
      onIconLine1('icon-format', 'error', `icon.png cannot be decoded: its image data holds ${rowBytes * 100} of the ${rowBytes * 230} bytes a 230×230 image needs; re-export it as PNG`),
    ]);
    const badFilter = Buffer.concat([SIGNATURE, ihdr(230, 230, 8, 6), chunk('IDAT', zlib.deflateSync(Buffer.alloc(rowBytes * 230, 0x11))), IEND]);
    expect(brief(iconFindings(pkg(badFilter)))).toEqual([
      onIconLine1('icon-format', 'error', 'icon.png cannot be decoded (Unrecognised filter type - 17); re-export it as PNG'),
    ]);
  });

  it('refuses non-interlaced image data that inflates beyond what the header needs', () => {
    const bomb = Buffer.concat([SIGNATURE, ihdr(230, 230, 8, 6), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64 * 1024 * 1024))), IEND]);
    expect(brief(iconFindings(pkg(bomb)))).toEqual([
      onIconLine1('icon-format', 'error', `icon.png holds image data that inflates beyond the ${(1 + 230 * 4) * 230} bytes a 230×230 image needs (a decompression bomb?)`),
    ]);
  });

  it('reports an invalid IHDR (bit depth not allowed for the colour type)', () => {
    expect(brief(iconFindings(pkg(Buffer.concat([SIGNATURE, ihdr(230, 230, 4, 6), IEND]))))).toEqual([
      onIconLine1('icon-format', 'error', 'icon.png is not a valid PNG: bit depth 4 is not allowed with colour type 6'),
    ]);
  });

  it('refuses a header claiming 100000×100000 from the header alone, quickly and without a crash', () => {
    const bomb = Buffer.concat([SIGNATURE, ihdr(100_000, 100_000, 8, 6)]);
    expect(bomb.length).toBe(33);
    const started = performance.now();
    const info = inspectPngBytes(bomb);
    expect(performance.now() - started).toBeLessThan(50);
    expect(info.image).toBeUndefined();
    expect(info.problem?.kind).toBe('too-large');
    expect(info.header).toMatchObject({ width: 100_000, height: 100_000 });

    expect(brief(iconFindings(pkg(bomb)))).toEqual([
      onIconLine1('icon-format', 'error', 'icon.png claims 100000×100000 pixels (10000.0 Mpx); images above 4096×4096 are not decoded (a decompression bomb?)'),
      onIconLine1('icon-size', 'error', 'icon.png is 100000×100000; Microsoft requires 230×230'),
    ]);
  });

  it('refuses 4097×4096 but reads the header of 4096×4096', () => {
    expect(readPngStructure(Buffer.concat([SIGNATURE, ihdr(4097, 4096, 8, 6)])).problem?.kind).toBe('too-large');
    expect(readPngStructure(Buffer.concat([SIGNATURE, ihdr(4096, 4096, 8, 6)])).problem?.kind).toBe('truncated');
  });

  it('refuses interlaced image data that inflates far beyond what the header needs (a zlib bomb)', () => {
    const bomb = interlacedPng(230, BRAND_RGBA, zlib.deflateSync(Buffer.alloc(64 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(100_000);
    const findings = iconFindings(pkg(bomb));
    expect(findings.map((f) => [f.ruleId, f.level, f.file, f.line, f.column])).toEqual([['icon-format', 'error', ICON_FILE, 1, 1]]);
    expect(findings[0]?.message).toMatch(/^icon\.png holds image data that inflates beyond the \d+ bytes a 230×230 image needs \(a decompression bomb\?\)$/);
  });

  it('warns about an animated PNG (acTL before IDAT), and still judges its first frame', () => {
    const animated = withChunkAfterIhdr(GOOD, acTL(3));
    expect(brief(iconFindings(pkg(animated)))).toEqual([
      onIconLine1('icon-format', 'warning', 'icon.png is an animated PNG (acTL chunk, 3 frames); use a still image'),
    ]);
    const animatedWhite = withChunkAfterIhdr(solidPng(230, rgb('#ffffff')), acTL(2));
    expect(iconFindings(pkg(animatedWhite)).map((f) => `${f.ruleId} ${f.level}`)).toEqual(['icon-background error', 'icon-format warning']);
  });

  it('an acTL after the image data is not an animation', () => {
    const late = Buffer.concat([GOOD.subarray(0, GOOD.length - 12), acTL(3), IEND]);
    expect(brief(iconFindings(pkg(late)))).toEqual([]);
  });

  it('warns when the file is not named exactly icon.png', () => {
    expect(brief(iconFindings(pkg(GOOD, { iconName: 'Icon.PNG' })))).toEqual([
      `icon-format warning ${FOLDER.certified}/Icon.PNG:1:1 the icon is named 'Icon.PNG'; rename it to icon.png (file names are case-sensitive)`,
    ]);
  });

  it('is off for independent-publisher and custom connectors', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);
    expect(findingsOf('icon-format', pkg(jpeg, { profile: 'custom' }))).toEqual([]);
    expect(findingsOf('icon-format', pkg(undefined, { profile: 'custom' }))).toEqual([]);
    expect(findingsOf('icon-format', pkg(undefined, { profile: 'independent-publisher' }))).toEqual([]);
  });
});

describe('icon-size', () => {
  it('reports an icon that is not 230×230', () => {
    expect(brief(iconFindings(pkg(solidPng(471, BRAND_RGBA))))).toEqual([
      onIconLine1('icon-size', 'error', 'icon.png is 471×471; Microsoft requires 230×230'),
    ]);
    expect(brief(iconFindings(pkg(solidPng([230, 229], BRAND_RGBA))))).toEqual([
      onIconLine1('icon-size', 'error', 'icon.png is 230×229; Microsoft requires 230×230'),
    ]);
  });

  it('is off for custom connectors', () => {
    expect(findingsOf('icon-size', pkg(solidPng(471, BRAND_RGBA), { profile: 'custom' }))).toEqual([]);
  });
});

describe('icon-background', () => {
  it('reports a mismatch with iconBrandColor on the iconBrandColor value, with the sampled colour and a fix', () => {
    const properties = apiProperties('#ff0000');
    const findings = iconFindings(pkg(GOOD, { properties }));
    const line = lineOf(properties, '"iconBrandColor"');
    const column = (properties.split('\n')[line - 1] as string).indexOf('"#ff0000"') + 1;
    expect(column).toBe(23);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'icon-background',
        level: 'error',
        file: `${FOLDER.certified}/apiProperties.json`,
        line,
        column,
        endColumn: column + '"#ff0000"'.length,
        pointer: '/properties/iconBrandColor',
        message: "icon background is #1f6fb2 but iconBrandColor is '#ff0000'; set iconBrandColor to '#1f6fb2' or fill the icon background with '#ff0000'",
      }),
    ]);
    const fix = findings[0]?.fix;
    expect(fix).toBeDefined();
    const fixed = properties.slice(0, fix!.offset) + fix!.text + properties.slice(fix!.offset + fix!.length);
    expect(JSON.parse(fixed).properties.iconBrandColor).toBe('#1f6fb2');
  });

  it('a difference of more than 8 in one channel is a mismatch', () => {
    const findings = iconFindings(pkg(solidPng(230, rgb('#1f6fbb')))); // blue 0xbb vs 0xb2: 9 apart
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['icon-background', lineOf(apiProperties(), '"iconBrandColor"')]]);
    expect(findings[0]?.message).toBe("icon background is #1f6fbb but iconBrandColor is '#1f6fb2'; set iconBrandColor to '#1f6fbb' or fill the icon background with '#1f6fb2'");
  });

  it('reports transparent (rounded) corners on the icon', () => {
    const rounded = solidPng(230, BRAND_RGBA, (x, y) => (Math.min(x, 229 - x) + Math.min(y, 229 - y) < 12 ? [0, 0, 0, 0] : undefined));
    expect(brief(iconFindings(pkg(rounded)))).toEqual([
      onIconLine1(
        'icon-background',
        'error',
        'icon.png is not opaque at its top-left corner (alpha 0 at 2,2); fill the whole square with the brand colour, no transparency or rounded corners',
      ),
    ]);
  });

  it('reports semi-transparency, and transparency from a palette tRNS', () => {
    expect(brief(iconFindings(pkg(solidPng(230, rgb(BRAND, 254)))))[0]).toContain('(alpha 254 at 2,2)');
    const palette: Rgba[] = [rgb(BRAND, 0), BRAND_RGBA];
    const cornersClear = (x: number): number => (x < 5 || x > 224 ? 0 : 1);
    expect(brief(iconFindings(pkg(palettePng(230, 8, palette, cornersClear, true))))).toEqual([
      onIconLine1(
        'icon-background',
        'error',
        'icon.png is not opaque at its top-left corner (alpha 0 at 2,2); fill the whole square with the brand colour, no transparency or rounded corners',
      ),
    ]);
  });

  it('reports corners that disagree', () => {
    const split = solidPng(230, BRAND_RGBA, (x, y) => (x > 200 && y > 200 ? rgb('#ff0000') : undefined));
    expect(brief(iconFindings(pkg(split)))).toEqual([
      onIconLine1(
        'icon-background',
        'error',
        'the corners of icon.png differ (top-left #1f6fb2, top-right #1f6fb2, bottom-left #1f6fb2, bottom-right #ff0000); the background must be one solid colour, the iconBrandColor',
      ),
    ]);
  });

  it('reports a white background on the icon, not a mismatch on iconBrandColor', () => {
    expect(brief(iconFindings(pkg(solidPng(230, rgb('#fcfcfc')))))).toEqual([
      onIconLine1(
        'icon-background',
        'error',
        "icon.png has a white background (#fcfcfc); Microsoft requires a non-white background: fill it with the brand colour (iconBrandColor '#1f6fb2')",
      ),
    ]);
  });

  it('reports the default #007ee5 background even when iconBrandColor says the same', () => {
    expect(brief(iconFindings(pkg(solidPng(230, rgb('#007ee5')), { properties: apiProperties('#007ee5') })))).toEqual([
      onIconLine1('icon-background', 'error', "icon.png has the default background #007ee5 (#007ee5); fill it with the brand colour (iconBrandColor '#007ee5')"),
    ]);
  });

  it('leaves an absent or malformed iconBrandColor to the metadata rules, but still judges white', () => {
    for (const properties of [apiProperties(undefined), apiProperties('red'), apiProperties(null), '{ not json']) {
      expect(findingsOf('icon-background', pkg(GOOD, { properties }))).toEqual([]);
    }
    expect(brief(findingsOf('icon-background', pkg(solidPng(230, rgb('#ffffff')), { properties: apiProperties('red') })))).toEqual([
      onIconLine1('icon-background', 'error', 'icon.png has a white background (#ffffff); Microsoft requires a non-white background: fill it with your brand colour'),
    ]);
  });

  it('says nothing about an icon it could not decode (icon-format does)', () => {
    const truncated = solidPng(230, rgb('#ffffff')).subarray(0, 100);
    expect(findingsOf('icon-background', pkg(truncated))).toEqual([]);
  });

  it('is off for independent-publisher and custom connectors', () => {
    const white = solidPng(230, rgb('#ffffff'));
    expect(findingsOf('icon-background', pkg(white, { profile: 'custom' }))).toEqual([]);
    expect(findingsOf('icon-background', pkg(white, { profile: 'independent-publisher' }))).toEqual([]);
  });
});

describe('icon-absent-ip', () => {
  const IP_ICON = `${FOLDER['independent-publisher']}/icon.png`;

  it('reports icon.png in an independent-publisher package, and only that', () => {
    expect(brief(iconFindings(pkg(GOOD, { profile: 'independent-publisher', properties: apiProperties('#da3b01') })))).toEqual([
      `icon-absent-ip error ${IP_ICON}:1:1 independent-publisher connectors must not ship icon.png: Microsoft applies the generic Independent Publisher icon; delete the file`,
    ]);
  });

  it('reports it even when the file is not a PNG at all', () => {
    expect(findingsOf('icon-absent-ip', pkg(Buffer.from('x'), { profile: 'independent-publisher' })).map((f) => [f.file, f.line, f.column])).toEqual([
      [IP_ICON, 1, 1],
    ]);
  });

  it('passes without an icon; is off for certified and custom', () => {
    expect(findingsOf('icon-absent-ip', pkg(undefined, { profile: 'independent-publisher' }))).toEqual([]);
    expect(findingsOf('icon-absent-ip', pkg(GOOD))).toEqual([]);
    expect(findingsOf('icon-absent-ip', pkg(GOOD, { profile: 'custom' }))).toEqual([]);
  });
});

describe('unreadable icons are pkg-file-readable business', () => {
  it('a FIFO or a symlink out of the workspace gets no icon-format/size/background finding', () => {
    const outside = writeTree({ 'secret.png': GOOD });
    const root = writeTree(pkg(undefined));
    symlinkSync(path.join(outside, 'secret.png'), path.join(root, FOLDER.certified, 'icon.png'));
    const fifoRoot = writeTree(pkg(undefined, { profile: 'independent-publisher' }));
    mkfifoOrSkip(path.join(fifoRoot, FOLDER['independent-publisher'], 'icon.png'));

    const linked = gate(root).connectors.flatMap((c) => c.findings);
    expect(linked.filter((f) => ICON_IDS.includes(f.ruleId))).toEqual([]);
    expect(linked.filter((f) => f.ruleId === 'pkg-file-readable').map((f) => f.file)).toEqual([ICON_FILE]);

    if (existsSync(path.join(fifoRoot, FOLDER['independent-publisher'], 'icon.png'))) {
      const fifo = gate(fifoRoot).connectors.flatMap((c) => c.findings);
      // The IP rule is about the file's presence, which the fix (delete it) settles either way.
      expect(fifo.filter((f) => ICON_IDS.includes(f.ruleId)).map((f) => f.ruleId)).toEqual(['icon-absent-ip']);
    }
  });
});

function mkfifoOrSkip(file: string): void {
  try {
    execFileSync('mkfifo', [file]);
  } catch {
    /* no mkfifo on this platform: the FIFO half of the test is skipped */
  }
}

describe('cache', () => {
  it('decodes each icon once however many rules look at it', () => {
    const file = { kind: 'binary' as const, path: 'x/icon.png', absPath: '/x/icon.png', bytes: GOOD };
    const first = inspectPng(file);
    expect(first.image?.width).toBe(230);
    expect(inspectPng(file)).toBe(first);
    // A different file object with the same bytes is a different entry.
    expect(inspectPng({ ...file })).not.toBe(first);
  });
});

describe('decoding', () => {
  // Plain 8-bit RGB(A) icons are decoded without pngjs: the pixels must be exactly pngjs's.
  let seed = 7;
  const noise = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
  const noisy = (colorType: 2 | 6, filterType: number): Buffer => {
    const png = new PNG({ width: 37, height: 23 });
    for (let i = 0; i < png.data.length; i++) png.data[i] = i % 4 === 3 && colorType === 2 ? 255 : noise();
    return PNG.sync.write(png, { colorType, filterType });
  };
  const pngjsPixels = (bytes: Buffer): Buffer => PNG.sync.read(bytes).data;

  it.each([2, 6] as const)('gives pngjs\'s pixels for colour type %i with every filter type', (colorType) => {
    for (const filterType of [0, 1, 2, 3, 4, -1]) {
      const bytes = noisy(colorType, filterType);
      const image = inspectPngBytes(bytes).image;
      expect(image?.width, `filter ${filterType}`).toBe(37);
      expect(image?.data.equals(pngjsPixels(bytes)), `filter ${filterType}`).toBe(true);
    }
  });
  it('gives pngjs\'s pixels for image data split over several IDAT chunks, or with a gAMA chunk', () => {
    const bytes = noisy(6, -1);
    const idat = readPngStructure(bytes).idat?.[0] as Buffer;
    const split = Buffer.concat([bytes.subarray(0, 33), chunk('IDAT', idat.subarray(0, 100)), chunk('IDAT', idat.subarray(100)), IEND]);
    const gamma = withChunkAfterIhdr(bytes, chunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])));
    for (const file of [split, gamma]) expect(inspectPngBytes(file).image?.data.equals(pngjsPixels(bytes))).toBe(true);
  });
  it('leaves a short gAMA chunk to pngjs, which cannot decode the file', () => {
    const info = inspectPngBytes(withChunkAfterIhdr(noisy(2, 0), chunk('gAMA', Buffer.from([0, 1]))));
    expect(info.image).toBeUndefined();
    expect(info.problem?.kind).toBe('undecodable');
    expect(info.problem?.message).toMatch(/^cannot be decoded \(/);
  });
});

describe('corpus icons', () => {
  const certified = path.join(CORPUS, 'certified-connectors');
  const withIcons = existsSync(certified) ? readdirSync(certified).filter((name) => existsSync(path.join(certified, name, 'icon.png'))) : [];

  it.runIf(withIcons.length > 0)('judges every certified icon without a crash; Kanbanize is 471×471', () => {
    const report = gate(CORPUS, { paths: withIcons.map((name) => `certified-connectors/${name}`) });
    expect(report.internalErrors).toEqual([]);
    const findings = report.connectors.flatMap((c) => c.findings).filter((f) => ICON_IDS.includes(f.ruleId));
    for (const name of withIcons) {
      const info = inspectPngBytes(readFileSync(path.join(certified, name, 'icon.png')));
      const own = findings.filter((f) => f.connector === `certified-connectors/${name}`);
      console.log(`${name}: ${info.header?.width}×${info.header?.height}; ${own.length === 0 ? 'passes' : brief(own).join(' | ')}`);
    }
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'icon-size',
        file: 'certified-connectors/Kanbanize/icon.png',
        line: 1,
        column: 1,
        message: 'icon.png is 471×471; Microsoft requires 230×230',
      }),
    );
  });
});
