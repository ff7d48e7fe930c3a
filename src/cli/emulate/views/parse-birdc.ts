// cli/emulate: `birdc show route all` text (BIRD 1.6 nest/rt-table.c rte_cli_show + the BGP attribute
// printers of proto/bgp/attrs.c) into PathView records. Only BGP routes and the node's own static routes
// are kept: device, kernel-learned and other routes are not part of `calisim routes`.
import type { PathView } from './route-view.js';

/** Protocol name → the peer address it talks to (from the node's BIRD configuration). */
export type ProtocolPeers = ReadonlyMap<string, string>;

const HEAD = /^(\d+\.\d+\.\d+\.\d+\/\d+)?\s+(?:via (\S+) on \S+|blackhole|unreachable|prohibited|dev \S+|multipath)\s*\[(\S+)(?: [^\]]*)?\](\s\*)?/;

interface Draft {
  prefix: string;
  protocol: string;
  best: boolean;
  attrs: Map<string, string>;
}

/** Parses the whole output; prefix → paths in BIRD's order. */
export function parseShowRouteAll(text: string, peers: ProtocolPeers, staticProtocols: ReadonlySet<string>): Map<string, PathView[]> {
  const drafts: Draft[] = [];
  let prefix = '';
  for (const line of text.split('\n')) {
    const h = HEAD.exec(line);
    if (h !== null) {
      if (h[1] !== undefined) prefix = h[1];
      drafts.push({ prefix, protocol: h[3] as string, best: h[4] !== undefined, attrs: new Map() });
      continue;
    }
    const a = /^\s+(BGP\.\w+|Type):\s?(.*)$/.exec(line);
    const d = drafts[drafts.length - 1];
    if (a !== null && d !== undefined) d.attrs.set(a[1] as string, (a[2] as string).trim());
  }
  const out = new Map<string, PathView[]>();
  for (const d of drafts) {
    const view = toView(d, peers, staticProtocols);
    if (view === undefined) continue;
    out.set(d.prefix, [...(out.get(d.prefix) ?? []), view]);
  }
  return out;
}

function toView(d: Draft, peers: ProtocolPeers, statics: ReadonlySet<string>): PathView | undefined {
  const local = statics.has(d.protocol);
  const from = local ? 'local' : peers.get(d.protocol);
  if (from === undefined) return undefined;
  const g = (k: string): string | undefined => d.attrs.get(`BGP.${k}`);
  const med = g('med');
  const lp = g('local_pref');
  const orig = g('originator_id');
  return {
    from,
    nextHop: g('next_hop') ?? '',
    asPath: (g('as_path') ?? '').split(/\s+/).filter((s) => s !== '').map(Number),
    origin: (g('origin') ?? 'IGP').toLowerCase(),
    med: med !== undefined ? Number(med) : null,
    localPref: lp !== undefined ? Number(lp) : 100,
    communities: [...(g('community') ?? '').matchAll(/\((\d+),(\d+)\)/g)].map((m) => `${m[1]}:${m[2]}`).sort(),
    originatorId: orig ?? null,
    clusterList: (g('cluster_list') ?? '').split(/\s+/).filter((s) => s !== ''),
    best: d.best,
  };
}
