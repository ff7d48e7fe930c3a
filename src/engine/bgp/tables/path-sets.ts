// engine/bgp: hash-consed path sets — the candidate paths one node holds for one prefix class, as an
// immutable sorted list of interned elements (path slot, attributes, flags) with a canonical integer id.
// Nodes holding the same paths share one id (the shared RIB: 5,000 nodes × 5,000 classes is one int
// each), transitions are memoised, and the decision result is computed once per distinct set.
import { grow } from '../../../lib/containers/growable.js';
import { ABSENT, IntPairMap } from '../../../lib/containers/int-pair-map.js';

/** Element flags. */
export const F_STALE = 1;
export const F_INTERNAL = 2;
export const F_UNRESOLVABLE = 4;
/** Local static route (block blackhole, service CIDR, an external peer's own announcement): pref 200. */
export const F_STATIC = 8;
/** Local kernel route learned by BIRD (a borrowed pod /32): pref 10. */
export const F_KERNEL = 16;
export const F_LOCAL = F_STATIC | F_KERNEL;
/** The next hop is outside the receiving node's subnet: reached through a gateway, IGP metric unknown. */
export const F_FAR = 32;
/** BIRD's current best of a cell where arrival order decides (bird-order.ts); decides over the set. */
export const F_HEAD = 64;
/** Flags fit below this (element keys are attr · FLAG_SPAN + flags). */
const FLAG_SPAN = 128;
/** Path id of a locally originated route. */
export const LOCAL_PID = -1;

const OP_UPSERT = 0;
const OP_REMOVE = 1;
/** Transitions by sender speaker (for `bySpeaker`). */
export const OP_REMOVE_FROM = 2;
export const OP_MARK_STALE = 3;
export const OP_PURGE_STALE = 4;
const OP_CLEAR_STALE = 5;
const OP_HEAD = 6;

/** Slots, elements and sets, with memoised transitions. Set 0 is the empty set. */
/** Sets of at most this many elements are checked for a speaker's paths before the memo is asked. */
const SMALL_SET = 4;

export class PathSets {
  slotFrom = new Int32Array(256);
  slotPid = new Int32Array(256);
  slotCount = 0;
  private readonly slotIds = new IntPairMap(256);
  elemSlot = new Int32Array(256);
  elemAttr = new Int32Array(256);
  elemFlags = new Int32Array(256);
  elemCount = 0;
  private readonly elemIds = new IntPairMap(256);
  off = new Int32Array(256);
  len = new Int32Array(256);
  setCount = 1;
  pool = new Int32Array(1024);
  poolUsed = 0;
  /** Decision caches, filled by set-decision.ts: best element (-1 none, -2 unknown), next-hop group
   *  (-1 unknown) and the set with stale flags cleared (-1 unknown). */
  best = new Int32Array(256).fill(-2);
  nh = new Int32Array(256).fill(-1);
  unstale = new Int32Array(256).fill(-1);
  /** 1 when the set holds a local or EBGP-learned element (exportable to IBGP peers), -1 unknown. */
  open = new Int8Array(256).fill(-1);
  private table = new Int32Array(1024).fill(-1);
  private readonly trans = new IntPairMap(1024);
  private tmp = new Int32Array(64);

  /** The slot of (sender speaker, path id), created when new. */
  slot(from: number, pid: number): number {
    const k = this.slotIds.get(from, pid);
    if (k !== ABSENT) return k;
    const id = this.slotCount++;
    this.slotFrom = grow(this.slotFrom, id + 1);
    this.slotPid = grow(this.slotPid, id + 1);
    this.slotFrom[id] = from;
    this.slotPid[id] = pid;
    this.slotIds.set(from, pid, id);
    return id;
  }

  /** The slot of (sender, path id), or -1 when it never existed. */
  findSlot(from: number, pid: number): number {
    const k = this.slotIds.get(from, pid);
    return k === ABSENT ? -1 : k;
  }

  /** The element (slot, attributes, flags), created when new. */
  elem(slot: number, attr: number, flags: number): number {
    const key = attr * FLAG_SPAN + flags;
    const e = this.elemIds.get(slot, key);
    if (e !== ABSENT) return e;
    const id = this.elemCount++;
    this.elemSlot = grow(this.elemSlot, id + 1);
    this.elemAttr = grow(this.elemAttr, id + 1);
    this.elemFlags = grow(this.elemFlags, id + 1);
    this.elemSlot[id] = slot;
    this.elemAttr[id] = attr;
    this.elemFlags[id] = flags;
    this.elemIds.set(slot, key, id);
    return id;
  }

  /** Sender speaker of an element. */
  fromOf(e: number): number {
    return this.slotFrom[this.elemSlot[e] as number] as number;
  }

  /** `set` with element `e` added, replacing any element of the same slot. */
  upsert(set: number, e: number): number {
    return this.transition(set, e, OP_UPSERT);
  }

  /** `set` without the element of `slot`. */
  remove(set: number, slot: number): number {
    return this.transition(set, slot, OP_REMOVE);
  }

  /** `set` without anything received from speaker `spk`. */
  removeFrom(set: number, spk: number): number {
    return this.bySpeaker(set, OP_REMOVE_FROM, spk);
  }

  /** `set` with every element from `spk` flagged stale (graceful restart began). */
  markStale(set: number, spk: number): number {
    return this.bySpeaker(set, OP_MARK_STALE, spk);
  }

  /** `set` without the stale elements from `spk` (End-of-RIB or consecutive restart). */
  purgeStale(set: number, spk: number): number {
    return this.bySpeaker(set, OP_PURGE_STALE, spk);
  }

  /** One of the by-speaker transitions (OP_REMOVE_FROM, OP_MARK_STALE, OP_PURGE_STALE). A small set with
   *  nothing from `spk` is itself (what the memoised transition would give, as sets are interned by
   *  content): a flush of one peer reads each of the speaker's cells, which hold that peer's path in one
   *  of a mesh's dozens, and a memo entry per (cell, peer) would cost more than the look. */
  bySpeaker(set: number, op: number, spk: number): number {
    const n = this.len[set] as number;
    if (n <= SMALL_SET) {
      const o = this.off[set] as number;
      let from = false;
      for (let i = 0; i < n && !from; i++) from = this.slotFrom[this.elemSlot[this.pool[o + i] as number] as number] === spk;
      if (!from) return set;
    }
    return this.transition(set, spk, op);
  }

  /** `set` with all stale flags cleared (the routes as forwarding sees them). */
  clearStale(set: number): number {
    return this.transition(set, 0, OP_CLEAR_STALE);
  }

  /** `set` with F_HEAD on the element of `slot` only (none when no element has that slot, e.g. -1). */
  withHead(set: number, slot: number): number {
    return this.transition(set, slot + 1, OP_HEAD);
  }

  private transition(set: number, x: number, op: number): number {
    if (set === 0 && op !== OP_UPSERT) return 0;
    const code = x * 8 + op;
    const m = this.trans.get(set, code);
    if (m !== ABSENT) return m;
    const r = this.compute(set, x, op);
    this.trans.set(set, code, r);
    return r;
  }

  private compute(set: number, x: number, op: number): number {
    const o = this.off[set] as number;
    const n = this.len[set] as number;
    if (this.tmp.length < n + 1) this.tmp = new Int32Array((n + 1) * 2);
    const tmp = this.tmp;
    const pool = this.pool;
    let k = 0;
    if (op === OP_UPSERT) {
      const s = this.elemSlot[x] as number;
      let placed = false;
      for (let i = 0; i < n; i++) {
        const e = pool[o + i] as number;
        const es = this.elemSlot[e] as number;
        if (!placed && es >= s) {
          tmp[k++] = x;
          placed = true;
          if (es === s) continue;
        }
        tmp[k++] = e;
      }
      if (!placed) tmp[k++] = x;
    } else {
      for (let i = 0; i < n; i++) {
        const e = pool[o + i] as number;
        const slot = this.elemSlot[e] as number;
        const from = this.slotFrom[slot] as number;
        const f = this.elemFlags[e] as number;
        if (op === OP_REMOVE && slot === x) continue;
        if (op === OP_REMOVE_FROM && from === x) continue;
        if (op === OP_PURGE_STALE && from === x && (f & F_STALE) !== 0) continue;
        if (op === OP_MARK_STALE && from === x && (f & F_STALE) === 0) {
          tmp[k++] = this.elem(slot, this.elemAttr[e] as number, f | F_STALE);
          continue;
        }
        if (op === OP_HEAD && ((f & F_HEAD) !== 0) !== (slot === x - 1)) {
          tmp[k++] = this.elem(slot, this.elemAttr[e] as number, f ^ F_HEAD);
          continue;
        }
        if (op === OP_CLEAR_STALE && (f & F_STALE) !== 0) {
          tmp[k++] = this.elem(slot, this.elemAttr[e] as number, f & ~F_STALE);
          continue;
        }
        tmp[k++] = e;
      }
    }
    return this.intern(tmp, k);
  }

  /** The canonical id of the element list tmp[0..n). */
  private intern(tmp: Int32Array, n: number): number {
    if (n === 0) return 0;
    let h = n;
    for (let i = 0; i < n; i++) h = (Math.imul(h, 0x01000193) ^ (tmp[i] as number)) | 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h ^= h >>> 12;
    let mask = this.table.length - 1;
    let i = h & mask;
    for (;;) {
      const id = this.table[i] as number;
      if (id < 0) break;
      if (this.sameContent(id, tmp, n)) return id;
      i = (i + 1) & mask;
    }
    const id = this.setCount++;
    this.growSets(id + 1);
    if (this.poolUsed + n > this.pool.length) this.pool = grow(this.pool, this.poolUsed + n);
    this.pool.set(tmp.subarray(0, n), this.poolUsed);
    this.off[id] = this.poolUsed;
    this.len[id] = n;
    this.poolUsed += n;
    if (this.setCount * 2 > this.table.length) {
      this.rebuildTable(this.table.length * 2);
      mask = this.table.length - 1;
      i = h & mask;
      while ((this.table[i] as number) >= 0) i = (i + 1) & mask;
    }
    this.table[i] = id;
    return id;
  }

  private sameContent(id: number, tmp: Int32Array, n: number): boolean {
    if (this.len[id] !== n) return false;
    const o = this.off[id] as number;
    for (let i = 0; i < n; i++) if (this.pool[o + i] !== tmp[i]) return false;
    return true;
  }

  private hashOf(id: number): number {
    const n = this.len[id] as number;
    const o = this.off[id] as number;
    let h = n;
    for (let i = 0; i < n; i++) h = (Math.imul(h, 0x01000193) ^ (this.pool[o + i] as number)) | 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    return h ^ (h >>> 12);
  }

  private rebuildTable(size: number): void {
    this.table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let id = 1; id < this.setCount; id++) {
      let i = this.hashOf(id) & mask;
      while ((this.table[i] as number) >= 0) i = (i + 1) & mask;
      this.table[i] = id;
    }
  }

  private growSets(n: number): void {
    if (this.off.length >= n) return;
    this.off = grow(this.off, n);
    this.len = grow(this.len, n);
    this.best = grow(this.best, n, -2);
    this.nh = grow(this.nh, n, -1);
    this.unstale = grow(this.unstale, n, -1);
    this.open = grow(this.open, n, -1);
  }

  /** Whether `set` holds an element that is local or not IBGP-learned. */
  hasOpen(set: number): boolean {
    let v = this.open[set] as number;
    if (v < 0) {
      v = 0;
      const o = this.off[set] as number;
      for (let i = 0; i < (this.len[set] as number); i++) if (((this.elemFlags[this.pool[o + i] as number] as number) & F_INTERNAL) === 0) v = 1;
      this.open[set] = v;
    }
    return v === 1;
  }

  /** Drops every set not marked in `live` (set 0 always stays); returns old id → new id (-1 dropped).
   *  Transitions are forgotten; elements and slots are kept. */
  compact(live: Uint8Array): Int32Array {
    const remap = new Int32Array(this.setCount).fill(-1);
    remap[0] = 0;
    const pool = new Int32Array(Math.max(1024, this.poolUsed));
    let used = 0;
    let next = 1;
    for (let id = 1; id < this.setCount; id++) {
      if (live[id] !== 1) continue;
      const o = this.off[id] as number;
      const n = this.len[id] as number;
      pool.set(this.pool.subarray(o, o + n), used);
      this.off[next] = used;
      this.len[next] = n;
      this.best[next] = this.best[id] as number;
      this.nh[next] = this.nh[id] as number;
      this.unstale[next] = -1;
      this.open[next] = this.open[id] as number;
      used += n;
      remap[id] = next++;
    }
    this.pool = pool;
    this.poolUsed = used;
    this.setCount = next;
    this.best.fill(-2, next);
    this.nh.fill(-1, next);
    this.unstale.fill(-1, next);
    this.open.fill(-1, next);
    this.trans.clear();
    let size = 1024;
    while (size < next * 2) size *= 2;
    this.rebuildTable(size);
    return remap;
  }
}
