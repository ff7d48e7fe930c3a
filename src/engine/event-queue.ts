// engine: the pending-event set — a binary min-heap over parallel typed arrays ordered by
// (time, sequence). Records are moved, never allocated; the queue grows by doubling.

/** Priority queue of events; `pop` loads the earliest into the public `time/seq/kind/a/b` fields. */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private as: Int32Array;
  private bs: Int32Array;
  private n = 0;
  private nextSeq = 0;

  /** Fields of the event most recently popped. */
  time = 0;
  seq = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.times = new Float64Array(c);
    this.seqs = new Float64Array(c);
    this.kinds = new Int32Array(c);
    this.as = new Int32Array(c);
    this.bs = new Int32Array(c);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest pending event (Infinity when empty). */
  peekTime(): number {
    return this.n > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Adds an event; events at equal times leave in insertion order. Returns its sequence number. */
  push(time: number, kind: number, a: number, b: number): number {
    if (this.n === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    let i = this.n++;
    // Sift the hole up, moving parents down, then drop the record into place.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p] as number;
      if (pt < time || (pt === time && (seqs[p] as number) < seq)) break;
      this.move(p, i);
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    this.kinds[i] = kind;
    this.as[i] = a;
    this.bs[i] = b;
    return seq;
  }

  /** Removes the earliest event into the public fields; false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    this.time = times[0] as number;
    this.seq = seqs[0] as number;
    this.kind = this.kinds[0] as number;
    this.a = this.as[0] as number;
    this.b = this.bs[0] as number;
    const last = --this.n;
    if (last === 0) return true;
    const t = times[last] as number;
    const s = seqs[last] as number;
    const k = this.kinds[last] as number;
    const a = this.as[last] as number;
    const b = this.bs[last] as number;
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last) {
        const ct = times[c] as number;
        const rt = times[r] as number;
        if (rt < ct || (rt === ct && (seqs[r] as number) < (seqs[c] as number))) c = r;
      }
      const ct = times[c] as number;
      if (t < ct || (t === ct && s < (seqs[c] as number))) break;
      this.move(c, i);
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    this.kinds[i] = k;
    this.as[i] = a;
    this.bs[i] = b;
    return true;
  }

  /** Drops every pending event (sequence numbers keep increasing). */
  clear(): void {
    this.n = 0;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.kinds[to] = this.kinds[from] as number;
    this.as[to] = this.as[from] as number;
    this.bs[to] = this.bs[from] as number;
  }

  private grow(): void {
    const c = this.times.length * 2;
    const t = new Float64Array(c);
    t.set(this.times);
    this.times = t;
    const s = new Float64Array(c);
    s.set(this.seqs);
    this.seqs = s;
    const k = new Int32Array(c);
    k.set(this.kinds);
    this.kinds = k;
    const a = new Int32Array(c);
    a.set(this.as);
    this.as = a;
    const b = new Int32Array(c);
    b.set(this.bs);
    this.bs = b;
  }
}
