// lib: one Int32Array holding every bitset over identity classes (rule peer sets, selector IP sets,
// policy targets), as fixed-width slots addressed by word offset; splitting a class copies its column.

/** Hot data holder: slots of `words` words each; a slot is named by its offset into `data`. */
export class BitPool {
  data: Int32Array;
  private top = 0;
  private readonly freed: number[] = [];

  constructor(
    /** Words per slot (capacity in classes / 32). */
    readonly words: number,
    initialSlots = 64,
  ) {
    this.data = new Int32Array(Math.max(1, initialSlots) * words);
  }

  /** A zeroed slot. */
  alloc(): number {
    const off = this.freed.pop();
    if (off !== undefined) {
      this.data.fill(0, off, off + this.words);
      return off;
    }
    if (this.top + this.words > this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, this.top + this.words));
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.top;
    this.top += this.words;
    return at;
  }

  free(off: number): void {
    this.freed.push(off);
  }

  /** The slot as a view (invalidated when the pool grows: do not keep it across alloc). */
  view(off: number): Int32Array {
    return this.data.subarray(off, off + this.words);
  }

  /** For every slot ever allocated: bit `to` = bit `from` (class `to` was split off class `from`). */
  copyColumn(from: number, to: number): void {
    copyColumnIn(this.data, this.top, this.words, from, to);
  }

}

/** In every `stride`-word row of data[0..end): bit `to` = bit `from`. */
function copyColumnIn(data: Int32Array, end: number, stride: number, from: number, to: number): void {
  const fw = from >>> 5;
  const fb = from & 31;
  const tw = to >>> 5;
  const tm = 1 << (to & 31);
  for (let base = 0; base < end; base += stride) {
    if (((data[base + fw] >>> fb) & 1) !== 0) data[base + tw] |= tm;
    else data[base + tw] &= ~tm;
  }
}
