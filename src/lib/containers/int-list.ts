// lib: a growable list of int32 values in one typed array — the ends of a speaker or a profile,
// the timers of a connect batch — so that a million entries are no boxed elements for the GC to trace
// and copy while the lists grow.
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.reserve(2 * this.length + 4);
    this.data[this.length++] = v;
  }

  /** Makes room for n values. */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const d = new Int32Array(n);
    d.set(this.data.subarray(0, this.length));
    this.data = d;
  }

  /** The values, as a view valid until the next push. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** Removes every occurrence of v, keeping the others in order. */
  remove(v: number): void {
    const d = this.data;
    let o = 0;
    for (let i = 0; i < this.length; i++) {
      const x = d[i] as number;
      if (x !== v) d[o++] = x;
    }
    this.length = o;
  }
}
