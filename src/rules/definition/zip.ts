// A bounded ZIP reader for the Partner Center submission zip (pkg-partner-center-zip). The zip comes
// from a stranger's pull request, so nothing here trusts it: the central directory is read by hand
// with every offset checked against the buffer, the entry count is capped, an entry is inflated only
// when its declared size fits the budget and never beyond that size (node:zlib's maxOutputLength),
// and its CRC must match. Nothing is written to disk and entry names are never used as paths.
// ZIP64, multi-part, encrypted archives and methods other than stored/deflate are refused.
import zlib from 'node:zlib';
import { crc32 } from '../../engine/crc32.js';

/** Entries one archive may list. A submission zip has a handful; a solution zip a few hundred. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Largest entry inflated (a nested zip); the whole submission shares `MAX_INFLATED_BYTES`. */
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
/** Bytes inflated in total while checking one submission zip. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export class ZipError extends Error {}

export interface ZipEntry {
  /** As stored, with `\` turned into `/` (some Windows tools write backslashes). */
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  bytes: Buffer;
  entries: ZipEntry[];
}

/** Shared by every entry inflated while checking one submission: bytes still allowed. */
export interface InflateBudget {
  remaining: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the end record and the central directory. Throws ZipError on anything malformed. */
export function readZip(bytes: Buffer): ZipArchive {
  if (bytes.length === 0) throw new ZipError('it is empty (0 bytes)');
  if (bytes.length < 22) throw new ZipError(`it is ${bytes.length} bytes long, too short for a zip`);
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) <= bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) {
    const local = bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;
    throw new ZipError(local ? 'it is truncated: its end of central directory record is missing' : 'it is not a zip file (no end of central directory record)');
  }
  const disk = bytes.readUInt16LE(eocd + 4);
  const cdDisk = bytes.readUInt16LE(eocd + 6);
  const onDisk = bytes.readUInt16LE(eocd + 8);
  const total = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('it is a ZIP64 archive, which is not read; create it with a standard zip tool');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total) throw new ZipError('it is one part of a multi-part (spanned) archive');
  if (total > MAX_ZIP_ENTRIES) throw new ZipError(`it lists ${total} entries; more than ${MAX_ZIP_ENTRIES} are not read`);
  if (cdOffset + cdSize > eocd) throw new ZipError('it is damaged: its central directory lies outside the file');

  const entries: ZipEntry[] = [];
  let at = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < total; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipError(`it is damaged: central directory entry ${i + 1} of ${total} is missing or malformed`);
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > end) throw new ZipError(`it is damaged: central directory entry ${i + 1} runs past the directory`);
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, read as Latin-1 (ASCII names, the usual case, are the same).
    const name = (flags & 0x800 ? raw.toString('utf8') : raw.toString('latin1')).replace(/\\/g, '/');
    entries.push({
      name,
      flags,
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at = next;
  }
  return { bytes, entries };
}

/** An entry's bytes, inflated within the budget and CRC-checked. Throws ZipError. */
export function extract(archive: ZipArchive, entry: ZipEntry, budget: InflateBudget): Buffer {
  const { bytes } = archive;
  const name = entry.name;
  if (entry.flags & 0x1) throw new ZipError(`its entry '${name}' is encrypted`);
  if (entry.size > MAX_ENTRY_BYTES || entry.size > budget.remaining) {
    throw new ZipError(`its entry '${name}' declares ${entry.size} bytes uncompressed, more than the ${Math.min(MAX_ENTRY_BYTES, budget.remaining)} bytes allowed (a decompression bomb?)`);
  }
  const local = entry.localOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw new ZipError(`it is damaged: the local header of '${name}' is missing`);
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) throw new ZipError(`it is truncated: the data of '${name}' runs past the end of the file`);
  const data = bytes.subarray(start, stop);
  let out: Buffer;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipError(`it is damaged: the stored entry '${name}' has inconsistent sizes`);
    out = data;
  } else if (entry.method === 8) {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new ZipError(`its entry '${name}' inflates beyond the ${entry.size} bytes it declares (a decompression bomb?)`);
      }
      throw new ZipError(`it is damaged: the entry '${name}' is not a valid deflate stream`);
    }
  } else {
    throw new ZipError(`its entry '${name}' uses compression method ${entry.method}; only stored and deflate are read`);
  }
  if (out.length !== entry.size) throw new ZipError(`it is damaged: the entry '${name}' holds ${out.length} bytes, not the ${entry.size} it declares`);
  if (crc32(out) !== entry.crc) throw new ZipError(`it is damaged: the CRC of the entry '${name}' does not match`);
  budget.remaining -= out.length;
  return out;
}

/** Top-level layout of an archive: files at its root and the names of its top-level folders. */
export function layout(entries: readonly ZipEntry[], prefix = ''): { files: ZipEntry[]; folders: string[]; nested: ZipEntry[] } {
  const files: ZipEntry[] = [];
  const folders = new Set<string>();
  const nested: ZipEntry[] = [];
  for (const entry of entries) {
    if (!entry.name.startsWith(prefix)) continue;
    const rest = entry.name.slice(prefix.length);
    if (rest === '') continue;
    const slash = rest.indexOf('/');
    if (slash < 0) files.push(entry);
    else {
      folders.add(rest.slice(0, slash));
      if (slash < rest.length - 1) nested.push(entry);
    }
  }
  return { files, folders: [...folders].sort(), nested };
}
