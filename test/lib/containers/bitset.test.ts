// Every bitset operation against a boolean-array reference implementation (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as B from '../../../src/lib/containers/bitset.js';

/** A universe size and two random boolean arrays of that size. */
const pair = fc
  .integer({ min: 0, max: 200 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.array(fc.boolean(), { minLength: n, maxLength: n })));

const toBits = (bools: boolean[]): Int32Array => B.fromIndices(bools.length, bools.flatMap((b, i) => (b ? [i] : [])));
const toBools = (a: Int32Array, n: number): boolean[] => Array.from({ length: n }, (_, i) => B.testBit(a, i));

describe('bitset', () => {
  it('binary operations in place and into a target', () => {
    const ops: [string, (x: boolean, y: boolean) => boolean, (a: Int32Array, b: Int32Array) => void, (d: Int32Array, a: Int32Array, b: Int32Array) => void][] = [
      ['and', (x, y) => x && y, B.andInPlace, B.andInto],
      ['or', (x, y) => x || y, B.orInPlace, B.orInto],
      ['andNot', (x, y) => x && !y, B.andNotInPlace, B.andNotInto],
      ['xor', (x, y) => x !== y, B.xorInPlace, B.xorInto],
    ];
    fc.assert(
      fc.property(pair, ([n, xs, ys]) => {
        for (const [name, ref, inPlace, into] of ops) {
          const want = xs.map((x, i) => ref(x, ys[i] as boolean));
          const a = toBits(xs);
          inPlace(a, toBits(ys));
          expect(toBools(a, n), name).toEqual(want);
          const d = B.createBitset(n);
          into(d, toBits(xs), toBits(ys));
          expect(toBools(d, n), name).toEqual(want);
          expect(B.bitsetEquals(a, d)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('complement stays inside the universe; fill; popcount; isEmpty; intersects; equals', () => {
    fc.assert(
      fc.property(pair, ([n, xs, ys]) => {
        const a = toBits(xs);
        const c = B.createBitset(n);
        B.notInto(c, a, n);
        expect(toBools(c, n)).toEqual(xs.map((x) => !x));
        expect(B.popcount(c)).toBe(xs.filter((x) => !x).length);
        const full = B.createBitset(n);
        B.fillBits(full, n);
        expect(B.popcount(full)).toBe(n);
        expect(B.popcount(a)).toBe(xs.filter(Boolean).length);
        expect(B.isEmpty(a)).toBe(!xs.some(Boolean));
        expect(B.intersects(a, toBits(ys))).toBe(xs.some((x, i) => x && ys[i]));
        expect(B.bitsetEquals(a, toBits(ys))).toBe(xs.every((x, i) => x === ys[i]));
        B.notInto(a, a, n); // in place
        expect(B.bitsetEquals(a, c)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('set/clear/test, nextSetBit, forEachSetBit, toIndices', () => {
    fc.assert(
      fc.property(pair, fc.nat(), ([n, xs], from) => {
        const a = B.createBitset(n);
        xs.forEach((x, i) => (x ? B.setBit(a, i) : B.clearBit(a, i)));
        const idx = xs.flatMap((x, i) => (x ? [i] : []));
        expect(B.toIndices(a)).toEqual(idx);
        const seen: number[] = [];
        B.forEachSetBit(a, (i) => seen.push(i));
        expect(seen).toEqual(idx);
        const f = n === 0 ? 0 : from % (n + 40);
        expect(B.nextSetBit(a, f)).toBe(idx.find((i) => i >= f) ?? -1);
        for (const i of idx) B.clearBit(a, i);
        expect(B.isEmpty(a)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles the sign bit (bit 31) and word boundaries', () => {
    const a = B.fromIndices(96, [0, 31, 32, 63, 95]);
    expect(B.popcount(a)).toBe(5);
    expect(B.toIndices(a)).toEqual([0, 31, 32, 63, 95]);
    expect(B.nextSetBit(a, 1)).toBe(31);
    expect(B.nextSetBit(a, 64)).toBe(95);
    expect(B.bitCount32(-1)).toBe(32);
    expect(B.bitCount32(-2147483648)).toBe(1);
    const c = B.createBitset(64);
    B.notInto(c, B.createBitset(64), 64);
    expect(Array.from(c)).toEqual([-1, -1]);
  });
});
