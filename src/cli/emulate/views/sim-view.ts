// cli/emulate: the simulation's routes of one node as a NodeView — paths keyed by the advertising peer's
// address, and the kernel next hops the node's ECMP set resolves to on its underlay (a next hop in the
// node's own subnet is used as is; any other is reached through the subnet's gateway, as BIRD's recursive
// next-hop resolution through the kernel's default route gives it).
import type { BgpNetwork } from '../../../engine/bgp/bgp-network.js';
import { formatIpv4, maskOf, parseIpv4 } from '../../../lib/ipv4.js';
import type { NodeView, PathView } from './route-view.js';

/** Where a node sits: its address, subnet prefix length and gateway. */
export interface NodePlace {
  readonly ip: number;
  readonly prefixLen: number;
  readonly gateway: number;
}

/** Kernel next hop of a BGP next hop seen from `place`. */
export function resolveHop(place: NodePlace, hop: string): string {
  const h = parseIpv4(hop);
  const m = maskOf(place.prefixLen);
  return ((h & m) >>> 0) === ((place.ip & m) >>> 0) ? hop : formatIpv4(place.gateway);
}

/** The simulated view of speaker `name` (only prefixes in `keep`, when given). */
export function simView(net: BgpNetwork, name: string, place: NodePlace, keep?: (prefix: string) => boolean): NodeView {
  const paths = new Map<string, PathView[]>();
  const kernel = new Map<string, string[]>();
  for (const r of net.routes(name)) {
    if (keep !== undefined && !keep(r.prefix)) continue;
    paths.set(
      r.prefix,
      r.paths.map((p) => ({
        from: p.peer === 'local' ? 'local' : formatIpv4(net.core.spk.ip[net.speaker(p.peer)] as number),
        nextHop: p.nextHop,
        asPath: p.asPath,
        origin: p.origin,
        med: p.med,
        localPref: p.localPref,
        communities: [...p.communities].sort(),
        originatorId: p.originatorId,
        clusterList: p.clusterList,
        best: p.best,
      })),
    );
    const hops = [...new Set(r.ecmp.map((h) => resolveHop(place, h)))].sort(byAddress);
    if (hops.length > 0) kernel.set(r.prefix, hops);
  }
  return { paths, kernel };
}

export function byAddress(a: string, b: string): number {
  return parseIpv4(a) - parseIpv4(b);
}
