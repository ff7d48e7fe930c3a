// lib: bitsets as Int32Array words (bit i lives in word i >>> 5, bit i & 31). Small monomorphic functions
// taking the arrays as parameters; never Uint32Array (uint32 words above 2^31 become doubles in V8).

/** Words needed for `nbits` bits. */
export function wordCount(nbits: number): number {
  return (nbits + 31) >>> 5;
}

/** An empty bitset able to hold `nbits` bits. */
export function createBitset(nbits: number): Int32Array {
  return new Int32Array(wordCount(nbits));
}

export function setBit(a: Int32Array, i: number): void {
  a[i >>> 5] |= 1 << (i & 31);
}

export function clearBit(a: Int32Array, i: number): void {
  a[i >>> 5] &= ~(1 << (i & 31));
}

export function testBit(a: Int32Array, i: number): boolean {
  return (a[i >>> 5] & (1 << (i & 31))) !== 0;
}

// Binary kernels, unrolled by 16: measured 1.4 G words/s against 1.2 unrolled by 8 and 0.5 plain (B11).
/** a &= b (b at least as long as a). */
export function andInPlace(a: Int32Array, b: Int32Array): void {
  const n = a.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    a[i] &= b[i]; a[i + 1] &= b[i + 1]; a[i + 2] &= b[i + 2]; a[i + 3] &= b[i + 3];
    a[i + 4] &= b[i + 4]; a[i + 5] &= b[i + 5]; a[i + 6] &= b[i + 6]; a[i + 7] &= b[i + 7];
    a[i + 8] &= b[i + 8]; a[i + 9] &= b[i + 9]; a[i + 10] &= b[i + 10]; a[i + 11] &= b[i + 11];
    a[i + 12] &= b[i + 12]; a[i + 13] &= b[i + 13]; a[i + 14] &= b[i + 14]; a[i + 15] &= b[i + 15];
  }
  for (; i < n; i++) a[i] &= b[i];
}

/** a |= b. */
export function orInPlace(a: Int32Array, b: Int32Array): void {
  const n = a.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    a[i] |= b[i]; a[i + 1] |= b[i + 1]; a[i + 2] |= b[i + 2]; a[i + 3] |= b[i + 3];
    a[i + 4] |= b[i + 4]; a[i + 5] |= b[i + 5]; a[i + 6] |= b[i + 6]; a[i + 7] |= b[i + 7];
    a[i + 8] |= b[i + 8]; a[i + 9] |= b[i + 9]; a[i + 10] |= b[i + 10]; a[i + 11] |= b[i + 11];
    a[i + 12] |= b[i + 12]; a[i + 13] |= b[i + 13]; a[i + 14] |= b[i + 14]; a[i + 15] |= b[i + 15];
  }
  for (; i < n; i++) a[i] |= b[i];
}

/** a &= ~b. */
export function andNotInPlace(a: Int32Array, b: Int32Array): void {
  const n = a.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    a[i] &= ~b[i]; a[i + 1] &= ~b[i + 1]; a[i + 2] &= ~b[i + 2]; a[i + 3] &= ~b[i + 3];
    a[i + 4] &= ~b[i + 4]; a[i + 5] &= ~b[i + 5]; a[i + 6] &= ~b[i + 6]; a[i + 7] &= ~b[i + 7];
    a[i + 8] &= ~b[i + 8]; a[i + 9] &= ~b[i + 9]; a[i + 10] &= ~b[i + 10]; a[i + 11] &= ~b[i + 11];
    a[i + 12] &= ~b[i + 12]; a[i + 13] &= ~b[i + 13]; a[i + 14] &= ~b[i + 14]; a[i + 15] &= ~b[i + 15];
  }
  for (; i < n; i++) a[i] &= ~b[i];
}

/** a ^= b. */
export function xorInPlace(a: Int32Array, b: Int32Array): void {
  const n = a.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    a[i] ^= b[i]; a[i + 1] ^= b[i + 1]; a[i + 2] ^= b[i + 2]; a[i + 3] ^= b[i + 3];
    a[i + 4] ^= b[i + 4]; a[i + 5] ^= b[i + 5]; a[i + 6] ^= b[i + 6]; a[i + 7] ^= b[i + 7];
    a[i + 8] ^= b[i + 8]; a[i + 9] ^= b[i + 9]; a[i + 10] ^= b[i + 10]; a[i + 11] ^= b[i + 11];
    a[i + 12] ^= b[i + 12]; a[i + 13] ^= b[i + 13]; a[i + 14] ^= b[i + 14]; a[i + 15] ^= b[i + 15];
  }
  for (; i < n; i++) a[i] ^= b[i];
}

/** d = a & b (over d.length words). */
export function andInto(d: Int32Array, a: Int32Array, b: Int32Array): void {
  const n = d.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    d[i] = a[i] & b[i]; d[i + 1] = a[i + 1] & b[i + 1];
    d[i + 2] = a[i + 2] & b[i + 2]; d[i + 3] = a[i + 3] & b[i + 3];
    d[i + 4] = a[i + 4] & b[i + 4]; d[i + 5] = a[i + 5] & b[i + 5];
    d[i + 6] = a[i + 6] & b[i + 6]; d[i + 7] = a[i + 7] & b[i + 7];
    d[i + 8] = a[i + 8] & b[i + 8]; d[i + 9] = a[i + 9] & b[i + 9];
    d[i + 10] = a[i + 10] & b[i + 10]; d[i + 11] = a[i + 11] & b[i + 11];
    d[i + 12] = a[i + 12] & b[i + 12]; d[i + 13] = a[i + 13] & b[i + 13];
    d[i + 14] = a[i + 14] & b[i + 14]; d[i + 15] = a[i + 15] & b[i + 15];
  }
  for (; i < n; i++) d[i] = a[i] & b[i];
}

/** d = a | b. */
export function orInto(d: Int32Array, a: Int32Array, b: Int32Array): void {
  const n = d.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    d[i] = a[i] | b[i]; d[i + 1] = a[i + 1] | b[i + 1];
    d[i + 2] = a[i + 2] | b[i + 2]; d[i + 3] = a[i + 3] | b[i + 3];
    d[i + 4] = a[i + 4] | b[i + 4]; d[i + 5] = a[i + 5] | b[i + 5];
    d[i + 6] = a[i + 6] | b[i + 6]; d[i + 7] = a[i + 7] | b[i + 7];
    d[i + 8] = a[i + 8] | b[i + 8]; d[i + 9] = a[i + 9] | b[i + 9];
    d[i + 10] = a[i + 10] | b[i + 10]; d[i + 11] = a[i + 11] | b[i + 11];
    d[i + 12] = a[i + 12] | b[i + 12]; d[i + 13] = a[i + 13] | b[i + 13];
    d[i + 14] = a[i + 14] | b[i + 14]; d[i + 15] = a[i + 15] | b[i + 15];
  }
  for (; i < n; i++) d[i] = a[i] | b[i];
}

/** d = a & ~b. */
export function andNotInto(d: Int32Array, a: Int32Array, b: Int32Array): void {
  const n = d.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    d[i] = a[i] & ~b[i]; d[i + 1] = a[i + 1] & ~b[i + 1];
    d[i + 2] = a[i + 2] & ~b[i + 2]; d[i + 3] = a[i + 3] & ~b[i + 3];
    d[i + 4] = a[i + 4] & ~b[i + 4]; d[i + 5] = a[i + 5] & ~b[i + 5];
    d[i + 6] = a[i + 6] & ~b[i + 6]; d[i + 7] = a[i + 7] & ~b[i + 7];
    d[i + 8] = a[i + 8] & ~b[i + 8]; d[i + 9] = a[i + 9] & ~b[i + 9];
    d[i + 10] = a[i + 10] & ~b[i + 10]; d[i + 11] = a[i + 11] & ~b[i + 11];
    d[i + 12] = a[i + 12] & ~b[i + 12]; d[i + 13] = a[i + 13] & ~b[i + 13];
    d[i + 14] = a[i + 14] & ~b[i + 14]; d[i + 15] = a[i + 15] & ~b[i + 15];
  }
  for (; i < n; i++) d[i] = a[i] & ~b[i];
}

/** d = a ^ b. */
export function xorInto(d: Int32Array, a: Int32Array, b: Int32Array): void {
  const n = d.length;
  const m = n & ~15;
  let i = 0;
  for (; i < m; i += 16) {
    d[i] = a[i] ^ b[i]; d[i + 1] = a[i + 1] ^ b[i + 1];
    d[i + 2] = a[i + 2] ^ b[i + 2]; d[i + 3] = a[i + 3] ^ b[i + 3];
    d[i + 4] = a[i + 4] ^ b[i + 4]; d[i + 5] = a[i + 5] ^ b[i + 5];
    d[i + 6] = a[i + 6] ^ b[i + 6]; d[i + 7] = a[i + 7] ^ b[i + 7];
    d[i + 8] = a[i + 8] ^ b[i + 8]; d[i + 9] = a[i + 9] ^ b[i + 9];
    d[i + 10] = a[i + 10] ^ b[i + 10]; d[i + 11] = a[i + 11] ^ b[i + 11];
    d[i + 12] = a[i + 12] ^ b[i + 12]; d[i + 13] = a[i + 13] ^ b[i + 13];
    d[i + 14] = a[i + 14] ^ b[i + 14]; d[i + 15] = a[i + 15] ^ b[i + 15];
  }
  for (; i < n; i++) d[i] = a[i] ^ b[i];
}

/** Mask of the valid bits of the last word of an `nbits` set (-1 when the last word is full). */
function tailMask(nbits: number): number {
  const r = nbits & 31;
  return r === 0 ? -1 : (1 << r) - 1;
}

/** dst = the complement of a within the first `nbits` bits (bits beyond stay zero). dst may be a. */
export function notInto(dst: Int32Array, a: Int32Array, nbits: number): void {
  const n = wordCount(nbits);
  for (let i = 0; i < n; i++) dst[i] = ~(a[i]);
  if (n > 0) dst[n - 1] = (dst[n - 1]) & tailMask(nbits);
}

/** Set bits 0..nbits-1 (and clear the rest of the last word). */
export function fillBits(a: Int32Array, nbits: number): void {
  const n = wordCount(nbits);
  a.fill(-1, 0, n);
  if (n > 0) a[n - 1] = tailMask(nbits);
}

/** Number of set bits of one word. */
export function bitCount32(x: number): number {
  x = (x - ((x >>> 1) & 0x55555555)) | 0;
  x = ((x & 0x33333333) + ((x >>> 2) & 0x33333333)) | 0;
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function popcount(a: Int32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += bitCount32(a[i]);
  return n;
}

export function isEmpty(a: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

/** True when a and b hold the same bits (a shorter array counts as zero-padded). */
export function bitsetEquals(a: Int32Array, b: Int32Array): boolean {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return false;
  return true;
}

/** True when a & b is non-empty. */
export function intersects(a: Int32Array, b: Int32Array): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if ((a[i] & b[i]) !== 0) return true;
  return false;
}

/** Index of the first set bit at or after `from`, or -1. */
export function nextSetBit(a: Int32Array, from: number): number {
  let w = from >>> 5;
  if (w >= a.length) return -1;
  let word = a[w] & (-1 << (from & 31));
  for (;;) {
    if (word !== 0) return w * 32 + (31 - Math.clz32(word & -word));
    if (++w >= a.length) return -1;
    word = a[w];
  }
}

/** Call fn(i) for every set bit i, in ascending order. */
export function forEachSetBit(a: Int32Array, fn: (i: number) => void): void {
  for (let w = 0; w < a.length; w++) {
    let word = a[w];
    while (word !== 0) {
      const low = word & -word;
      fn(w * 32 + (31 - Math.clz32(low)));
      word ^= low;
    }
  }
}

/** A bitset of `nbits` bits with the given indices set. */
export function fromIndices(nbits: number, indices: ArrayLike<number>): Int32Array {
  const a = createBitset(nbits);
  setIndices(a, indices);
  return a;
}

/** Set every index of `indices` in `a`. */
export function setIndices(a: Int32Array, indices: ArrayLike<number>): void {
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    a[i >>> 5] |= 1 << (i & 31);
  }
}

/** The set bits, ascending. */
export function toIndices(a: Int32Array): number[] {
  const out: number[] = [];
  forEachSetBit(a, (i) => {
    out.push(i);
  });
  return out;
}
