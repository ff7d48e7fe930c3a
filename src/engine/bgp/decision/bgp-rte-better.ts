// engine/bgp: BIRD 1.6's pairwise route comparison — nest/rt-table.c rte_better (preference first) with
// proto/bgp/attrs.c bgp_rte_better for two BGP routes — over the decision's PathView. Unlike the RFC's
// elimination it is not an ordering: MEDs are compared only when both routes have the same neighbouring
// AS (bgp_get_neighbor: the first AS of the path, else the session's remote AS), so three routes can beat
// each other in a cycle, and without `deterministic med` the best depends on arrival order.
import type { PathView } from './decision.js';

/** BIRD nest/route.h: the IGP metric of a next hop reached through a route without one. */
export const IGP_METRIC_UNKNOWN = 0x80000000;

function neighbour(p: PathView): number {
  return p.asPath.length > 0 ? (p.asPath[0] as number) : p.peerAs;
}

/** -1 when `lower` wins (a smaller value is better), 1 when it loses, 0 on a tie. */
function lowWins(n: number, o: number): number {
  return n < o ? -1 : n > o ? 1 : 0;
}

/** Whether `a` is better than `b` (BIRD: "actually better or at least as good as", false on a full tie). */
export function bgpRteBetter(a: PathView, b: PathView): boolean {
  if (a.preference !== b.preference) return a.preference > b.preference;
  // Two non-BGP routes of one protocol (static): no rte_better hook, never better.
  if (a.local || b.local) return false;
  if (a.resolvable !== b.resolvable) return a.resolvable;
  if (a.localPref !== b.localPref) return a.localPref > b.localPref;
  const steps: number[] = [lowWins(a.asPath.length, b.asPath.length), lowWins(a.origin, b.origin)];
  // RFC 4271 9.1.2.2 c) only between routes from the same neighbouring AS (no `med metric` in Calico).
  if (neighbour(a) === neighbour(b)) steps.push(lowWins(a.med ?? 0, b.med ?? 0));
  steps.push(lowWins(a.ebgp ? 0 : 1, b.ebgp ? 0 : 1), lowWins(a.igpCost, b.igpCost));
  // RFC 4456 9 a): ORIGINATOR_ID stands in for the neighbour's router id; then cluster list length, address.
  steps.push(lowWins(a.originatorId ?? a.bgpId, b.originatorId ?? b.bgpId), lowWins(a.clusterListLength, b.clusterListLength));
  for (const s of steps) if (s !== 0) return s < 0;
  return a.peerAddress < b.peerAddress;
}
