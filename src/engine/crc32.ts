// CRC-32 (ISO 3309), as PNG chunks and ZIP entries use it.
import zlib from 'node:zlib';

/** zlib.crc32 exists from Node 20.15 and 22.2 (package.json requires >= 20.15; node24 on GitHub). */
export function crc32(data: Uint8Array): number {
  return (zlib as unknown as { crc32(data: Uint8Array): number }).crc32(data) >>> 0;
}
