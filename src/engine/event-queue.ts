// engine: the pending-event set — a ladder queue (Tang, Goh & Thng, ACM TOMACS 15(3), 2005), ordered by
// (time, sequence). Each event is a 32-byte slot record (time, seq, kind, a, b, next) in one buffer, so
// touching an event costs one cache line; the structure holds slot numbers only:
//   far    an unsorted list of events at or beyond the ladder's range;
//   rungs  levels of buckets, each level splitting one bucket of the level above, every bucket an
//          unsorted list; a level's `cur` bucket is the one expanded below it;
//   bottom a sorted run of the earliest events, popped from its head.
// Lists are pushed at their head, so they hold events newest first; taking a list reverses it into
// sequence order. A bucket index floor((t - start) · scale) never decreases as t grows, so every event in
// a bucket after `cur` is later than every event below it and equal times always share a bucket: sorting
// buckets stably by time gives exactly the (time, sequence) order. Push and pop are O(1) amortised,
// independent of how many events are pending.

/** Buckets of at most this many events go straight to the bottom by insertion sort. */
const SORT_MAX = 32;
/** A bottom grown past this by inserts is split into a new rung (when its times differ). */
const BOTTOM_MAX = 256;
/** Deepest ladder; a larger bucket at this depth is merge-sorted into the bottom. */
const MAX_DEPTH = 12;

// Slot record layout: float64 words 4s (time) and 4s+1 (seq); int32 words 8s+4..8s+7.
const KIND = 4;
const ARG_A = 5;
const ARG_B = 6;
const NEXT = 7;

/** Priority queue of events; `pop` loads the earliest into the public `time/seq/kind/a/b` fields. */
export class EventQueue {
  /** Slot records as float64 (time, seq) and int32 (kind, a, b, next) views of one buffer. */
  private f: Float64Array;
  private w: Int32Array;
  private free: Int32Array;
  private nFree: number;
  private n = 0;
  private nextSeq = 0;
  // Far list.
  private farHead = -1;
  private farCount = 0;
  // Rungs 0..depth-1 (0 the coarsest).
  private depth = 0;
  private readonly rStart = new Float64Array(MAX_DEPTH);
  /** Buckets per unit of time (1 / bucket width). */
  private readonly rScale = new Float64Array(MAX_DEPTH);
  private readonly rNb = new Int32Array(MAX_DEPTH);
  private readonly rCur = new Int32Array(MAX_DEPTH);
  private readonly heads: Int32Array[] = [];
  // Bottom: slots bot[botHead..botLen) sorted by (time, seq).
  private bot = new Int32Array(2 * BOTTOM_MAX);
  private botHead = 0;
  private botLen = 0;
  private scratch: Int32Array = new Int32Array(64);
  private aux = new Int32Array(64);
  /** Earliest and latest time of the last list taken. */
  private gMin = 0;
  private gMax = 0;

  /** Fields of the event most recently popped. */
  time = 0;
  seq = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.f = new Float64Array(4 * c);
    this.w = new Int32Array(this.f.buffer);
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
    if (this.botHead === this.botLen && !this.refill()) return Infinity;
    return this.f[4 * (this.bot[this.botHead] as number)] as number;
  }

  /** Adds an event at a finite time; equal times leave in insertion order. Returns its sequence number. */
  push(time: number, kind: number, a: number, b: number): number {
    if (!Number.isFinite(time)) throw new Error(`event time ${time} is not finite`);
    if (this.nFree === 0) this.grow();
    const slot = this.free[--this.nFree] as number;
    const seq = this.nextSeq++;
    const w = this.w;
    this.f[4 * slot] = time;
    this.f[4 * slot + 1] = seq;
    w[8 * slot + KIND] = kind;
    w[8 * slot + ARG_A] = a;
    w[8 * slot + ARG_B] = b;
    this.n++;
    const depth = this.depth;
    for (let d = 0; d < depth; d++) {
      const nb = this.rNb[d] as number;
      let i = Math.floor((time - (this.rStart[d] as number)) * (this.rScale[d] as number));
      if (i >= nb) {
        if (d === 0) break;
        i = nb - 1;
      } else if (i < 0) i = 0;
      if (i > (this.rCur[d] as number)) {
        const hd = this.heads[d] as Int32Array;
        w[8 * slot + NEXT] = hd[i] as number;
        hd[i] = slot;
        return seq;
      }
      if (d === depth - 1) {
        this.insertBottom(slot, time);
        return seq;
      }
    }
    w[8 * slot + NEXT] = this.farHead;
    this.farHead = slot;
    this.farCount++;
    return seq;
  }

  /** Removes the earliest event into the public fields; false when empty. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /** Removes the earliest event into the public fields if it is due by `until`; false otherwise. */
  popUntil(until: number): boolean {
    if (this.botHead === this.botLen && !this.refill()) return false;
    const slot = this.bot[this.botHead] as number;
    if ((this.f[4 * slot] as number) > until) return false;
    this.botHead++;
    const w = this.w;
    this.time = this.f[4 * slot] as number;
    this.seq = this.f[4 * slot + 1] as number;
    this.kind = w[8 * slot + KIND] as number;
    this.a = w[8 * slot + ARG_A] as number;
    this.b = w[8 * slot + ARG_B] as number;
    this.free[this.nFree++] = slot;
    this.n--;
    return true;
  }

  /** Inserts after every bottom event of the same or an earlier time (the new event has the largest seq). */
  private insertBottom(slot: number, time: number): void {
    const f = this.f;
    let lo = this.botHead;
    let hi = this.botLen;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((f[4 * (this.bot[mid] as number)] as number) <= time) lo = mid + 1;
      else hi = mid;
    }
    if (this.botLen === this.bot.length) {
      const live = this.botLen - this.botHead;
      const to = live * 2 <= this.bot.length ? this.bot : new Int32Array(this.bot.length * 2);
      to.set(this.bot.subarray(this.botHead, this.botLen));
      this.bot = to;
      lo -= this.botHead;
      this.botLen = live;
      this.botHead = 0;
    }
    this.bot.copyWithin(lo + 1, lo, this.botLen);
    this.bot[lo] = slot;
    this.botLen++;
    const live = this.botLen - this.botHead;
    if (live > BOTTOM_MAX && this.depth < MAX_DEPTH) {
      const first = f[4 * (this.bot[this.botHead] as number)] as number;
      const last = f[4 * (this.bot[this.botLen - 1] as number)] as number;
      if (first < last) {
        // Too many events landed in the current bucket: spread them over a new, deeper rung.
        this.ensureScratch(live);
        this.scratch.set(this.bot.subarray(this.botHead, this.botLen));
        this.botHead = this.botLen = 0;
        this.spawn(live, first, last, false);
      }
    }
  }

  /** Fills the empty bottom from the ladder (building it from the far list when needed). */
  private refill(): boolean {
    const f = this.f;
    for (;;) {
      if (this.depth === 0) {
        if (this.farCount === 0) return false;
        const k = this.take(this.farHead, this.farCount);
        this.farHead = -1;
        this.farCount = 0;
        this.spawn(k, this.gMin, this.gMax, true);
        continue;
      }
      const d = this.depth - 1;
      const hd = this.heads[d] as Int32Array;
      const nb = this.rNb[d] as number;
      let j = (this.rCur[d] as number) + 1;
      while (j < nb && hd[j] === -1) j++;
      if (j === nb) {
        this.depth--;
        continue;
      }
      this.rCur[d] = j;
      const k = this.take(hd[j] as number, 0);
      hd[j] = -1;
      const min = this.gMin;
      const max = this.gMax;
      if (k > SORT_MAX && min < max && this.depth < MAX_DEPTH && k / (max - min) < Infinity) {
        this.spawn(k, min, max, false);
        continue;
      }
      // The bottom: the bucket's slots, stably sorted by time (they are in sequence order).
      if (this.bot.length < k) this.bot = new Int32Array(2 * k);
      const bot = this.bot;
      const scratch = this.scratch;
      for (let i = 0; i < k; i++) bot[i] = scratch[i] as number;
      if (min < max) {
        if (k <= SORT_MAX) {
          for (let i = 1; i < k; i++) {
            const s = bot[i] as number;
            const t = f[4 * s] as number;
            let p = i - 1;
            while (p >= 0 && (f[4 * (bot[p] as number)] as number) > t) {
              bot[p + 1] = bot[p] as number;
              p--;
            }
            bot[p + 1] = s;
          }
        } else this.mergeSort(k);
      }
      this.botHead = 0;
      this.botLen = k;
      return true;
    }
  }

  /** Copies a list (newest first) into scratch in sequence order; sets gMin/gMax; returns its length.
   *  `count` is a capacity hint. */
  private take(head: number, count: number): number {
    this.ensureScratch(count);
    const f = this.f;
    const w = this.w;
    let scratch = this.scratch;
    let min = Infinity;
    let max = -Infinity;
    let k = 0;
    for (let s = head; s >= 0; s = w[8 * s + NEXT] as number) {
      if (k === scratch.length) scratch = this.ensureScratch(2 * k);
      scratch[k++] = s;
      const t = f[4 * s] as number;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    for (let i = 0, j = k - 1; i < j; i++, j--) {
      const x = scratch[i] as number;
      scratch[i] = scratch[j] as number;
      scratch[j] = x;
    }
    this.gMin = min;
    this.gMax = max;
    return k;
  }

  /**
   * Adds a rung below the others holding scratch[0..k) (in sequence order) over [min, max]. Rung 0 must
   * map every later event at or beyond its range to the far list, so its scale keeps max's index inside
   * (a rounded-up quotient would otherwise send an event earlier than max to the far list); deeper rungs
   * clamp indices to their range instead (all they receive belongs to their parent's bucket).
   */
  private spawn(k: number, min: number, max: number, top: boolean): void {
    const d = this.depth++;
    const nb = min < max ? k : 1;
    let scale = min < max ? nb / (max - min) : 1;
    // A range too narrow to divide (only the far list can have one): a single bucket takes everything.
    if (!(scale < Infinity)) scale = 0;
    if (top) while (Math.floor((max - min) * scale) >= nb) scale *= 1 - 2 ** -40;
    this.rStart[d] = min;
    this.rScale[d] = scale;
    this.rNb[d] = nb;
    this.rCur[d] = -1;
    let hd = this.heads[d];
    if (hd === undefined || hd.length < nb) {
      hd = new Int32Array(Math.max(nb, 2 * (hd?.length ?? 0)));
      this.heads[d] = hd;
    }
    hd.fill(-1, 0, nb);
    const f = this.f;
    const w = this.w;
    const scratch = this.scratch;
    for (let i = 0; i < k; i++) {
      const s = scratch[i] as number;
      let b = Math.floor(((f[4 * s] as number) - min) * scale);
      if (b >= nb) b = nb - 1;
      w[8 * s + NEXT] = hd[b] as number;
      hd[b] = s;
    }
  }

  /** Stable bottom-up merge sort of bot[0..k) by time. */
  private mergeSort(k: number): void {
    if (this.aux.length < k) this.aux = new Int32Array(2 * k);
    const f = this.f;
    let src = this.bot;
    let dst = this.aux;
    for (let width = 1; width < k; width *= 2) {
      for (let lo = 0; lo < k; lo += 2 * width) {
        const mid = Math.min(lo + width, k);
        const hi = Math.min(lo + 2 * width, k);
        let i = lo;
        let j = mid;
        let o = lo;
        while (i < mid && j < hi) dst[o++] = (f[4 * (src[j] as number)] as number) < (f[4 * (src[i] as number)] as number) ? (src[j++] as number) : (src[i++] as number);
        while (i < mid) dst[o++] = src[i++] as number;
        while (j < hi) dst[o++] = src[j++] as number;
      }
      const t = src;
      src = dst;
      dst = t;
    }
    if (src !== this.bot) {
      this.aux = this.bot;
      this.bot = src;
    }
  }

  private ensureScratch(k: number): Int32Array {
    if (this.scratch.length < k) {
      const s = new Int32Array(Math.max(k, 2 * this.scratch.length));
      s.set(this.scratch);
      this.scratch = s;
    }
    return this.scratch;
  }

  private grow(): void {
    const old = this.free.length;
    const c = old * 2;
    const f = new Float64Array(4 * c);
    f.set(this.f);
    this.f = f;
    this.w = new Int32Array(f.buffer);
    // Every old slot is in use (the free list was empty): the new ones are free.
    this.free = new Int32Array(c);
    for (let i = 0; i < c - old; i++) this.free[i] = c - 1 - i;
    this.nFree = c - old;
  }
}
