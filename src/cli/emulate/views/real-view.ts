// cli/emulate: one daemon's routes read from the machine — `birdc show route all` for the RIB and the
// namespace's kernel table (`ip -j route show proto bird`) for the next hops BIRD installed.
import { nodePeerings } from '../../../model/bgp/node-peerings.js';
import type { NodeBgpConfig } from '../../../model/bgp/types.js';
import type { BirdDaemon } from '../lab/bird-process.js';
import { parseShowRouteAll } from './parse-birdc.js';
import type { NodeView } from './route-view.js';
import { trySh } from '../lab/sh.js';
import { byAddress } from './sim-view.js';

/** The node's own static routes come from BIRD's first (unnamed) static protocol. */
const STATIC_PROTOCOLS: ReadonlySet<string> = new Set(['static1']);

/** Protocol name → peer address, from the node's configuration. */
export function protocolPeers(cfg: NodeBgpConfig): Map<string, string> {
  return new Map(nodePeerings(cfg).map((p) => [p.protocolName, p.peerIp]));
}

interface KernelRoute {
  readonly dst?: string;
  readonly gateway?: string;
  readonly nexthops?: readonly { readonly gateway?: string }[];
}

function kernelTable(ns: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const json = trySh('ip', ['-n', ns, '-j', 'route', 'show', 'proto', 'bird']);
  if (json === undefined || json.trim() === '') return out;
  for (const r of JSON.parse(json) as KernelRoute[]) {
    if (r.dst === undefined) continue;
    const dst = r.dst.includes('/') ? r.dst : `${r.dst}/32`;
    const hops = r.gateway !== undefined ? [r.gateway] : (r.nexthops ?? []).flatMap((h) => (h.gateway !== undefined ? [h.gateway] : []));
    if (hops.length > 0) out.set(dst, [...new Set(hops)].sort(byAddress));
  }
  return out;
}

/** The real view of one daemon (undefined while it does not answer). */
export function realView(daemon: BirdDaemon, peers: ReadonlyMap<string, string>, keep: (prefix: string) => boolean): NodeView | undefined {
  const text = daemon.showRouteAll();
  if (text === undefined) return undefined;
  const paths = new Map([...parseShowRouteAll(text, peers, STATIC_PROTOCOLS)].filter(([p]) => keep(p)));
  const kernel = new Map([...kernelTable(daemon.ns)].filter(([p]) => keep(p)));
  return { paths, kernel };
}
