// engine: the pending-event set — a 4-ary min-heap ordered by (time, sequence). The heap holds only
// the keys, (time, seq) interleaved in one Float64Array for locality, and a slot number; each event's
// kind and arguments stay in their slot. Slots are reused through a free list; capacity doubles.

/** Priority queue of events; `pop` loads the earliest into the public `time/seq/kind/a/b` fields. */
export class EventQueue {
  /** keys[2i] = time, keys[2i+1] = sequence of heap position i. */
  private keys: Float64Array;
  private slots: Int32Array;
  private kinds: Int32Array;
  private as: Int32Array;
  private bs: Int32Array;
  private free: Int32Array;
  private nFree: number;
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
    this.keys = new Float64Array(2 * c);
    this.slots = new Int32Array(c);
    this.kinds = new Int32Array(c);
    this.as = new Int32Array(c);
    this.bs = new Int32Array(c);
    this.free = new Int32Array(c);
    for (let i = 0; i < c; i++) this.free[i] = c - 1 - i;
    this.nFree = c;
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest pending event (Infinity when empty). */
  peekTime(): number {
    return this.n > 0 ? (this.keys[0] as number) : Infinity;
  }

  /** Adds an event; events at equal times leave in insertion order. Returns its sequence number. */
  push(time: number, kind: number, a: number, b: number): number {
    if (this.nFree === 0) this.grow();
    const slot = this.free[--this.nFree] as number;
    this.kinds[slot] = kind;
    this.as[slot] = a;
    this.bs[slot] = b;
    const seq = this.nextSeq++;
    const keys = this.keys;
    const slots = this.slots;
    let i = this.n++;
    // Sift the hole up (parent of i is (i-1)>>2), moving parents down, then drop the key in.
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = keys[2 * p] as number;
      if (pt < time || (pt === time && (keys[2 * p + 1] as number) < seq)) break;
      keys[2 * i] = pt;
      keys[2 * i + 1] = keys[2 * p + 1] as number;
      slots[i] = slots[p] as number;
      i = p;
    }
    keys[2 * i] = time;
    keys[2 * i + 1] = seq;
    slots[i] = slot;
    return seq;
  }

  /** Removes the earliest event into the public fields; false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const keys = this.keys;
    const slots = this.slots;
    const top = slots[0] as number;
    this.time = keys[0] as number;
    this.seq = keys[1] as number;
    this.kind = this.kinds[top] as number;
    this.a = this.as[top] as number;
    this.b = this.bs[top] as number;
    this.free[this.nFree++] = top;
    const last = --this.n;
    if (last === 0) return true;
    const t = keys[2 * last] as number;
    const s = keys[2 * last + 1] as number;
    const sl = slots[last] as number;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // Smallest of up to four children.
      let c = first;
      let ct = keys[2 * first] as number;
      let cs = keys[2 * first + 1] as number;
      const end = first + 4 < last ? first + 4 : last;
      for (let j = first + 1; j < end; j++) {
        const jt = keys[2 * j] as number;
        if (jt < ct || (jt === ct && (keys[2 * j + 1] as number) < cs)) {
          c = j;
          ct = jt;
          cs = keys[2 * j + 1] as number;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      keys[2 * i] = ct;
      keys[2 * i + 1] = cs;
      slots[i] = slots[c] as number;
      i = c;
    }
    keys[2 * i] = t;
    keys[2 * i + 1] = s;
    slots[i] = sl;
    return true;
  }

  /** Drops every pending event (sequence numbers keep increasing). */
  clear(): void {
    const c = this.slots.length;
    for (let i = 0; i < c; i++) this.free[i] = c - 1 - i;
    this.nFree = c;
    this.n = 0;
  }

  private grow(): void {
    const old = this.slots.length;
    const c = old * 2;
    const keys = new Float64Array(2 * c);
    keys.set(this.keys);
    this.keys = keys;
    const i32 = (src: Int32Array): Int32Array => {
      const d = new Int32Array(c);
      d.set(src);
      return d;
    };
    this.slots = i32(this.slots);
    this.kinds = i32(this.kinds);
    this.as = i32(this.as);
    this.bs = i32(this.bs);
    // Every old slot is in use (the free list was empty): the new ones are free.
    this.free = new Int32Array(c);
    for (let i = 0; i < c - old; i++) this.free[i] = c - 1 - i;
    this.nFree = c - old;
  }
}
