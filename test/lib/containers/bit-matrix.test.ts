// Bit matrix operations against boolean-matrix references (fast-check), including the block transpose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  andMatrixInPlace,
  andNotMatrixInPlace,
  BitMatrix,
  orBitsetIntoRows,
  orMatrixInPlace,
  transpose,
  transpose32,
} from '../../../src/lib/containers/bit-matrix.js';
import { bitsetEquals, fromIndices } from '../../../src/lib/containers/bitset.js';
import { Prng } from '../../../src/lib/random/prng.js';

type Bools = boolean[][];
const shape = fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 70 }));
const matrixOf = (rows: number, cols: number): fc.Arbitrary<Bools> =>
  fc.array(fc.array(fc.boolean(), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

function toMatrix(b: Bools, rows: number, cols: number): BitMatrix {
  const m = new BitMatrix(rows, cols);
  b.forEach((row, r) => row.forEach((x, c) => (x ? m.set(r, c) : m.clear(r, c))));
  return m;
}
const toBools = (m: BitMatrix): Bools => Array.from({ length: m.rows }, (_, r) => Array.from({ length: m.cols }, (_, c) => m.get(r, c)));
const indices = (bs: boolean[]): number[] => bs.flatMap((x, i) => (x ? [i] : []));

describe('BitMatrix', () => {
  it('element-wise AND / ANDNOT / OR', () => {
    fc.assert(
      fc.property(shape.chain(([r, c]) => fc.tuple(fc.constant(r), fc.constant(c), matrixOf(r, c), matrixOf(r, c))), ([r, c, x, y]) => {
        const cases: [(a: BitMatrix, b: BitMatrix) => void, (p: boolean, q: boolean) => boolean][] = [
          [andMatrixInPlace, (p, q) => p && q],
          [andNotMatrixInPlace, (p, q) => p && !q],
          [orMatrixInPlace, (p, q) => p || q],
        ];
        for (const [op, ref] of cases) {
          const a = toMatrix(x, r, c);
          op(a, toMatrix(y, r, c));
          expect(toBools(a)).toEqual(x.map((row, i) => row.map((p, j) => ref(p, (y[i] as boolean[])[j] as boolean))));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ORs a bitset into the rows selected by another bitset; row views share storage', () => {
    fc.assert(
      fc.property(
        shape.chain(([r, c]) =>
          fc.tuple(fc.constant(r), fc.constant(c), matrixOf(r, c), fc.array(fc.boolean(), { minLength: r, maxLength: r }), fc.array(fc.boolean(), { minLength: c, maxLength: c })),
        ),
        ([r, c, x, sel, bits]) => {
          const m = toMatrix(x, r, c);
          orBitsetIntoRows(m, fromIndices(r, indices(sel)), fromIndices(c, indices(bits)));
          expect(toBools(m)).toEqual(x.map((row, i) => row.map((p, j) => p || (sel[i] === true && bits[j] === true))));
          if (r > 0 && c > 0) {
            m.row(0)[0] = 0;
            expect(m.get(0, 0)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('transposes (32x32 blocks, ragged edges)', () => {
    fc.assert(
      fc.property(shape.chain(([r, c]) => fc.tuple(fc.constant(r), fc.constant(c), matrixOf(r, c))), ([r, c, x]) => {
        const t = transpose(toMatrix(x, r, c));
        expect([t.rows, t.cols]).toEqual([c, r]);
        expect(toBools(t)).toEqual(Array.from({ length: c }, (_, i) => Array.from({ length: r }, (_, j) => (x[j] as boolean[])[i])));
      }),
      { numRuns: 300 },
    );
  });

  it('transposes a matrix spanning several 16-word column tiles', () => {
    const rng = new Prng(5);
    const m = new BitMatrix(150, 1100);
    for (let i = 0; i < 20000; i++) m.set(rng.int(150), rng.int(1100));
    const t = transpose(m);
    let wrong = 0;
    for (let r = 0; r < 150; r++) for (let c = 0; c < 1100; c++) if (t.get(c, r) !== m.get(r, c)) wrong++;
    expect(wrong).toBe(0);
    expect(bitsetEquals(transpose(t).data, m.data)).toBe(true);
  });

  it('transpose32 is an involution matching the element definition', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2147483648, max: 2147483647 }), { minLength: 32, maxLength: 32 }), (words) => {
        const a = Int32Array.from(words);
        transpose32(a);
        let wrong = 0;
        for (let i = 0; i < 32; i++) for (let j = 0; j < 32; j++) if ((((a[j] as number) >>> i) & 1) !== (((words[i] as number) >>> j) & 1)) wrong++;
        expect(wrong).toBe(0);
        transpose32(a);
        expect(Array.from(a)).toEqual(words);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects element-wise operations on different shapes', () => {
    expect(() => andMatrixInPlace(new BitMatrix(2, 3), new BitMatrix(3, 2))).toThrow(RangeError);
  });
});
