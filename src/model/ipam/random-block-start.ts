// model: where a host starts its walk over a pool's blocks — libcalico-go's randomBlockGenerator
// (ipam_block_reader_writer.go): a start index drawn from a generator seeded by the FNV-1 hash of the
// hostname, then every block in address order with wrap-around.
//
// Calico seeds Go's math/rand (an additive lagged Fibonacci source) and draws with big.Int.Rand; we keep
// the seed (FNV-1 of the hostname, so a host always starts at the same block of a pool) and the draw
// (two 32-bit words per attempt, the value masked to the bit length of the block count, rejected when out
// of range) but use the project's sfc32 Prng instead of Go's stream, so the start index of a given
// hostname differs from real Calico's. Reproducing it would need Go's 607-word seeding table.
import { Prng } from '../../lib/random/prng.js';

/** Go's hash/fnv New32 (FNV-1, not FNV-1a) of the UTF-8 bytes of `s`. */
export function fnv1Hash32(s: string): number {
  let h = 0x811c9dc5;
  // An ASCII name (every Kubernetes node name) is its own UTF-8: hash its code units without encoding.
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0x80) return fnv1Bytes(new TextEncoder().encode(s));
    h = Math.imul(h, 0x01000193);
    h ^= u;
  }
  return h >>> 0;
}

function fnv1Bytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h = Math.imul(h, 0x01000193);
    h ^= bytes[i] as number;
  }
  return h >>> 0;
}

/** A start index in [0, numBlocks) drawn from a generator seeded with `seed` (big.Int.Rand's rejection draw). */
export function randomBlockStart(seed: number, numBlocks: number): number {
  const rng = new Prng(seed);
  const bitLen = 32 - Math.clz32(numBlocks);
  const mask = 2 ** bitLen - 1;
  for (;;) {
    const low = rng.nextU32();
    rng.nextU32(); // the high half of Go's 64-bit word, masked away for block counts below 2^32
    const v = (low & mask) >>> 0;
    if (v < numBlocks) return v;
  }
}

/**
 * Sort key of a block in a host's affinity list. The Kubernetes datastore lists BlockAffinity objects by
 * name, `<host>-<cidr with . and / as ->` (names.CIDRToName), so a host's blocks come back in byte order
 * of that text: 10-0-0-128-26 before 10-0-0-64-26.
 */
export function affinityOrderKey(base: number, len: number): string {
  return `${base >>> 24}-${(base >>> 16) & 255}-${(base >>> 8) & 255}-${base & 255}-${len}`;
}
