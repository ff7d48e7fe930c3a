// compile: longest-prefix match on uint32 keys — an 18-8-6 multibit stride trie in Int32Arrays built by
// controlled prefix expansion (prefixes inserted shortest first, longer ones overwrite). The strides put
// Calico's /26 blocks at the end of level 2, so most lookups take two reads over a table small enough to
// stay in cache. Values are > 0; lookups return 0 when no prefix matches.
import { maskOf } from '../../lib/ipv4.js';

const S1 = 18;
const S2 = 8;
const S3 = 6;
const C2 = 1 << S2;
const C3 = 1 << S3;

/** Incremental builder: `insert` must be called in non-decreasing prefix-length order. */
export class StrideTrieBuilder {
  /** Level 1, indexed by the top 18 bits: a value (>= 0) or a level-2 chunk pointer -(chunk + 1). */
  readonly root = new Int32Array(1 << S1);
  /** Level-2 chunks (256 entries: the next 8 bits), values or level-3 pointers. */
  chunks2: Int32Array;
  /** Level-3 chunks (64 entries: the last 6 bits), values only. */
  chunks3: Int32Array;
  count2 = 0;
  count3 = 0;
  size = 0;
  private lastLen = 0;

  constructor(expected = 64) {
    this.chunks2 = new Int32Array(Math.max(1, expected >> 4) * C2);
    this.chunks3 = new Int32Array(16 * C3);
  }

  /** Adds `base/len -> value` (value > 0). Equal prefixes: the later insert wins. */
  insert(base: number, len: number, value: number): void {
    if (len < this.lastLen) throw new Error('StrideTrieBuilder.insert: prefixes must come shortest first');
    if (!(value > 0)) throw new Error('StrideTrieBuilder.insert: values must be > 0');
    this.lastLen = len;
    this.size++;
    const b = (base & maskOf(len)) >>> 0;
    const i1 = b >>> (32 - S1);
    if (len <= S1) {
      this.root.fill(value, i1, i1 + (1 << (S1 - len)));
      return;
    }
    let e = this.root[i1] as number;
    if (e >= 0) {
      e = -(this.newChunk2(e) + 1);
      this.root[i1] = e;
    }
    const base2 = (-e - 1) * C2;
    const i2 = (b >>> S3) & (C2 - 1);
    if (len <= S1 + S2) {
      this.chunks2.fill(value, base2 + i2, base2 + i2 + (1 << (S1 + S2 - len)));
      return;
    }
    let e2 = this.chunks2[base2 + i2] as number;
    if (e2 >= 0) {
      e2 = -(this.newChunk3(e2) + 1);
      this.chunks2[base2 + i2] = e2;
    }
    const base3 = (-e2 - 1) * C3;
    const i3 = b & (C3 - 1);
    this.chunks3.fill(value, base3 + i3, base3 + i3 + (1 << (32 - len)));
  }

  /** Longest-prefix match over what was inserted so far. */
  lookup(ip: number): number {
    return lpmLookup(this.root, this.chunks2, this.chunks3, ip);
  }

  /** Freezes the builder into a trie (shares the arrays). */
  build(): StrideTrie {
    return new StrideTrie(this.root, this.chunks2.subarray(0, this.count2 * C2), this.chunks3.subarray(0, this.count3 * C3), this.size);
  }

  private newChunk2(fillValue: number): number {
    const c = this.count2++;
    if ((c + 1) * C2 > this.chunks2.length) this.chunks2 = grown(this.chunks2);
    this.chunks2.fill(fillValue, c * C2, (c + 1) * C2);
    return c;
  }

  private newChunk3(fillValue: number): number {
    const c = this.count3++;
    if ((c + 1) * C3 > this.chunks3.length) this.chunks3 = grown(this.chunks3);
    this.chunks3.fill(fillValue, c * C3, (c + 1) * C3);
    return c;
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** A frozen 18-8-6 stride trie. */
export class StrideTrie {
  constructor(
    readonly root: Int32Array,
    readonly chunks2: Int32Array,
    readonly chunks3: Int32Array,
    /** Number of prefixes inserted. */
    readonly size: number,
  ) {}

  /** The value of the longest prefix containing `ip`, or 0. */
  lookup(ip: number): number {
    return lpmLookup(this.root, this.chunks2, this.chunks3, ip);
  }

  /** Bytes held by the tables. */
  get bytes(): number {
    return this.root.byteLength + this.chunks2.byteLength + this.chunks3.byteLength;
  }
}

/** The lookup kernel: at most three dependent reads. */
export function lpmLookup(root: Int32Array, chunks2: Int32Array, chunks3: Int32Array, ip: number): number {
  let e = root[ip >>> 14] as number;
  if (e >= 0) return e;
  e = chunks2[((-e - 1) << 8) | ((ip >>> 6) & 255)] as number;
  if (e >= 0) return e;
  return chunks3[((-e - 1) << 6) | (ip & 63)] as number;
}

/** Builds a trie from parallel arrays (any order); values must be > 0. */
export function buildStrideTrie(
  bases: ArrayLike<number>,
  lens: ArrayLike<number>,
  values: ArrayLike<number>,
  count = lens.length,
): StrideTrie {
  const order = Array.from({ length: count }, (_, i) => i);
  // Stable by length: equal prefixes keep input order, so the later one wins as documented.
  order.sort((x, y) => (lens[x] as number) - (lens[y] as number) || x - y);
  const b = new StrideTrieBuilder(count);
  for (const i of order) b.insert(bases[i] as number, lens[i] as number, values[i] as number);
  return b.build();
}
