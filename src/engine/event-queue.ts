// engine: the pending-event set — a ladder queue (Tang, Goh & Thng, ACM TOMACS 15(3), 2005), ordered by
// (time, sequence). An event is a 24-byte record (time, kind, a, b, next) that moves with the
// structure, so that pushing appends, sorting into buckets reads sequentially and popping reads the
// bottom in order: with a million events pending, no step chases pointers through a pool of records.
//   far    the events at or beyond the ladder's range, in push order;
//   rungs  levels of buckets, each level splitting one bucket of the level above. A bucket is a
//          contiguous segment filled when its rung was built (a stable counting sort, so in push order)
//          plus the events pushed into it later, appended to the rung's late array and chained per
//          bucket (newest first); a level's `cur` bucket is the one expanded below it;
//   bottom a sorted run of the earliest events, popped from its head.
// A bucket index floor((t - start) · scale) never decreases as t grows, so every event in a bucket after
// `cur` is later than every event below it and equal times always share a bucket; a bucket gathered as
// segment then late chain (reversed) is in sequence order, so sorting it stably by time gives exactly the
// (time, sequence) order. Push and pop are O(1) amortised, independent of how many events are pending.

/** Buckets of at most this many events go straight to the bottom by insertion sort. */
const SORT_MAX = 32;
/** A bottom grown past this by inserts is split into a new rung (when its times differ). */
const BOTTOM_MAX = 256;
/** Events per bucket a new rung aims at: a few per bucket amortise the step to the next bucket over
 *  them, and sorting eight is cheap (B5 runs 5-10% faster than with one per bucket, the hold model at
 *  10k-1M pending no slower). */
const BUCKET_FILL = 8;
/** Deepest ladder; a larger bucket at this depth is merge-sorted into the bottom. */
const MAX_DEPTH = 12;

// Record layout, 24 bytes: float64 word 3r (time); int32 words 6r+2..6r+5. Sequence numbers order ties
// but are not stored: every structure keeps equal times in push order.
const KIND = 2;
const ARG_A = 3;
const ARG_B = 4;
/** Late arrays: index of the previous late record of the same bucket (-1 none). */
const NEXT = 5;

/** Records as float64 (time) and int32 (kind, a, b, next) views of one buffer. */
class Records {
  f: Float64Array<ArrayBuffer>;
  w: Int32Array<ArrayBuffer>;
  constructor(capacity: number) {
    this.f = new Float64Array(3 * capacity);
    this.w = new Int32Array(this.f.buffer);
  }
  get capacity(): number {
    return this.f.length / 3;
  }
  /** Makes room for n records, keeping the first `keep`. */
  ensure(n: number, keep: number): void {
    if (3 * n <= this.f.length) return;
    const f = new Float64Array(3 * Math.max(n, (2 * this.f.length) / 3));
    if (keep > 0) f.set(this.f.subarray(0, 3 * keep));
    this.f = f;
    this.w = new Int32Array(f.buffer);
  }
}

/** Copies record i of (sf, sw) to record j of (df, dw); the int words go through the int view, so
 *  no value is ever read as a double that is not one. */
function copyRecord(sf: Float64Array, sw: Int32Array, i: number, df: Float64Array, dw: Int32Array, j: number): void {
  df[3 * j] = sf[3 * i] as number;
  dw[6 * j + KIND] = sw[6 * i + KIND] as number;
  dw[6 * j + ARG_A] = sw[6 * i + ARG_A] as number;
  dw[6 * j + ARG_B] = sw[6 * i + ARG_B] as number;
}

/** Writes event (time, kind, a, b) as record r of (f, w). */
function write(f: Float64Array, w: Int32Array, r: number, time: number, kind: number, a: number, b: number): void {
  f[3 * r] = time;
  w[6 * r + KIND] = kind;
  w[6 * r + ARG_A] = a;
  w[6 * r + ARG_B] = b;
}

/** Exchanges records i and j of (f, w). */
function swap(f: Float64Array, w: Int32Array, i: number, j: number): void {
  const t = f[3 * i] as number;
  const kind = w[6 * i + KIND] as number;
  const a = w[6 * i + ARG_A] as number;
  const b = w[6 * i + ARG_B] as number;
  copyRecord(f, w, j, f, w, i);
  write(f, w, j, t, kind, a, b);
}

/** Priority queue of events; `pop` loads the earliest into the public `time/kind/a/b` fields. */
export class EventQueue {
  private n = 0;
  private nextSeq = 0;
  private readonly far: Records;
  private farN = 0;
  private farMin = Infinity;
  private farMax = -Infinity;
  // Rungs 0..depth-1 (0 the coarsest).
  private depth = 0;
  private readonly rStart = new Float64Array(MAX_DEPTH);
  /** Buckets per unit of time (1 / bucket width). */
  private readonly rScale = new Float64Array(MAX_DEPTH);
  private readonly rNb = new Int32Array(MAX_DEPTH);
  private readonly rCur = new Int32Array(MAX_DEPTH);
  /** Per rung: its segments (bucket j at [off[j], off[j + 1])), late records and chain heads. */
  private readonly seg: Records[] = [];
  private readonly off: Int32Array<ArrayBuffer>[] = [];
  private readonly late: Records[] = [];
  private readonly lateN = new Int32Array(MAX_DEPTH);
  private readonly heads: Int32Array<ArrayBuffer>[] = [];
  // Bottom: records [botHead, botLen) sorted by (time, sequence).
  private bot: Records;
  private botHead = 0;
  private botLen = 0;
  /** A gathered bucket, and the merge sort's second buffer. */
  private scratch: Records;
  private aux = new Records(16);

  /** Fields of the event most recently popped (`time` a double from the start, as Simulation.now). */
  time = -0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 1024) {
    this.far = new Records(Math.max(16, capacity));
    this.bot = new Records(2 * BOTTOM_MAX);
    this.scratch = new Records(2 * BOTTOM_MAX);
    this.time = 0;
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Number of events pushed so far (the sequence number of the next push). */
  get pushed(): number {
    return this.nextSeq;
  }

  /** Time of the earliest pending event (Infinity when empty). */
  peekTime(): number {
    if (this.botHead === this.botLen && !this.refill()) return Infinity;
    return this.bot.f[3 * this.botHead] as number;
  }

  /** Adds an event at a finite time; equal times leave in insertion order. Returns its sequence number. */
  push(time: number, kind: number, a: number, b: number): number {
    if (!Number.isFinite(time)) throw new Error(`event time ${time} is not finite`);
    const seq = this.nextSeq++;
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
        const L = this.late[d] as Records;
        const r = this.lateN[d] as number;
        this.lateN[d] = r + 1;
        if (r === L.capacity) L.ensure(r + 1, r);
        const hd = this.heads[d] as Int32Array;
        write(L.f, L.w, r, time, kind, a, b);
        L.w[6 * r + NEXT] = hd[i] as number;
        hd[i] = r;
        return seq;
      }
      if (d === depth - 1) {
        this.insertBottom(time, kind, a, b);
        return seq;
      }
    }
    const r = this.farN++;
    const far = this.far;
    if (r === far.capacity) far.ensure(r + 1, r);
    write(far.f, far.w, r, time, kind, a, b);
    if (time < this.farMin) this.farMin = time;
    if (time > this.farMax) this.farMax = time;
    return seq;
  }

  /** Removes the earliest event into the public fields; false when empty. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /** Removes the earliest event into the public fields if it is due by `until`; false otherwise. */
  popUntil(until: number): boolean {
    if (this.botHead === this.botLen && !this.refill()) return false;
    const r = this.botHead;
    const f = this.bot.f;
    const t = f[3 * r] as number;
    if (t > until) return false;
    const w = this.bot.w;
    this.botHead = r + 1;
    this.time = t;
    this.kind = w[6 * r + KIND] as number;
    this.a = w[6 * r + ARG_A] as number;
    this.b = w[6 * r + ARG_B] as number;
    this.n--;
    return true;
  }

  /** Inserts after every bottom event of the same or an earlier time (the new event is the latest pushed). */
  private insertBottom(time: number, kind: number, a: number, b: number): void {
    const bot = this.bot;
    let lo = this.botHead;
    let hi = this.botLen;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((bot.f[3 * mid] as number) <= time) lo = mid + 1;
      else hi = mid;
    }
    if (this.botLen === bot.capacity) {
      const live = this.botLen - this.botHead;
      if (live * 2 > bot.capacity) bot.ensure(2 * bot.capacity, this.botLen);
      else {
        bot.f.copyWithin(0, 3 * this.botHead, 3 * this.botLen);
        lo -= this.botHead;
        this.botLen = live;
        this.botHead = 0;
      }
    }
    const f = bot.f;
    f.copyWithin(3 * (lo + 1), 3 * lo, 3 * this.botLen);
    write(f, bot.w, lo, time, kind, a, b);
    this.botLen++;
    const live = this.botLen - this.botHead;
    if (live > BOTTOM_MAX && this.depth < MAX_DEPTH) {
      const first = f[3 * this.botHead] as number;
      const last = f[3 * (this.botLen - 1)] as number;
      if (first < last) {
        // Too many events landed in the current bucket: spread them over a new, deeper rung.
        const h = this.botHead;
        this.botHead = this.botLen = 0;
        this.spawn(bot, h, live, first, last, false);
      }
    }
  }

  /** Fills the empty bottom from the ladder (building it from the far list when needed). */
  private refill(): boolean {
    for (;;) {
      if (this.depth === 0) {
        const k = this.farN;
        if (k === 0) return false;
        const min = this.farMin;
        const max = this.farMax;
        this.farN = 0;
        this.farMin = Infinity;
        this.farMax = -Infinity;
        this.spawn(this.far, 0, k, min, max, true);
        continue;
      }
      const d = this.depth - 1;
      const off = this.off[d] as Int32Array;
      const hd = this.heads[d] as Int32Array;
      const nb = this.rNb[d] as number;
      let j = (this.rCur[d] as number) + 1;
      while (j < nb && off[j] === off[j + 1] && hd[j] === -1) j++;
      if (j === nb) {
        this.depth--;
        continue;
      }
      this.rCur[d] = j;
      const k = this.gather(d, j);
      hd[j] = -1;
      const sf = this.scratch.f;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < k; i++) {
        const t = sf[3 * i] as number;
        if (t < min) min = t;
        if (t > max) max = t;
      }
      if (k > SORT_MAX && min < max && this.depth < MAX_DEPTH) {
        this.spawn(this.scratch, 0, k, min, max, false);
        continue;
      }
      // The bottom: the bucket's records (in sequence order), stably sorted by time.
      const g = this.scratch;
      this.scratch = this.bot;
      this.bot = g;
      if (min < max) {
        if (k <= SORT_MAX) this.insertionSort(k);
        else this.mergeSort(k);
      }
      this.botHead = 0;
      this.botLen = k;
      return true;
    }
  }

  /** Copies bucket j of rung d into scratch in sequence order: its segment, then its late chain
   *  reversed. Returns the count. */
  private gather(d: number, j: number): number {
    const off = this.off[d] as Int32Array;
    const s0 = off[j] as number;
    const n0 = (off[j + 1] as number) - s0;
    const S = this.scratch;
    if (n0 + 1 > S.capacity) S.ensure(2 * n0 + 1, 0);
    let sf = S.f;
    let sw = S.w;
    const G = this.seg[d] as Records;
    const gf = G.f;
    const gw = G.w;
    for (let i = 0; i < n0; i++) copyRecord(gf, gw, s0 + i, sf, sw, i);
    let k = n0;
    const L = this.late[d] as Records;
    const lf = L.f;
    const lw = L.w;
    for (let r = (this.heads[d] as Int32Array)[j] as number; r >= 0; r = lw[6 * r + NEXT] as number) {
      if (k === S.capacity) {
        S.ensure(k + 1, k);
        sf = S.f;
        sw = S.w;
      }
      copyRecord(lf, lw, r, sf, sw, k++);
    }
    // The chain ran newest first: reverse it into sequence order.
    for (let i = n0, m = k - 1; i < m; i++, m--) swap(sf, sw, i, m);
    return k;
  }

  /**
   * Adds a rung below the others holding the k records of src from `first` on (in sequence order) over
   * [min, max], distributed by a stable counting sort. Rung 0 must map every later event at or beyond its
   * range to the far list, so its scale keeps max's index inside (a rounded-up quotient would otherwise
   * send an event earlier than max to the far list); deeper rungs clamp indices to their range instead
   * (all they receive belongs to their parent's bucket).
   */
  private spawn(src: Records, first: number, k: number, min: number, max: number, top: boolean): void {
    const d = this.depth++;
    const nb = min < max ? Math.ceil(k / BUCKET_FILL) : 1;
    let scale = min < max ? nb / (max - min) : 1;
    // A range too narrow to divide (only the far list can have one): a single bucket takes everything.
    if (!(scale < Infinity)) scale = 0;
    if (top) while (Math.floor((max - min) * scale) >= nb) scale *= 1 - 2 ** -40;
    this.rStart[d] = min;
    this.rScale[d] = scale;
    this.rNb[d] = nb;
    this.rCur[d] = -1;
    let off = this.off[d];
    if (off === undefined || off.length < nb + 1) off = this.off[d] = new Int32Array(Math.max(nb + 1, 2 * (off?.length ?? 0)));
    let hd = this.heads[d];
    if (hd === undefined || hd.length < nb) hd = this.heads[d] = new Int32Array(Math.max(nb, 2 * (hd?.length ?? 0)));
    const G = (this.seg[d] ??= new Records(16));
    G.ensure(k, 0);
    this.late[d] ??= new Records(16);
    this.lateN[d] = 0;
    off.fill(0, 0, nb + 1);
    hd.fill(-1, 0, nb);
    const sf = src.f;
    const sw = src.w;
    const end = first + k;
    for (let i = first; i < end; i++) {
      let b = Math.floor(((sf[3 * i] as number) - min) * scale);
      if (b >= nb) b = nb - 1;
      off[b + 1]++;
    }
    for (let b = 1; b <= nb; b++) off[b] = (off[b] as number) + (off[b - 1] as number);
    const gf = G.f;
    const gw = G.w;
    for (let i = first; i < end; i++) {
      let b = Math.floor(((sf[3 * i] as number) - min) * scale);
      if (b >= nb) b = nb - 1;
      const p = off[b] as number;
      off[b] = p + 1;
      copyRecord(sf, sw, i, gf, gw, p);
    }
    // Each start moved to the next bucket's start: shift them back.
    for (let b = nb - 1; b > 0; b--) off[b] = off[b - 1] as number;
    off[0] = 0;
  }

  /** Stable insertion sort of the bottom's first k records by time. */
  private insertionSort(k: number): void {
    const f = this.bot.f;
    const w = this.bot.w;
    for (let i = 1; i < k; i++) {
      const t = f[3 * i] as number;
      let p = i - 1;
      if ((f[3 * p] as number) <= t) continue;
      const kind = w[6 * i + KIND] as number;
      const a = w[6 * i + ARG_A] as number;
      const b = w[6 * i + ARG_B] as number;
      do {
        copyRecord(f, w, p, f, w, p + 1);
        p--;
      } while (p >= 0 && (f[3 * p] as number) > t);
      write(f, w, p + 1, t, kind, a, b);
    }
  }

  /** Stable bottom-up merge sort of the bottom's first k records by time. */
  private mergeSort(k: number): void {
    this.aux.ensure(k, 0);
    let src = this.bot;
    let dst = this.aux;
    for (let width = 1; width < k; width *= 2) {
      const sf = src.f;
      const sw = src.w;
      const df = dst.f;
      const dw = dst.w;
      for (let lo = 0; lo < k; lo += 2 * width) {
        const mid = Math.min(lo + width, k);
        const hi = Math.min(lo + 2 * width, k);
        let i = lo;
        let j = mid;
        let o = lo;
        while (i < mid && j < hi) {
          if ((sf[3 * j] as number) < (sf[3 * i] as number)) copyRecord(sf, sw, j++, df, dw, o++);
          else copyRecord(sf, sw, i++, df, dw, o++);
        }
        while (i < mid) copyRecord(sf, sw, i++, df, dw, o++);
        while (j < hi) copyRecord(sf, sw, j++, df, dw, o++);
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
}
