// Test helper: screenshots as test artifacts (out/test-artifacts/viz/) and a check that a PNG is not blank
// (its decoded scanlines hold many distinct byte values; a blank page holds a handful).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

export const ARTIFACTS = join('out', 'test-artifacts', 'viz');
mkdirSync(ARTIFACTS, { recursive: true });

/** Distinct byte values in the PNG's decompressed image data. */
export function distinctBytes(png: Buffer): number {
  const chunks: Buffer[] = [];
  let off = 8;
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    if (type === 'IDAT') chunks.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const seen = new Set<number>();
  for (let i = 0; i < raw.length; i += 7) seen.add(raw[i]!);
  return seen.size;
}
