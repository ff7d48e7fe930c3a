// model: the IPAM blocks in typed arrays — per block its base, pool, affine node, claim time and a FIFO of
// free ordinals (address order when created, released ordinals appended at the end as v3.30
// ipam_block.go does); per address an allocation bit, the handle and the node that asked for it.

const FREE = -1;

/** Storage of every live IPAM block; slots of deleted blocks are reused by the same pool. */
export class BlockStore {
  /** Slots handed out so far (live or dead). */
  count = 0;
  base = new Int32Array(16);
  /** Pool index, -1 for a dead slot. */
  pool = new Int32Array(16);
  /** Affine node index. */
  node = new Int32Array(16);
  size = new Int32Array(16);
  used = new Int32Array(16);
  /** Position of the first free ordinal in the block's ring of `size` entries. */
  head = new Int32Array(16);
  addrOffset = new Int32Array(16);
  wordOffset = new Int32Array(16);
  claimTime = new Float64Array(16);
  /** Affinity list sort key (see affinityOrderKey). */
  readonly key: string[] = [];
  handle = new Int32Array(64);
  requester = new Int32Array(64);
  fifo = new Int32Array(64);
  bits = new Int32Array(16);
  private addrs = 0;
  private words = 0;
  private readonly freeSlots: number[][] = [];

  /** A new empty block, affine to `node`, with its free ordinals queued in address order. */
  create(pool: number, base: number, size: number, node: number, now: number, key: string): number {
    const slots = this.freeSlots[pool];
    let id = slots !== undefined && slots.length > 0 ? (slots.pop() as number) : -1;
    if (id < 0) {
      id = this.count++;
      this.growSlots(this.count);
      this.addrOffset[id] = this.addrs;
      this.wordOffset[id] = this.words;
      this.addrs += size;
      this.words += (size + 31) >>> 5;
      this.growAddrs(this.addrs, this.words);
    }
    this.base[id] = base | 0;
    this.pool[id] = pool;
    this.node[id] = node;
    this.size[id] = size;
    this.used[id] = 0;
    this.head[id] = 0;
    this.claimTime[id] = now;
    this.key[id] = key;
    const off = this.addrOffset[id] as number;
    for (let k = 0; k < size; k++) this.fifo[off + k] = k;
    this.handle.fill(FREE, off, off + size);
    this.requester.fill(FREE, off, off + size);
    this.bits.fill(0, this.wordOffset[id] as number, (this.wordOffset[id] as number) + ((size + 31) >>> 5));
    return id;
  }

  /** Deletes a block; its slot goes back to its pool. */
  remove(id: number): void {
    const pool = this.pool[id] as number;
    (this.freeSlots[pool] ??= []).push(id);
    this.pool[id] = -1;
    this.node[id] = -1;
  }

  /** Allocates the ordinal at the head of the free queue; the block must have a free address. */
  take(id: number, handle: number, requester: number): number {
    const size = this.size[id] as number;
    const off = this.addrOffset[id] as number;
    const head = this.head[id] as number;
    const ord = this.fifo[off + head] as number;
    this.head[id] = head + 1 === size ? 0 : head + 1;
    this.used[id] = (this.used[id] as number) + 1;
    const w = (this.wordOffset[id] as number) + (ord >>> 5);
    this.bits[w] = (this.bits[w] as number) | (1 << (ord & 31));
    this.handle[off + ord] = handle;
    this.requester[off + ord] = requester;
    return ord;
  }

  /** Frees an ordinal, appending it to the end of the free queue; false when it was not allocated. */
  release(id: number, ord: number): boolean {
    if (!this.isAllocated(id, ord)) return false;
    const size = this.size[id] as number;
    const off = this.addrOffset[id] as number;
    const used = this.used[id] as number;
    let tail = (this.head[id] as number) + (size - used);
    if (tail >= size) tail -= size;
    this.fifo[off + tail] = ord;
    this.used[id] = used - 1;
    const w = (this.wordOffset[id] as number) + (ord >>> 5);
    this.bits[w] = (this.bits[w] as number) & ~(1 << (ord & 31));
    this.handle[off + ord] = FREE;
    this.requester[off + ord] = FREE;
    return true;
  }

  isAllocated(id: number, ord: number): boolean {
    return (((this.bits[(this.wordOffset[id] as number) + (ord >>> 5)] as number) >>> (ord & 31)) & 1) === 1;
  }

  private growSlots(n: number): void {
    if (n <= this.base.length) return;
    const cap = this.base.length * 2;
    this.base = grow(this.base, cap);
    this.pool = grow(this.pool, cap);
    this.node = grow(this.node, cap);
    this.size = grow(this.size, cap);
    this.used = grow(this.used, cap);
    this.head = grow(this.head, cap);
    this.addrOffset = grow(this.addrOffset, cap);
    this.wordOffset = grow(this.wordOffset, cap);
    const t = new Float64Array(cap);
    t.set(this.claimTime);
    this.claimTime = t;
  }

  private growAddrs(addrs: number, words: number): void {
    if (addrs > this.handle.length) {
      let cap = this.handle.length * 2;
      while (cap < addrs) cap *= 2;
      this.handle = grow(this.handle, cap);
      this.requester = grow(this.requester, cap);
      this.fifo = grow(this.fifo, cap);
    }
    if (words > this.bits.length) {
      let cap = this.bits.length * 2;
      while (cap < words) cap *= 2;
      this.bits = grow(this.bits, cap);
    }
  }
}

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
