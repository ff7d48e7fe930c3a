// compile: longest-prefix match on uint32 keys — a 16-8-8 multibit stride trie in Int32Arrays built by
// controlled prefix expansion (prefixes inserted shortest first, longer ones overwrite). Values are > 0;
// lookups return 0 when no prefix matches.

const CHUNK = 256;

/** Incremental builder: `insert` must be called in non-decreasing prefix-length order. */
export class StrideTrieBuilder {
  /** Level-1 table indexed by the top 16 bits: a value (>= 0) or a chunk pointer -(chunk + 1). */
  readonly root = new Int32Array(65536);
  /** Chunks of 256 entries for levels 2 and 3, same encoding. */
  chunks: Int32Array;
  chunkCount = 0;
  size = 0;
  private lastLen = 0;

  constructor(expectedChunks = 64) {
    this.chunks = new Int32Array(Math.max(1, expectedChunks) * CHUNK);
  }

  /** Adds `base/len -> value` (value > 0). Equal prefixes: the later insert wins. */
  insert(base: number, len: number, value: number): void {
    if (len < this.lastLen) throw new Error('StrideTrieBuilder.insert: prefixes must come shortest first');
    if (!(value > 0)) throw new Error('StrideTrieBuilder.insert: values must be > 0');
    this.lastLen = len;
    this.size++;
    const b = len === 0 ? 0 : (base & (0xffffffff << (32 - len))) >>> 0;
    if (len <= 16) {
      const start = b >>> 16;
      this.root.fill(value, start, start + (1 << (16 - len)));
      return;
    }
    const c2 = this.childOf(this.root, b >>> 16, 0);
    if (len <= 24) {
      const start = c2 * CHUNK + ((b >>> 8) & 255);
      this.chunks.fill(value, start, start + (1 << (24 - len)));
      return;
    }
    const c3 = this.childOf(this.chunks, c2 * CHUNK + ((b >>> 8) & 255), 1);
    const start = c3 * CHUNK + (b & 255);
    this.chunks.fill(value, start, start + (1 << (32 - len)));
  }

  /** Longest-prefix match over what was inserted so far. */
  lookup(ip: number): number {
    return lpmLookup(this.root, this.chunks, ip);
  }

  /** Freezes the builder into a trie (shares the arrays). */
  build(): StrideTrie {
    return new StrideTrie(this.root, this.chunks.subarray(0, this.chunkCount * CHUNK), this.size);
  }

  /** Returns the chunk below `table[i]`, creating it (filled with the entry's value) when absent. */
  private childOf(table: Int32Array, i: number, level: number): number {
    const e = table === this.root ? (this.root[i] as number) : (this.chunks[i] as number);
    if (e < 0) return -e - 1;
    const c = this.chunkCount++;
    if ((c + 1) * CHUNK > this.chunks.length) {
      const grown = new Int32Array(this.chunks.length * 2);
      grown.set(this.chunks);
      this.chunks = grown;
    }
    this.chunks.fill(e, c * CHUNK, (c + 1) * CHUNK);
    if (level === 0) this.root[i] = -(c + 1);
    else this.chunks[i] = -(c + 1);
    return c;
  }
}

/** A frozen 16-8-8 stride trie. */
export class StrideTrie {
  constructor(
    readonly root: Int32Array,
    readonly chunks: Int32Array,
    /** Number of prefixes inserted. */
    readonly size: number,
  ) {}

  /** The value of the longest prefix containing `ip`, or 0. */
  lookup(ip: number): number {
    return lpmLookup(this.root, this.chunks, ip);
  }

  /** Bytes held by the tables. */
  get bytes(): number {
    return this.root.byteLength + this.chunks.byteLength;
  }
}

/** The lookup kernel: at most three dependent reads. */
export function lpmLookup(root: Int32Array, chunks: Int32Array, ip: number): number {
  let e = root[ip >>> 16] as number;
  if (e >= 0) return e;
  e = chunks[((-e - 1) << 8) | ((ip >>> 8) & 255)] as number;
  if (e >= 0) return e;
  return chunks[((-e - 1) << 8) | (ip & 255)] as number;
}

/** Builds a trie from parallel arrays (any order); values must be > 0. */
export function buildStrideTrie(
  bases: ArrayLike<number>,
  lens: ArrayLike<number>,
  values: ArrayLike<number>,
  count = lens.length,
): StrideTrie {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  // Stable by length: equal prefixes keep input order, so the later one wins as documented.
  const sorted = Array.from(order).sort((x, y) => (lens[x] as number) - (lens[y] as number) || x - y);
  const b = new StrideTrieBuilder(Math.ceil(count / 4) + 16);
  for (const i of sorted) b.insert(bases[i] as number, lens[i] as number, values[i] as number);
  return b.build();
}
