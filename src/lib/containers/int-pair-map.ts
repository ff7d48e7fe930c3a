// lib: an open-addressing hash map from a pair of int32 keys to an int32 value, held in typed
// arrays — the memo and interning tables of the BGP engine (no object or string per lookup).

/** Returned by `get` when the pair is absent; never a key `a` nor a stored value. */
export const ABSENT = -2147483648;

/** Map (int32, int32) → int32 with linear probing; grows at half load. */
export class IntPairMap {
  private ka: Int32Array;
  private kb: Int32Array;
  private vs: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 64) {
    let c = 16;
    while (c < capacity * 2) c *= 2;
    this.ka = new Int32Array(c).fill(ABSENT);
    this.kb = new Int32Array(c);
    this.vs = new Int32Array(c);
    this.mask = c - 1;
  }

  get(a: number, b: number): number {
    const ka = this.ka;
    const kb = this.kb;
    const mask = this.mask;
    let i = hashPair(a, b) & mask;
    for (;;) {
      const x = ka[i] as number;
      if (x === ABSENT) return ABSENT;
      if (x === a && kb[i] === b) return this.vs[i] as number;
      i = (i + 1) & mask;
    }
  }

  set(a: number, b: number, v: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.rehash();
    const ka = this.ka;
    const kb = this.kb;
    const mask = this.mask;
    let i = hashPair(a, b) & mask;
    for (;;) {
      const x = ka[i] as number;
      if (x === ABSENT) {
        ka[i] = a;
        kb[i] = b;
        this.vs[i] = v;
        this.size++;
        return;
      }
      if (x === a && kb[i] === b) {
        this.vs[i] = v;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Makes room for `n` entries without further rehashing. */
  reserve(n: number): void {
    while ((n + 1) * 2 > this.mask + 1) this.rehash();
  }

  /** Calls fn for every entry. */
  forEach(fn: (a: number, b: number, v: number) => void): void {
    for (let i = 0; i < this.ka.length; i++) if (this.ka[i] !== ABSENT) fn(this.ka[i] as number, this.kb[i] as number, this.vs[i] as number);
  }

  /** Replaces every value v by fn(v). */
  mapValues(fn: (v: number) => number): void {
    const { ka, vs } = this;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== ABSENT) vs[i] = fn(vs[i] as number);
  }

  clear(): void {
    this.ka.fill(ABSENT);
    this.size = 0;
  }

  private rehash(): void {
    const { ka, kb, vs } = this;
    const c = ka.length * 2;
    this.ka = new Int32Array(c).fill(ABSENT);
    this.kb = new Int32Array(c);
    this.vs = new Int32Array(c);
    this.mask = c - 1;
    this.size = 0;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== ABSENT) this.set(ka[i] as number, kb[i] as number, vs[i] as number);
  }
}

/** Mixes two int32 keys into a well-spread int32 hash. */
export function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
