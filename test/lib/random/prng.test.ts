import { describe, expect, it } from 'vitest';
import { Prng, hashString } from '../../../src/lib/random/prng.js';

describe('Prng', () => {
  it('gives the same stream for the same seed and different streams otherwise', () => {
    const a = new Prng(123);
    const b = new Prng(123);
    const c = new Prng(124);
    const sa = Array.from({ length: 8 }, () => a.nextU32());
    expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(sa);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(sa);
  });

  it('draws uniformly enough: int(10) buckets within 5% over 100k draws', () => {
    const p = new Prng(99);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[p.int(10)]!++;
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('hashes strings stably (FNV-1a known answer)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
