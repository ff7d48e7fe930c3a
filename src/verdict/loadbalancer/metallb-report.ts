// verdict: the MetalLB balancers' part of a run report — per balancer its mode and VIPs, which node answered
// for each VIP when (layer 2) or which next hops the router spread it over (BGP), failovers with their gap,
// rehashes with the share of existing flows moved, blackholes behind the router's hold timer, and outages.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { MetalLbBlackhole, MetalLbFailover, MetalLbOutage, MetalLbOwnerWindow, MetalLbRehash } from '../../engine/lb/metallb-types.js';

export interface MetalLbReport {
  readonly name: string;
  readonly mode: 'l2' | 'bgp';
  readonly vips: readonly string[];
  readonly owners: readonly MetalLbOwnerWindow[];
  /** From `at` on: the owner of the first VIP (l2) or the router's ECMP next hops (bgp); each takes an equal share of new connections. */
  readonly nextHops: readonly { readonly at: number; readonly nodes: readonly string[] }[];
  readonly failovers: readonly MetalLbFailover[];
  readonly rehashes: readonly MetalLbRehash[];
  readonly blackholes: readonly MetalLbBlackhole[];
  readonly outages: readonly MetalLbOutage[];
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

export function buildMetalLbReport(run: PlatformRun): MetalLbReport[] {
  const w = run.metallb.windows();
  return run.model.metalLbs.map((lb, li) => ({
    name: lb.name,
    mode: lb.metallb?.mode ?? 'l2',
    vips: lb.vips.map((v) => `${v.address}:${v.port}/${v.protocol}`),
    owners: w.owners.filter((o) => o.lb === lb.name),
    nextHops: w.nextHops[li]!,
    failovers: w.failovers.filter((f) => f.lb === lb.name),
    rehashes: w.rehashes.filter((r) => r.lb === lb.name).map((r) => ({ ...r, moved: round(r.moved) })),
    blackholes: w.blackholes.filter((b) => b.lb === lb.name).map((b) => ({ ...b, share: round(b.share) })),
    outages: w.outages.filter((o) => o.lb === lb.name),
  }));
}
