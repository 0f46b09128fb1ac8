// PNG inspection for the icon rules. The icon comes from a stranger's pull request, so the header is
// read by hand first (signature, IHDR, chunk layout) and pixels are decoded only when the header
// is sane: a file claiming 100,000×100,000 pixels is refused from its first 33 bytes, without
// allocating anything. The result is cached per file, so several rules share one decode.
import zlib from 'node:zlib';
import pngjs from 'pngjs';
import type { BinaryFile } from '../../engine/files.js';
import { crc32 } from '../../engine/crc32.js';
import { memoizeByObject } from '../../engine/memo.js';

/** Images above this many pixels are not decoded (an icon is 230×230; this is 4096×4096). */
export const MAX_PIXELS = 4096 * 4096;

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bit depths the PNG specification allows per colour type. */
const DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16], // greyscale
  2: [8, 16], // truecolour
  3: [1, 2, 4, 8], // palette
  4: [8, 16], // greyscale + alpha
  6: [8, 16], // truecolour + alpha
};
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

export type PngProblemKind = 'empty' | 'not-png' | 'truncated' | 'corrupt' | 'too-large' | 'undecodable';

export interface PngProblem {
  kind: PngProblemKind;
  /** A phrase that follows the file name: "is not a PNG file (…)". */
  message: string;
}

export interface RgbaImage {
  width: number;
  height: number;
  /** 8-bit RGBA, row-major, whatever the file's depth and colour type. */
  data: Buffer;
}

export interface PngInfo {
  /** The IHDR, when it was read and valid (also when the image is refused as too large). */
  header?: PngHeader;
  /** The first thing wrong with the file; when set there are no pixels. */
  problem?: PngProblem;
  /** An acTL chunk before the first IDAT: an animated PNG (APNG). */
  animation?: { frames: number; plays: number };
  /** Decoded pixels, when the file is a sane, complete PNG that pngjs could decode. */
  image?: RgbaImage;
}

export interface PngStructure extends Omit<PngInfo, 'image'> {
  /** Byte offset just after the IEND chunk (anything after it is ignored). */
  end?: number;
  /** The IDAT payloads, in order (views into the file). */
  idat?: Buffer[];
  /** Whether a chunk other than IHDR, IDAT and IEND could change pngjs's decode (see decodeSimply). */
  otherChunks?: boolean;
}

/** Guesses what a non-PNG file is, so the message can say "it is a JPEG". */
function sniff(bytes: Buffer): string | undefined {
  const ascii = bytes.subarray(0, 16).toString('latin1');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'a JPEG';
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'a GIF';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (ascii.startsWith('BM')) return 'a BMP';
  if (bytes.readUInt32BE(0) === 0x00000100) return 'an ICO';
  if (ascii.startsWith('II*\u0000') || ascii.startsWith('MM\u0000*')) return 'a TIFF';
  const text = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'an SVG';
  if (text.startsWith('version https://git-lfs')) return 'a Git LFS pointer';
  if (text.startsWith('<')) return 'an XML/HTML document';
  return undefined;
}

function chunkName(bytes: Buffer, at: number): string {
  return bytes.toString('latin1', at, at + 4);
}

const CHUNK_NAME = /^[A-Za-z]{4}$/;

/**
 * Whether pngjs's decode may depend on a chunk other than IHDR, IDAT and IEND: it reads PLTE and
 * tRNS, throws on a gAMA shorter than its 4 bytes (a complete one only sets a gamma value it does
 * not apply), and refuses the critical chunks (upper-case first letter) it does not know; it
 * skips the rest.
 */
function pngjsReads(name: string, length: number): boolean {
  if (name === 'IHDR' || name === 'IDAT' || name === 'IEND') return false;
  if (name === 'gAMA') return length < 4;
  return name === 'PLTE' || name === 'tRNS' || (name.charCodeAt(0) & 0x20) === 0;
}

/**
 * Reads the signature, the IHDR and the chunk layout, without inflating anything. Stops at the first
 * problem. Cost is linear in the number of chunks (CRCs are checked over the whole file).
 */
export function readPngStructure(bytes: Buffer): PngStructure {
  if (bytes.length === 0) return { problem: { kind: 'empty', message: 'is empty (0 bytes)' } };
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    if (bytes.length >= 4 && bytes.subarray(1, 4).toString('latin1') === 'PNG') {
      return { problem: { kind: 'corrupt', message: 'has a damaged PNG signature (saved or transferred as text?); re-export it as PNG' } };
    }
    const kind = bytes.length >= 4 ? sniff(bytes) : undefined;
    return { problem: { kind: 'not-png', message: `is not a PNG file${kind ? ` (it is ${kind})` : ''}; save it as PNG` } };
  }
  // IHDR: length (4) + "IHDR" (4) + 13 bytes + CRC (4) = bytes 8..33.
  if (bytes.length < 8 + 8) return { problem: { kind: 'truncated', message: `is truncated: it ends after ${bytes.length} bytes, inside the PNG header` } };
  if (chunkName(bytes, 12) !== 'IHDR') {
    return { problem: { kind: 'corrupt', message: `is not a valid PNG: the first chunk is '${chunkName(bytes, 12)}', not IHDR` } };
  }
  if (bytes.readUInt32BE(8) !== 13) return { problem: { kind: 'corrupt', message: `is not a valid PNG: its IHDR chunk is ${bytes.readUInt32BE(8)} bytes long, not 13` } };
  if (bytes.length < 33) return { problem: { kind: 'truncated', message: `is truncated: it ends after ${bytes.length} bytes, inside the PNG header` } };
  if (crc32(bytes.subarray(12, 29)) !== bytes.readUInt32BE(29)) {
    return { problem: { kind: 'corrupt', message: 'is damaged: the CRC of its IHDR chunk does not match; re-export it as PNG' } };
  }
  const header: PngHeader = {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24] as number,
    colorType: bytes[25] as number,
    interlace: bytes[28] as number,
  };
  const { width, height, bitDepth, colorType, interlace } = header;
  const invalid = (why: string): PngStructure => ({ problem: { kind: 'corrupt', message: `is not a valid PNG: ${why}` } });
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return invalid(`its IHDR declares ${width}×${height} pixels`);
  if (!DEPTHS[colorType]?.includes(bitDepth)) return invalid(`bit depth ${bitDepth} is not allowed with colour type ${colorType}`);
  if (bytes[26] !== 0 || bytes[27] !== 0 || interlace > 1) return invalid('its IHDR has an unknown compression, filter or interlace method');
  // The bomb check comes from the header alone, before the rest of the file is even looked at.
  if (width * height > MAX_PIXELS) {
    return {
      header,
      problem: {
        kind: 'too-large',
        message: `claims ${width}×${height} pixels (${((width * height) / 1e6).toFixed(1)} Mpx); images above 4096×4096 are not decoded (a decompression bomb?)`,
      },
    };
  }

  let animation: PngInfo['animation'];
  const idat: Buffer[] = [];
  let sawPalette = false;
  let otherChunks = false;
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) {
      return { header, animation, problem: { kind: 'truncated', message: `is truncated: it ends at byte ${bytes.length}, inside a chunk header` } };
    }
    const length = bytes.readUInt32BE(offset);
    const name = chunkName(bytes, offset + 4);
    if (!CHUNK_NAME.test(name)) {
      return { header, animation, problem: { kind: 'corrupt', message: `is damaged: byte ${offset + 4} holds no valid chunk name` } };
    }
    if (length > 0x7fffffff) return { header, animation, problem: { kind: 'corrupt', message: `is damaged: chunk ${name} at byte ${offset} claims ${length} bytes` } };
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) {
      return {
        header,
        animation,
        problem: { kind: 'truncated', message: `is truncated: chunk ${name} at byte ${offset} needs ${length + 12} bytes but the file ends at byte ${bytes.length}` },
      };
    }
    if (crc32(bytes.subarray(offset + 4, dataEnd)) !== bytes.readUInt32BE(dataEnd)) {
      return { header, animation, problem: { kind: 'corrupt', message: `is damaged: the CRC of chunk ${name} at byte ${offset} does not match; re-export it as PNG` } };
    }
    if (name === 'IHDR' && offset !== 8) return { header, animation, problem: { kind: 'corrupt', message: 'is damaged: it has a second IHDR chunk' } };
    if (name === 'PLTE') sawPalette = true;
    if (name === 'acTL' && idat.length === 0 && length >= 8) {
      animation = { frames: bytes.readUInt32BE(dataStart), plays: bytes.readUInt32BE(dataStart + 4) };
    }
    if (name === 'IDAT') idat.push(bytes.subarray(dataStart, dataEnd));
    else if (pngjsReads(name, length)) otherChunks = true;
    offset = dataEnd + 4;
    if (name === 'IEND') {
      if (idat.length === 0) return { header, animation, problem: { kind: 'corrupt', message: 'is not a valid PNG: it has no image data (IDAT chunk)' } };
      if (colorType === 3 && !sawPalette) return { header, animation, problem: { kind: 'corrupt', message: 'is not a valid PNG: a palette image without a PLTE chunk' } };
      return { header, animation, end: offset, idat, otherChunks };
    }
  }
  return { header, animation, problem: { kind: 'truncated', message: `is truncated: it ends at byte ${bytes.length} without the IEND chunk` } };
}

/** Bytes of filtered scanlines the IDAT stream must inflate to (Adam7 passes when interlaced). */
export function inflatedSize(header: PngHeader): number {
  const bitsPerPixel = (CHANNELS[header.colorType] as number) * header.bitDepth;
  const rowBytes = (width: number): number => 1 + Math.ceil((width * bitsPerPixel) / 8);
  if (header.interlace === 0) return rowBytes(header.width) * header.height;
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  let total = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = header.width > x0 ? Math.ceil((header.width - x0) / dx) : 0;
    const h = header.height > y0 ? Math.ceil((header.height - y0) / dy) : 0;
    if (w > 0 && h > 0) total += rowBytes(w) * h;
  }
  return total;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Inspects PNG bytes: structure first, then a bounded decode to 8-bit RGBA. */
export function inspectPngBytes(bytes: Buffer): PngInfo {
  const structure = readPngStructure(bytes);
  const { header, animation, problem } = structure;
  const base: PngInfo = { ...(header ? { header } : {}), ...(animation ? { animation } : {}) };
  if (problem || !header || structure.end === undefined || !structure.idat) return { ...base, ...(problem ? { problem } : {}) };

  const expected = inflatedSize(header);
  // The image data is inflated here first, capped at what the header needs, for two reasons:
  // pngjs bounds its own inflate only for non-interlaced images (a small interlaced file could
  // expand into gigabytes), and its hand-made sync inflate does not reliably report a corrupt zlib
  // stream on current Node (it can "decode" garbage into pixels that were never in the file).
  const data = structure.idat.length === 1 ? (structure.idat[0] as Buffer) : Buffer.concat(structure.idat);
  let inflated: Buffer;
  let consumed: number;
  try {
    // `info` adds the engine, whose bytesWritten says how much of the input the zlib stream used.
    const result = zlib.inflateSync(data, { maxOutputLength: expected, info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    inflated = result.buffer;
    consumed = result.engine.bytesWritten;
    if (inflated.length !== expected) {
      return {
        ...base,
        problem: { kind: 'undecodable', message: `cannot be decoded: its image data holds ${inflated.length} of the ${expected} bytes a ${header.width}×${header.height} image needs; re-export it as PNG` },
      };
    }
  } catch (error) {
    const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
    return {
      ...base,
      problem: tooBig
        ? { kind: 'too-large', message: `holds image data that inflates beyond the ${expected} bytes a ${header.width}×${header.height} image needs (a decompression bomb?)` }
        : { kind: 'undecodable', message: `cannot be decoded: its image data is not a valid zlib stream (${describeError(error)}); re-export it as PNG` },
    };
  }
  const simple = consumed === data.length && !structure.otherChunks && structure.idat.every((part) => part.length > 0) ? decodeSimply(header, inflated) : undefined;
  if (simple) return { ...base, image: simple };
  try {
    // Trailing bytes after IEND are ignored, as browsers do (pngjs would refuse them). CRCs were checked above.
    const decoded = pngjs.PNG.sync.read(bytes.subarray(0, structure.end), { checkCRC: false });
    if (decoded.width !== header.width || decoded.height !== header.height || decoded.data.length !== header.width * header.height * 4) {
      return { ...base, problem: { kind: 'undecodable', message: 'cannot be decoded: the pixel data does not match the header; re-export it as PNG' } };
    }
    return { ...base, image: { width: decoded.width, height: decoded.height, data: decoded.data } };
  } catch (error) {
    return { ...base, problem: { kind: 'undecodable', message: `cannot be decoded (${describeError(error)}); re-export it as PNG` } };
  }
}

/**
 * The RGBA pixels pngjs would return for the commonest icons (8-bit RGB or RGBA, not interlaced),
 * decoded from the image data already inflated, without pngjs inflating it again and mapping it
 * pixel by pixel through generic per-format code. Undefined for any other image, and whenever
 * pngjs might act differently (another format, chunks it reads or refuses, a zlib stream with
 * bytes after its end, an unknown filter type): pngjs then decodes it as before. `inflated` holds
 * exactly inflatedSize(header) bytes.
 */
function decodeSimply(header: PngHeader, inflated: Buffer): RgbaImage | undefined {
  const { width, height, bitDepth, colorType, interlace } = header;
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) return undefined;
  const bpp = colorType === 6 ? 4 : 3;
  const rowBytes = width * bpp;
  const rows = Buffer.alloc(rowBytes * height); // unfiltered rows, back to back
  for (let y = 0; y < height; y++) {
    const filter = inflated[y * (rowBytes + 1)] as number;
    if (filter > 4) return undefined; // pngjs throws its own message
    unfilterRow(filter, inflated, y * (rowBytes + 1) + 1, rows, y * rowBytes, y > 0 ? (y - 1) * rowBytes : -1, rowBytes, bpp);
  }
  if (bpp === 4) return { width, height, data: rows };
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0, o = 0; i < rows.length; i += 3, o += 4) {
    data[o] = rows[i] as number;
    data[o + 1] = rows[i + 1] as number;
    data[o + 2] = rows[i + 2] as number;
    data[o + 3] = 0xff;
  }
  return { width, height, data };
}

/**
 * Reverses one row's PNG filter (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) into `out` at `at`;
 * `above` is where the row above starts in `out`, -1 on the first row. One loop per filter type
 * (a copy where there is nothing to add); a Buffer keeps the low 8 bits of each sum.
 */
function unfilterRow(filter: number, raw: Buffer, from: number, out: Buffer, at: number, above: number, length: number, bpp: number): void {
  if (filter === 0 || (filter === 2 && above < 0)) {
    out.set(raw.subarray(from, from + length), at);
  } else if (filter === 1) {
    for (let x = 0; x < length; x++) out[at + x] = (raw[from + x] as number) + (x >= bpp ? (out[at + x - bpp] as number) : 0);
  } else if (filter === 2) {
    for (let x = 0; x < length; x++) out[at + x] = (raw[from + x] as number) + (out[above + x] as number);
  } else if (filter === 3) {
    for (let x = 0; x < length; x++) {
      const left = x >= bpp ? (out[at + x - bpp] as number) : 0;
      const top = above >= 0 ? (out[above + x] as number) : 0;
      out[at + x] = (raw[from + x] as number) + ((left + top) >> 1);
    }
  } else {
    for (let x = 0; x < length; x++) {
      const left = x >= bpp ? (out[at + x - bpp] as number) : 0;
      const top = above >= 0 ? (out[above + x] as number) : 0;
      const topLeft = x >= bpp && above >= 0 ? (out[above + x - bpp] as number) : 0;
      out[at + x] = (raw[from + x] as number) + paeth(left, top, topLeft);
    }
  }
}

/** The Paeth predictor, with pngjs's tie-breaking (left, then above, then upper left). */
function paeth(left: number, above: number, upLeft: number): number {
  const estimate = left + above - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toAbove = Math.abs(estimate - above);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toAbove && toLeft <= toUpLeft) return left;
  return toAbove <= toUpLeft ? above : upLeft;
}

/** The file's PNG inspection, computed once per file however many rules ask. */
export const inspectPng = memoizeByObject((file: BinaryFile): PngInfo => inspectPngBytes(file.bytes));

/** RGBA of the pixel at (x, y). */
export function pixelAt(image: RgbaImage, x: number, y: number): [number, number, number, number] {
  const i = (y * image.width + x) * 4;
  const d = image.data;
  return [d[i] as number, d[i + 1] as number, d[i + 2] as number, d[i + 3] as number];
}

export function hex([r, g, b]: readonly number[]): string {
  return '#' + [r, g, b].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('');
}
