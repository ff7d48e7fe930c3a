// engine/bgp: interned ECMP next-hop groups — the value a FIB entry maps to. Groups 0..2 are special.

/** No route. */
export const NHG_NONE = 0;
/** Local blackhole (a node's own IPAM block, a service CIDR's static route). */
export const NHG_BLACKHOLE = 1;
/** Delivered locally (a borrowed pod /32 on this node; an external peer's own prefix). */
export const NHG_LOCAL = 2;

/** Sorted unique next-hop addresses per group id. */
export class NextHopGroups {
  readonly hops: number[][] = [[], [], []];
  private readonly byKey = new Map<string, number>();

  /** The id of the group holding these addresses (any order, duplicates allowed). */
  intern(addrs: readonly number[]): number {
    const sorted = [...new Set(addrs)].sort((x, y) => x - y);
    const key = sorted.join(',');
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.hops.push(sorted);
    this.byKey.set(key, this.hops.length - 1);
    return this.hops.length - 1;
  }
}
