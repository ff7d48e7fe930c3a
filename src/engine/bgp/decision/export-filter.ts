// engine/bgp: Calico's export filter to BGP peers (confd bird_ipam.cfg.template calico_export_to_bgp_peers,
// bird_aggr.cfg.template calico_aggr), split into the part shared by every node with the same pools and
// static routes (a "filter profile") and the per-node block aggregation:
//   1. reject anything inside a pool with disableBGPExport;
//   2. calico_aggr: accept an affine block itself, reject anything more specific inside it;
//   3. accept anything inside a configured static route (service CIDR advertisement);
//   4. accept anything inside a pool (BGP export enabled) — borrowed /32s, blocks learned from peers;
//   5. reject everything else (routes an external peer announced outside the pools are not re-exported).
// `net ~ cidr` in BIRD means the route's prefix lies inside cidr (its length is at least cidr's).
import type { BgpPool } from '../../../model/bgp/types.js';
import { type Cidr, maskOf, parseCidr } from '../../../lib/ipv4.js';

/** Result of the profile part for one prefix. */
export const FILTER_DISABLED_POOL = 0;
/** No pool rejection; accept unless the node's own block aggregation rejects. */
export const FILTER_ACCEPT = 1;
/** No pool rejection and no accept rule: reject unless the prefix is the node's own block. */
export const FILTER_NO_MATCH = 2;

interface Profile {
  readonly disabled: readonly Cidr[];
  readonly enabled: readonly Cidr[];
  readonly statics: readonly Cidr[];
}

/** `p` lies inside `c` (BIRD `net ~ c`). */
export function inside(base: number, len: number, c: Cidr): boolean {
  return len >= c.len && ((base & maskOf(c.len)) >>> 0) === c.base;
}

/** Interned filter profiles. */
export class FilterProfiles {
  private readonly list: Profile[] = [];
  private readonly byKey = new Map<string, number>();
  /** The arrays last interned and their profile: a cluster's nodes share one pool list and one list of
   *  static routes (derive-bgp-configs.ts), and a profile depends on nothing else. */
  private lastPools: readonly BgpPool[] | null = null;
  private lastStatics: readonly string[] | null = null;
  private lastId = -1;

  get count(): number {
    return this.list.length;
  }

  /** The profile of a node with these pools and static (service) routes. */
  intern(pools: readonly BgpPool[], statics: readonly string[]): number {
    if (pools === this.lastPools && statics === this.lastStatics) return this.lastId;
    this.lastPools = pools;
    this.lastStatics = statics;
    this.lastId = this.internNew(pools, statics);
    return this.lastId;
  }

  private internNew(pools: readonly BgpPool[], statics: readonly string[]): number {
    const parse = (s: string): Cidr | undefined => parseCidr(s);
    const disabled = pools.filter((p) => p.disableBGPExport).map((p) => parse(p.cidr)).filter(isCidr);
    const enabled = pools.filter((p) => !p.disableBGPExport).map((p) => parse(p.cidr)).filter(isCidr);
    const st = statics.map(parse).filter(isCidr);
    const key = [disabled, enabled, st].map((l) => l.map((c) => `${c.base}/${c.len}`).sort().join(',')).join('|');
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.list.push({ disabled, enabled, statics: st });
    this.byKey.set(key, this.list.length - 1);
    return this.list.length - 1;
  }

  /** Profile g's rules in the order `evaluate` tries them: each CIDR with the verdict of a prefix inside it. */
  rules(g: number): { readonly cidr: Cidr; readonly verdict: number }[] {
    const p = this.list[g] as Profile;
    return [
      ...p.disabled.map((cidr) => ({ cidr, verdict: FILTER_DISABLED_POOL })),
      ...p.statics.map((cidr) => ({ cidr, verdict: FILTER_ACCEPT })),
      ...p.enabled.map((cidr) => ({ cidr, verdict: FILTER_ACCEPT })),
    ];
  }

  /** Steps 1, 3, 4 and 5 for prefix base/len under profile g. */
  evaluate(g: number, base: number, len: number): number {
    const p = this.list[g] as Profile;
    for (const c of p.disabled) if (inside(base, len, c)) return FILTER_DISABLED_POOL;
    for (const c of p.statics) if (inside(base, len, c)) return FILTER_ACCEPT;
    for (const c of p.enabled) if (inside(base, len, c)) return FILTER_ACCEPT;
    return FILTER_NO_MATCH;
  }
}

function isCidr(c: Cidr | undefined): c is Cidr {
  return c !== undefined;
}
