// engine: what the MetalLB runtime records per balancer — which node answers for each VIP (layer 2), the
// next hops a router spreads a VIP over (BGP), and the failovers, rehashes, blackholes and outages between.

/** Layer 2: from `from` to `to`, `node` answers ARP for `vip` (null: no node announces it). */
export interface MetalLbOwnerWindow {
  readonly lb: string;
  readonly vip: string;
  readonly node: string | null;
  readonly from: number;
  readonly to?: number;
}

/**
 * Layer 2: the VIP moved from node `from` to `to` at `movedAt` (a gratuitous ARP from the new owner). `at` is
 * when the old owner failed (equal to `movedAt` for a move without a failure); established connections to
 * the old owner are lost either way (the new node holds no conntrack state for them).
 */
export interface MetalLbFailover {
  readonly lb: string;
  readonly vip: string;
  readonly at: number;
  readonly movedAt: number;
  readonly from: string;
  readonly to: string | null;
  readonly gap: number;
}

/** BGP: the router's next hops went from `from` to `to` nodes at `at` (nodes `added` and `removed`); `moved` of existing flows rehashed to another node. */
export interface MetalLbRehash {
  readonly lb: string;
  readonly at: number;
  readonly from: number;
  readonly to: number;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly moved: number;
}

/** BGP: the router kept sending `share` of new flows to `node`, which had failed, until its session dropped. */
export interface MetalLbBlackhole {
  readonly lb: string;
  readonly node: string;
  readonly from: number;
  readonly to?: number;
  readonly share: number;
}

/** A window in which a VIP (or, in BGP mode, every VIP of the balancer) reached no node that could answer. */
export interface MetalLbOutage {
  readonly lb: string;
  readonly vip: string;
  readonly from: number;
  readonly to?: number;
  readonly reason: 'no node announces it' | 'its owner failed (memberlist has not noticed)';
}

export interface MetalLbWindows {
  readonly owners: readonly MetalLbOwnerWindow[];
  readonly failovers: readonly MetalLbFailover[];
  readonly rehashes: readonly MetalLbRehash[];
  readonly blackholes: readonly MetalLbBlackhole[];
  readonly outages: readonly MetalLbOutage[];
  /** Per balancer (model order): from `at` on, the router's next hops (BGP) or the first VIP's owner (L2). */
  readonly nextHops: readonly (readonly { readonly at: number; readonly nodes: readonly string[] }[])[];
}
