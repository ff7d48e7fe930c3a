// verdict: where a MetalLB VIP takes a client's connection at the run's current time — in layer 2 to the
// node that answers ARP for it, in BGP mode to the next hop the router's ECMP hash picks for the flow — or
// why it goes nowhere. The node's kube-proxy then treats it as the ingress Service's external traffic.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { ecmpPick, resilientPick } from '../../engine/lb/ecmp-rehash.js';
import { formatIpv4, parseIpv4 } from '../../lib/ipv4.js';
import type { TraceHop } from '../trace/types.js';

/** The node a connection to a MetalLB VIP reaches (a model id; -1 when it goes nowhere, `hop` saying why). */
export interface MetalLbEntry {
  readonly hop: TraceHop;
  readonly node: number;
}

/** A flow hash for a client's connection (the router hashes the header; calisim hashes the client address so a request repeats). */
function flowHash(client: number, vip: number, port: number): number {
  let h = 0x811c9dc5;
  for (const x of [client, vip, port]) for (let i = 0; i < 4; i++) h = Math.imul(h ^ ((x >>> (i * 8)) & 0xff), 0x01000193);
  return h >>> 0;
}

/** The MetalLB balancer and VIP index serving `port` (the first, in scenario order), if any. */
export function findMetalLbVip(run: PlatformRun, port: number): { lb: number; vip: number } | undefined {
  for (const [lb, spec] of run.model.metalLbs.entries()) {
    const vip = spec.vips.findIndex((v) => v.port === port);
    if (vip >= 0) return { lb, vip };
  }
  return undefined;
}

export function metallbEntry(run: PlatformRun, lb: number, vip: number, client: number): MetalLbEntry {
  const spec = run.model.metalLbs[lb]!;
  const v = spec.vips[vip]!;
  const at = spec.name;
  const name = (n: number): string => run.model.nodes[n]!.shortName;
  if (spec.metallb?.mode === 'bgp') {
    const hops = run.metallb.nextHops(lb);
    if (hops.length === 0) return { node: -1, hop: { step: 'drop', at, detail: `no MetalLB speaker advertises ${v.address}/32 (no node with a ready ingress endpoint peers with the router): the router has no route` } };
    // The flow reaches the first peer's router; a resilient one keeps it on its hop while that hop stays.
    const resilient = spec.metallb.peers[0]?.ecmp === 'resilient';
    const h = flowHash(client, parseIpv4(v.address), v.port);
    const pick = hops[resilient ? resilientPick(hops.map((n) => run.model.nodes[n]!.ip), h) : ecmpPick(hops.length, h)]!;
    const down = run.nodeUp[pick] !== 1;
    const detail = `the router's ${resilient ? 'resilient ' : ''}ECMP over ${hops.map(name).join(', ')} (MetalLB BGP: each announcing node advertises ${v.address}/32) hashes this flow to ${name(pick)} (${formatIpv4(run.model.nodes[pick]!.ip)})`;
    if (down) return { node: -1, hop: { step: 'drop', at, detail: `${detail}, which failed: the router keeps its route until the BGP hold timer expires` } };
    return { node: pick, hop: { step: 'lb-member', at, detail } };
  }
  const owner = run.metallb.ownerOf(lb, vip);
  if (owner < 0) return { node: -1, hop: { step: 'drop', at, detail: `no MetalLB speaker answers ARP for ${v.address} (no eligible node with a ready ingress endpoint)` } };
  const detail = `${name(owner)} answers ARP for ${v.address} (MetalLB layer 2: the speaker elected by sha256(node#VIP)); all of the VIP's traffic enters there`;
  if (run.nodeUp[owner] !== 1) return { node: -1, hop: { step: 'drop', at, detail: `${detail}, but it failed and memberlist has not declared it dead yet: the VIP answers nowhere` } };
  return { node: owner, hop: { step: 'lb-member', at, detail } };
}
