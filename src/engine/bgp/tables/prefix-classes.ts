// engine/bgp: prefixes and prefix classes. A class is a set of prefixes that are originated by the same
// speakers with the same attributes and get the same export-filter verdict on every node, so BGP moves
// them together exactly as real UPDATEs pack NLRI that share attributes: the engine runs on classes and
// expands to prefixes only for output. A class that stops being uniform (IPAM change) is split: the new
// class starts as a copy of the old one everywhere and updates sent before the split apply to both.
import { grow } from '../../../lib/containers/growable.js';
import { ABSENT, IntPairMap } from '../../../lib/containers/int-pair-map.js';

/** Origin kinds (low 3 bits of an origin code; the attribute id is code >> 3). */
export const KIND_BLOCK = 1;
export const KIND_SERVICE = 2;
export const KIND_BORROWED = 3;
export const KIND_ANNOUNCE = 4;

/** The origin list of a prefix nobody originates. */
const NO_ORIGINS: readonly number[] = [];

export class PrefixClasses {
  pCount = 0;
  pBase = new Float64Array(64);
  pLen = new Uint8Array(64);
  pCls = new Int32Array(64);
  /** Per prefix: flattened (speaker, origin code) pairs sorted by speaker; replaced, never changed in place
   *  (a new prefix holds the shared empty list). */
  readonly pOrigins: (readonly number[])[] = [];
  /** (length, base as int32) → prefix id. */
  private readonly pIds = new IntPairMap(64);

  count = 0;
  readonly members: number[][] = [];
  /** members[c].length, as a typed array for the hot path. */
  size = new Int32Array(64);
  /** 1 when classes were split from c (see `kids`). */
  hasKids = new Uint8Array(64);
  readonly sig: string[] = [];
  /** Originated by a Calico node as a block or a borrowed /32: a pod destination (blackhole tracking). */
  tracked = new Uint8Array(64);
  /** 1 when an external peer announces the class with a MED: BIRD's arrival order decides (bird-order.ts). */
  ordered = new Uint8Array(64);
  /** Alive originators of kind block/borrowed. */
  liveOrigins = new Int32Array(64);
  /** The single node whose affine block contains the class (-1 none, -2 several: see aggrMulti). */
  aggr = new Int32Array(64);
  /** 1 when that block equals the class's prefixes (accept), 0 when it strictly contains them (reject). */
  aggrEq = new Uint8Array(64);
  readonly aggrMulti = new Map<number, number[]>();
  /** Filter verdict per (class, filter profile), stride gStride. */
  filter = new Uint8Array(256);
  gStride = 4;
  readonly kids: (number[] | undefined)[] = [];
  bornSeq = new Int32Array(64);
  parent = new Int32Array(64);
  splitSeq = 0;

  /** Makes room for `n` prefixes (a build knows how many its nodes originate at most). */
  reservePrefixes(n: number): void {
    this.pIds.reserve(n);
    this.pBase = grow(this.pBase, n);
    this.pLen = grow(this.pLen, n);
    this.pCls = grow(this.pCls, n);
  }

  /** The id of prefix base/len (host bits must be zero), created when new. */
  prefix(base: number, len: number): number {
    const known = this.pIds.get(len, base | 0);
    if (known !== ABSENT) return known;
    const id = this.pCount++;
    this.pBase = grow(this.pBase, id + 1);
    this.pLen = grow(this.pLen, id + 1);
    this.pCls = grow(this.pCls, id + 1);
    this.pBase[id] = base;
    this.pLen[id] = len;
    this.pCls[id] = -1;
    this.pOrigins.push(NO_ORIGINS);
    this.pIds.set(len, base | 0, id);
    return id;
  }

  /** The prefix id of base/len, or -1. */
  findPrefix(base: number, len: number): number {
    const id = this.pIds.get(len, base | 0);
    return id === ABSENT ? -1 : id;
  }

  /** A new empty class with the given signature; `parent` is the class it was split from (or -1). */
  newClass(sig: string, parent: number, profiles: number): number {
    if (profiles > this.gStride) this.restride(profiles);
    const c = this.count++;
    const n = c + 1;
    this.tracked = grow(this.tracked, n);
    this.ordered = grow(this.ordered, n);
    this.liveOrigins = grow(this.liveOrigins, n);
    this.aggr = grow(this.aggr, n);
    this.aggrEq = grow(this.aggrEq, n);
    this.bornSeq = grow(this.bornSeq, n);
    this.size = grow(this.size, n);
    this.hasKids = grow(this.hasKids, n);
    this.parent = grow(this.parent, n);
    this.filter = grow(this.filter, n * this.gStride);
    this.members.push([]);
    this.sig.push(sig);
    this.kids.push(undefined);
    this.aggr[c] = -1;
    this.parent[c] = parent;
    this.bornSeq[c] = parent >= 0 ? ++this.splitSeq : 0;
    if (parent >= 0) {
      (this.kids[parent] ??= []).push(c);
      this.hasKids[parent] = 1;
    }
    return c;
  }

  /** Replaces the members of class c. */
  setMembers(c: number, members: number[]): void {
    this.members[c] = members;
    this.size[c] = members.length;
  }

  /** Makes room for `profiles` filter profiles per class. */
  ensureStride(profiles: number): void {
    if (profiles > this.gStride) this.restride(profiles);
  }

  private restride(profiles: number): void {
    let s = this.gStride;
    while (s < profiles) s *= 2;
    const f = new Uint8Array(Math.max(this.count, 64) * s);
    for (let c = 0; c < this.count; c++) f.set(this.filter.subarray(c * this.gStride, (c + 1) * this.gStride), c * s);
    this.filter = f;
    this.gStride = s;
  }
}
