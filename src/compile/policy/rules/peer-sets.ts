// compile: selectors, CIDR lists and Services into pool bitsets over identity classes — a selector stands
// for the addresses of the endpoints it matches plus those of matching HostEndpoints and network sets.
import { forEachSetBit, orInPlace, testBit } from '../../../lib/containers/bitset.js';
import { cidrContains, type Cidr } from '../../../lib/ipv4.js';
import type { Selector } from '../../../lib/selector/types.js';
import { compileSelector } from '../../selector/compile-selector.js';
import type { BitPool } from '../../../lib/containers/bit-pool.js';
import { KIND_HEP, KIND_WEP } from '../classes/class-table.js';
import { refineByCidr } from '../classes/refine-universe.js';
import type { Universe } from '../classes/universe.js';

/** Hot data holder: the class-indexed sets every rule is built from, cached by key. */
export class PeerSets {
  /** Every class (bits 0..n-1). */
  readonly valid: number;
  readonly weps: number;
  readonly targets: number;
  /** Always empty. */
  readonly empty: number;
  private readonly featureSlots: number[] = [];
  private readonly objectSlots: number[] = [];
  private readonly ipsets = new Map<string, number>();
  private readonly cidrSets = new Map<string, number>();
  private readonly identBitsCache = new Map<string, Int32Array>();
  private readonly objBitsCache = new Map<string, Int32Array>();
  /** HostEndpoint → its KIND_HEP classes. */
  readonly hepClasses: number[][];

  constructor(
    readonly u: Universe,
    readonly pool: BitPool,
  ) {
    this.valid = pool.alloc();
    this.weps = pool.alloc();
    this.targets = pool.alloc();
    this.empty = pool.alloc();
    this.hepClasses = [];
    for (const o of u.objects) if (o.kind === 'hep') this.hepClasses[o.index] = [];
    for (let c = 0; c < u.classes.n; c++) this.markClass(c);
    u.cidrs.forEach((_, id) => this.featureSlots.push(this.computeFeature(id)));
    u.objects.forEach((_, o) => this.objectSlots.push(this.computeObject(o)));
  }

  private markClass(c: number): void {
    const d = this.pool.data;
    const bit = 1 << (c & 31);
    const w = c >>> 5;
    d[this.valid + w] |= bit;
    const kind = this.u.classes.kind[c];
    if (kind === KIND_WEP) d[this.weps + w] |= bit;
    if (kind === KIND_WEP || kind === KIND_HEP) d[this.targets + w] |= bit;
    if (kind === KIND_HEP) this.hepClasses[this.u.classes.ident[c] as number]?.push(c);
  }

  /** After the pool copied class `from`'s column to `to`: per-class lists follow. */
  onSplit(from: number, to: number): void {
    if (this.u.classes.kind[from] === KIND_HEP) this.hepClasses[this.u.classes.ident[from] as number]?.push(to);
  }

  /** Registers a CIDR (refining classes through `onSplit`) and returns its class set. */
  cidr(c: Cidr, onSplit: (from: number, to: number) => void): number {
    const id = refineByCidr(this.u, c, onSplit);
    while (this.featureSlots.length <= id) this.featureSlots.push(this.computeFeature(this.featureSlots.length));
    return this.featureSlots[id] as number;
  }

  private computeFeature(id: number): number {
    const off = this.pool.alloc();
    const cidr = this.u.cidrs[id] as Cidr;
    const { ip, n } = { ip: this.u.classes.ip, n: this.u.classes.n };
    const d = this.pool.data;
    for (let c = 0; c < n; c++) {
      const a = ip[c] as number;
      if (a >= 0 && cidrContains(cidr, a)) d[off + (c >>> 5)] |= 1 << (c & 31);
    }
    return off;
  }

  /** Classes of the addresses an IpObject owns. */
  private computeObject(o: number): number {
    const obj = this.u.objects[o];
    const off = this.pool.alloc();
    if (!obj) return off;
    if (obj.kind === 'netset') {
      for (const c of obj.nets) orInPlace(this.pool.view(off), this.pool.view(this.featureSlots[this.u.cidrIds.get(`${c.base}/${c.len}`) as number] as number));
      return off;
    }
    const ips = new Set(obj.ips);
    const d = this.pool.data;
    this.u.points.forEach((pt, i) => {
      if (pt.ip >= 0 && ips.has(pt.ip)) {
        const c = this.u.pointClass[i] as number;
        d[off + (c >>> 5)] |= 1 << (c & 31);
      }
    });
    return off;
  }

  /** Union of the class sets of registered CIDRs (classes without an address are in none). */
  nets(cidrs: readonly Cidr[]): number {
    const slots = cidrs.map((c) => {
      const id = this.u.cidrIds.get(`${c.base}/${c.len}`);
      if (id === undefined) throw new RangeError(`CIDR ${c.base}/${c.len} was not registered before use`);
      return this.featureSlots[id] as number;
    });
    const key = slots.join(',');
    let off = this.cidrSets.get(key);
    if (off === undefined) {
      off = this.pool.alloc();
      for (const s of slots) orInPlace(this.pool.view(off), this.pool.view(s));
      this.cidrSets.set(key, off);
    }
    return off;
  }

  /** Identities whose labels match `sel` (cached; shared, do not mutate). */
  identBits(sel: Selector): Int32Array {
    const key = sel.toString();
    let bits = this.identBitsCache.get(key);
    if (!bits) this.identBitsCache.set(key, (bits = compileSelector(sel.ast, this.u.identIndex)));
    return bits;
  }

  /** IpObjects whose labels match `sel` (cached; shared, do not mutate). */
  objBits(sel: Selector): Int32Array {
    const key = sel.toString();
    let bits = this.objBitsCache.get(key);
    if (!bits) this.objBitsCache.set(key, (bits = compileSelector(sel.ast, this.u.objIndex)));
    return bits;
  }

  /** The IP set of a rule selector: matching pods' classes plus the classes of matching objects' addresses. */
  ipset(sel: Selector): number {
    const key = sel.toString();
    let off = this.ipsets.get(key);
    if (off !== undefined) return off;
    off = this.pool.alloc();
    this.orIdentities(off, this.identBits(sel));
    // Without IpObjects (no HostEndpoint, network set or shared address) no selector matches one.
    if (this.u.objects.length > 0) {
      const objs = this.objBits(sel);
      forEachSetBit(objs, (o) => orInPlace(this.pool.view(off as number), this.pool.view(this.objectSlots[o] as number)));
    }
    this.ipsets.set(key, off);
    return off;
  }

  /** Classes a policy selector makes targets of: matching pods, and HostEndpoints by their own labels. */
  policyTargets(sel: Selector): number {
    const off = this.pool.alloc();
    this.orIdentities(off, this.identBits(sel));
    if (this.hepClasses.length === 0) return off;
    const objs = this.objBits(sel);
    const d = this.pool.data;
    this.u.objects.forEach((o, i) => {
      if (o.kind !== 'hep' || !testBit(objs, i)) return;
      for (const c of this.hepClasses[o.index] ?? []) d[off + (c >>> 5)] |= 1 << (c & 31);
    });
    return off;
  }

  /** Sets the KIND_WEP classes of every identity in `identities`. */
  orIdentities(off: number, identities: Int32Array): void {
    const d = this.pool.data;
    const identClasses = this.u.identClasses;
    for (let w = 0; w < identities.length; w++) {
      let word = identities[w] as number;
      while (word !== 0) {
        const low = word & -word;
        const list = identClasses[w * 32 + 31 - Math.clz32(low)] as number[];
        for (let k = 0; k < list.length; k++) {
          const c = list[k] as number;
          d[off + (c >>> 5)] |= 1 << (c & 31);
        }
        word ^= low;
      }
    }
  }

  /** Classes of the addresses of IpObject `o`. */
  objectSlot(o: number): number {
    return this.objectSlots[o] as number;
  }
}
