// emit/viz: what the page shows when a node is clicked, read from the run at the cursor's start — the
// node's IPAM blocks, its pods with their addresses, and its best paths (`calisim routes`' best: true).
// Best paths are read from the engine's tables in one pass: every prefix put in nodeRoutes' order once,
// then each node walks that order until it holds its first `cap` prefixes.
import { formatCidr, formatIpv4 } from '../../lib/ipv4.js';
import type { BgpNetwork } from '../../engine/bgp/bgp-network.js';
import { bestOf } from '../../engine/bgp/decision/set-decision.js';
import { F_LOCAL } from '../../engine/bgp/tables/path-sets.js';
import type { PlatformRun } from '../../engine/platform/run-platform.js';

/** At most this many pods and routes per node are listed; a tenth of it above LARGE_PLATFORM nodes. */
export const FACTS_CAP = 200;
const LARGE_PLATFORM = 500;

export interface NodeFacts {
  readonly blocks: string[];
  readonly pods: string[];
  readonly routes: { prefix: string; nextHop: string; peer: string }[];
}

/** Facts of every model node in the run's current state, at most `cap` pods and routes each. */
export function nodeFacts(run: PlatformRun, cap = run.model.nodes.length > LARGE_PLATFORM ? FACTS_CAP / 10 : FACTS_CAP): NodeFacts[] {
  const podsOf = new Map<number, string[]>();
  for (const p of run.pods.pods) {
    if (p.phase !== 'running' || p.node < 0) continue;
    const list = podsOf.get(p.node) ?? [];
    if (list.length < cap) list.push(`${p.namespace}/${p.name} ${p.ip >= 0 ? formatIpv4(p.ip) : '(no address)'}`);
    podsOf.set(p.node, list);
  }
  const net = run.bgp.net;
  const speakers = new Set(net.speakers(true));
  const order = prefixOrder(net);
  return run.model.nodes.map((n) => {
    const st = run.ipam.states[n.cluster]!;
    const blocks = st.blocksOf(run.ipam.localIndex[n.id]!);
    const speaker = run.bgp.speakerOf(n.id);
    const routes = speakers.has(speaker) ? bestRoutes(net, order, net.speaker(speaker), cap) : [];
    return { blocks, pods: podsOf.get(n.id) ?? [], routes };
  });
}

/**
 * Every prefix with its class, in nodeRoutes' order: address, then length (ties in class order, as a stable
 * sort of each node's list); and the texts many nodes share, each formatted once.
 */
interface PrefixOrder {
  readonly prefix: Int32Array;
  readonly cls: Int32Array;
  /** By prefix id. */
  readonly prefixText: (string | undefined)[];
  /** By next-hop address. */
  readonly hopText: Map<number, string>;
  /** By speaker id. */
  readonly peerText: (string | undefined)[];
}

function prefixOrder(net: BgpNetwork): PrefixOrder {
  const { classes } = net.core;
  const all: { q: number; c: number }[] = [];
  for (let c = 0; c < classes.count; c++) for (const q of classes.members[c] as number[]) all.push({ q, c });
  const { pBase, pLen } = classes;
  all.sort((a, b) => pBase[a.q]! - pBase[b.q]! || pLen[a.q]! - pLen[b.q]!);
  return { prefix: Int32Array.from(all, (x) => x.q), cls: Int32Array.from(all, (x) => x.c), prefixText: [], hopText: new Map(), peerText: [] };
}

/** The first `cap` prefixes speaker `y` holds, each with its best path (a prefix without one is left out). */
function bestRoutes(net: BgpNetwork, order: PrefixOrder, y: number, cap: number): NodeFacts['routes'] {
  const core = net.core;
  const { sets, attrs, classes } = core;
  const row = core.rows[y]!;
  const out: NodeFacts['routes'] = [];
  let held = 0;
  for (let k = 0; k < order.prefix.length && held < cap; k++) {
    const set = row[order.cls[k]!]!;
    if (set === 0) continue;
    held++;
    const q = order.prefix[k]!;
    const best = bestOf(core, set);
    const o = sets.off[set]!;
    for (let i = 0; i < sets.len[set]!; i++) {
      const e = sets.pool[o + i]!;
      if (e !== best) continue;
      const from = sets.fromOf(e);
      const peer = (sets.elemFlags[e]! & F_LOCAL) !== 0 ? 'local' : (order.peerText[from] ??= net.nameOf(from));
      const hop = attrs.get(sets.elemAttr[e]!).nextHop;
      let nextHop = order.hopText.get(hop);
      if (nextHop === undefined) order.hopText.set(hop, (nextHop = formatIpv4(hop)));
      out.push({ prefix: (order.prefixText[q] ??= formatCidr({ base: classes.pBase[q]!, len: classes.pLen[q]! })), nextHop, peer });
    }
  }
  return out;
}
