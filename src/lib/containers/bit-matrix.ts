// lib: a rows x cols bit matrix on one Int32Array (row r starts at word r * stride, bit c of a row as in
// bitset.ts), with whole-matrix AND/ANDNOT/OR, row-wise OR of a bitset, and a 32x32-block transpose.
import { andInPlace, andNotInPlace, orInPlace, wordCount } from './bitset.js';

/** Hot data holder: the kernels below take `data` and `stride` as plain parameters. */
export class BitMatrix {
  readonly stride: number;
  readonly data: Int32Array;
  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    this.stride = wordCount(cols);
    this.data = new Int32Array(rows * this.stride);
  }
  get(r: number, c: number): boolean {
    return ((this.data[r * this.stride + (c >>> 5)] as number) & (1 << (c & 31))) !== 0;
  }
  set(r: number, c: number): void {
    this.data[r * this.stride + (c >>> 5)] |= 1 << (c & 31);
  }
  clear(r: number, c: number): void {
    this.data[r * this.stride + (c >>> 5)] &= ~(1 << (c & 31));
  }
  /** Row r as a bitset view sharing the matrix storage (writes go through). */
  row(r: number): Int32Array {
    return this.data.subarray(r * this.stride, (r + 1) * this.stride);
  }
}

/** For every set bit r of `rowSel`, row r |= bits (bits has at least `stride` words). */
export function orIntoSelectedRows(data: Int32Array, stride: number, rowSel: Int32Array, bits: Int32Array): void {
  for (let w = 0; w < rowSel.length; w++) {
    let word = rowSel[w] as number;
    while (word !== 0) {
      const low = word & -word;
      const base = (w * 32 + 31 - Math.clz32(low)) * stride;
      for (let i = 0; i < stride; i++) data[base + i] = (data[base + i] as number) | (bits[i] as number);
      word ^= low;
    }
  }
}

/** m.row(r) |= bits for every row r set in rowSel. */
export function orBitsetIntoRows(m: BitMatrix, rowSel: Int32Array, bits: Int32Array): void {
  orIntoSelectedRows(m.data, m.stride, rowSel, bits);
}

function checkSameShape(a: BitMatrix, b: BitMatrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(`bit matrices differ in shape: ${a.rows}x${a.cols} vs ${b.rows}x${b.cols}`);
  }
}

/** a &= b, element-wise. */
export function andMatrixInPlace(a: BitMatrix, b: BitMatrix): void {
  checkSameShape(a, b);
  andInPlace(a.data, b.data);
}

/** a &= ~b, element-wise. */
export function andNotMatrixInPlace(a: BitMatrix, b: BitMatrix): void {
  checkSameShape(a, b);
  andNotInPlace(a.data, b.data);
}

/** a |= b, element-wise. */
export function orMatrixInPlace(a: BitMatrix, b: BitMatrix): void {
  checkSameShape(a, b);
  orInPlace(a.data, b.data);
}

/** The transpose (cols x rows), by 32x32 blocks. */
export function transpose(m: BitMatrix): BitMatrix {
  const t = new BitMatrix(m.cols, m.rows);
  transposeInto(m.data, m.rows, m.cols, m.stride, t.data, t.stride, new Int32Array(32));
  return t;
}

/** Source words per tile: one 64-byte cache line of each of the 32 rows a block reads. */
const TILE_WORDS = 16;

/**
 * dst (cols x rows, stride dstStride, zeroed) = transpose of src (rows x cols). Each 32x32 block is loaded
 * into `block`, transposed by swapping off-diagonal halves at widths 16, 8, 4, 2, 1, and stored. Blocks are
 * visited in column tiles of 16 words so that both the rows read and the rows written stay in cache.
 */
export function transposeInto(
  src: Int32Array,
  rows: number,
  cols: number,
  srcStride: number,
  dst: Int32Array,
  dstStride: number,
  block: Int32Array,
): void {
  const rowBlocks = wordCount(rows);
  for (let cw0 = 0; cw0 < srcStride; cw0 += TILE_WORDS) {
    const cwEnd = Math.min(srcStride, cw0 + TILE_WORDS);
    for (let rb = 0; rb < rowBlocks; rb++) {
      const r0 = rb * 32;
      const nr = Math.min(32, rows - r0);
      for (let cw = cw0; cw < cwEnd; cw++) {
        let orBits = 0;
        for (let k = 0; k < nr; k++) orBits |= block[k] = src[(r0 + k) * srcStride + cw] as number;
        if (orBits === 0) continue; // dst is zeroed: an empty block stays empty
        block.fill(0, nr, 32);
        transpose32(block);
        const c0 = cw * 32;
        const nc = Math.min(32, cols - c0);
        for (let k = 0; k < nc; k++) dst[(c0 + k) * dstStride + rb] = block[k] as number;
      }
    }
  }
}

/** In-place transpose of a 32x32 bit block (word k = row k, bit j = column j). */
export function transpose32(a: Int32Array): void {
  for (let j = 16, m = 0x0000ffff; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = (((a[k] as number) >>> j) ^ (a[k + j] as number)) & m;
      a[k] = (a[k] as number) ^ (t << j);
      a[k + j] = (a[k + j] as number) ^ t;
    }
  }
}
