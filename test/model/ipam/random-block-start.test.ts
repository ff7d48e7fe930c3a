import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affinityOrderKey, fnv1Hash32, randomBlockStart } from '../../../src/model/ipam/random-block-start.js';

describe('random block start', () => {
  it('hashes hostnames with FNV-1 32 (Go hash/fnv New32), not FNV-1a', () => {
    // Test vectors of the FNV reference (Landon Curt Noll): FNV-1 32-bit.
    expect(fnv1Hash32('')).toBe(0x811c9dc5);
    expect(fnv1Hash32('a')).toBe(0x050c5d7e);
    expect(fnv1Hash32('foobar')).toBe(0x31f0b262);
  });

  it('hashes the UTF-8 bytes: an ASCII name without encoding it equals hashing its encoding (any string)', () => {
    const reference = (s: string): number => {
      let h = 0x811c9dc5;
      for (const b of new TextEncoder().encode(s)) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
      return h;
    };
    expect(fnv1Hash32('t01-vm-07')).toBe(reference('t01-vm-07'));
    expect(fnv1Hash32('nœud-1')).toBe(reference('nœud-1'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        expect(fnv1Hash32(s)).toBe(reference(s));
      }),
      { numRuns: 3000, seed: 26 },
    );
  });

  it('draws a start inside the pool, the same for the same host', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 2 ** 26 }), (host, n) => {
        const s = randomBlockStart(fnv1Hash32(host), n);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(n);
        expect(randomBlockStart(fnv1Hash32(host), n)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('spreads hosts over the blocks of a pool', () => {
    const n = 1024;
    const hits = new Set<number>();
    for (let i = 0; i < 2000; i++) hits.add(randomBlockStart(fnv1Hash32(`worker-${i}`), n));
    expect(hits.size).toBeGreaterThan(800);
  });

  it('orders affinities by the Kubernetes object name text', () => {
    expect(affinityOrderKey(0x0a000080, 26)).toBe('10-0-0-128-26');
    expect(affinityOrderKey(0x0a000080, 26) < affinityOrderKey(0x0a000040, 26)).toBe(true);
  });
});
