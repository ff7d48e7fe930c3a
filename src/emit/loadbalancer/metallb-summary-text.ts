// emit: the MetalLB lines of `calisim run`'s text summary — per balancer its mode and VIPs, which node
// answered each VIP when (layer 2) or the router's next hops (BGP), failovers with their gap, rehashes with
// the share of existing flows moved, blackholes behind the hold timer, and windows in which a VIP answered nowhere.
import type { MetalLbReport } from '../../verdict/loadbalancer/metallb-report.js';

const secs = (ms: number): string => `${+(ms / 1000).toFixed(3)}s`;
const pct = (x: number): string => `${+(x * 100).toFixed(1)}%`;
const span = (from: number, to: number | undefined): string => `${secs(from)}–${to === undefined ? 'end' : secs(to)}`;
const MAX = 10;

/** At most MAX lines of `lines`, then how many more. */
const capped = (lines: string[]): string[] => (lines.length > MAX ? [...lines.slice(0, MAX), `    ... and ${lines.length - MAX} more`] : lines);

export function renderMetalLbSummary(lbs: readonly MetalLbReport[]): string[] {
  if (lbs.length === 0) return [];
  const out = ['MetalLB:'];
  for (const lb of lbs) {
    out.push(`  ${lb.name}  ${lb.vips.join(', ')}  ${lb.mode === 'l2' ? 'layer 2 (one node answers ARP)' : 'BGP (ECMP over the announcing nodes)'}`);
    if (lb.mode === 'l2') out.push(...capped(lb.owners.map((o) => `    ${o.vip} answered by ${o.node ?? 'no node'} ${span(o.from, o.to)}`)));
    else out.push(...capped(lb.nextHops.map((h) => `    next hops from ${secs(h.at)}: ${h.nodes.join(', ') || 'none'}${h.nodes.length ? ` (${pct(1 / h.nodes.length)} of new flows each)` : ''}`)));
    out.push(...capped(lb.failovers.map((f) => `    failover ${f.vip} ${f.from} → ${f.to ?? 'no node'} at ${secs(f.movedAt)}${f.gap > 0 ? ` (${secs(f.gap)} after ${f.from} failed)` : ''}; its established connections lost`)));
    out.push(...capped(lb.rehashes.map((r) => `    rehash at ${secs(r.at)}: ${r.from} → ${r.to} next hop(s) (${[...r.removed.map((x) => `${x} withdrawn`), ...r.added.map((x) => `${x} added`)].join(', ')}), ${pct(r.moved)} of existing flows moved to another node (reset)`)));
    out.push(...capped(lb.blackholes.map((b) => `    blackhole ${b.node}: ${pct(b.share)} of new flows went to a failed node, ${span(b.from, b.to)} (until the router's hold timer)`)));
    out.push(...capped(lb.outages.map((o) => `    outage ${o.vip} ${span(o.from, o.to)} (${o.reason})`)));
  }
  return out;
}
