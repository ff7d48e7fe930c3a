// engine/bgp: BGP path attributes interned to integer ids (the rta cache of BIRD): one record per distinct
// attribute set, hot fields mirrored in typed arrays for the decision process and the export checks.
import { grow } from '../../../lib/containers/growable.js';

export const ORIGIN_IGP = 0;
export const ORIGIN_EGP = 1;
export const ORIGIN_INCOMPLETE = 2;

/** Well-known communities (RFC 1997) that BIRD's `interpret communities` (default on) honours. */
export const COMM_NO_EXPORT = '65535:65281';
export const COMM_NO_ADVERTISE = '65535:65282';
export const COMM_NO_EXPORT_SUBCONFED = '65535:65283';

/** One attribute set. Numbers are unsigned 32-bit values; -1 marks an absent optional attribute. */
export interface PathAttrs {
  readonly nextHop: number;
  readonly asPath: readonly number[];
  readonly origin: number;
  readonly med: number;
  readonly localPref: number;
  readonly originatorId: number;
  readonly clusterList: readonly number[];
  readonly communities: readonly string[];
}

const BIT_NO_ADVERTISE = 1;
const BIT_NO_EXPORT = 2;

/** Interning table of attribute sets. */
export class AttrTable {
  readonly list: PathAttrs[] = [];
  private readonly byKey = new Map<string, number>();
  nextHop = new Float64Array(64);
  med = new Float64Array(64);
  localPref = new Float64Array(64);
  originator = new Float64Array(64);
  pathLen = new Int32Array(64);
  firstAs = new Float64Array(64);
  origin = new Uint8Array(64);
  commBits = new Uint8Array(64);

  get count(): number {
    return this.list.length;
  }

  /** The id of `a`, adding it when new. Communities are kept sorted and unique. */
  intern(a: PathAttrs): number {
    const comm = [...new Set(a.communities)].sort();
    const key = `${a.nextHop}|${a.origin}|${a.med}|${a.localPref}|${a.originatorId}|${a.asPath.join(',')}|${a.clusterList.join(',')}|${comm.join(',')}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const id = this.list.length;
    this.list.push({ ...a, communities: comm });
    this.byKey.set(key, id);
    const n = id + 1;
    this.nextHop = grow(this.nextHop, n);
    this.med = grow(this.med, n);
    this.localPref = grow(this.localPref, n);
    this.originator = grow(this.originator, n);
    this.pathLen = grow(this.pathLen, n);
    this.firstAs = grow(this.firstAs, n);
    this.origin = grow(this.origin, n);
    this.commBits = grow(this.commBits, n);
    this.nextHop[id] = a.nextHop;
    this.med[id] = a.med;
    this.localPref[id] = a.localPref;
    this.originator[id] = a.originatorId;
    this.pathLen[id] = a.asPath.length;
    this.firstAs[id] = a.asPath.length > 0 ? (a.asPath[0] as number) : -1;
    this.origin[id] = a.origin;
    this.commBits[id] =
      (comm.includes(COMM_NO_ADVERTISE) ? BIT_NO_ADVERTISE : 0) |
      (comm.includes(COMM_NO_EXPORT) || comm.includes(COMM_NO_EXPORT_SUBCONFED) ? BIT_NO_EXPORT : 0);
    return id;
  }

  get(id: number): PathAttrs {
    return this.list[id] as PathAttrs;
  }

  noAdvertise(id: number): boolean {
    return ((this.commBits[id] as number) & BIT_NO_ADVERTISE) !== 0;
  }

  noExport(id: number): boolean {
    return ((this.commBits[id] as number) & BIT_NO_EXPORT) !== 0;
  }

  clusterHas(id: number, clusterId: number): boolean {
    const cl = (this.list[id] as PathAttrs).clusterList;
    return cl.length > 0 && cl.includes(clusterId);
  }
}
