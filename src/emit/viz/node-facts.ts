// emit/viz: what the page shows when a node is clicked, read from the run at the cursor's start — the
// node's IPAM blocks, its pods with their addresses, and its best paths (`calisim routes`' best: true).
import { formatIpv4 } from '../../lib/ipv4.js';
import { nodeBestRoutes } from '../../engine/bgp/reports/best-routes.js';
import type { PlatformRun } from '../../engine/platform/run-platform.js';

/** At most this many pods and routes per node are listed; a tenth of it above LARGE_PLATFORM nodes. */
export const FACTS_CAP = 200;
const LARGE_PLATFORM = 500;

export interface NodeFacts {
  readonly blocks: string[];
  readonly pods: string[];
  readonly routes: { prefix: string; nextHop: string; peer: string }[];
}

/** Facts of every model node in the run's current state. */
export function nodeFacts(run: PlatformRun): NodeFacts[] {
  const cap = run.model.nodes.length > LARGE_PLATFORM ? FACTS_CAP / 10 : FACTS_CAP;
  const podsOf = new Map<number, string[]>();
  for (const p of run.pods.pods) {
    if (p.phase !== 'running' || p.node < 0) continue;
    const list = podsOf.get(p.node) ?? [];
    if (list.length < cap) list.push(`${p.namespace}/${p.name} ${p.ip >= 0 ? formatIpv4(p.ip) : '(no address)'}`);
    podsOf.set(p.node, list);
  }
  const speakers = new Set(run.bgp.net.speakers(true));
  return run.model.nodes.map((n) => {
    const st = run.ipam.states[n.cluster]!;
    const blocks = st.blocksOf(run.ipam.localIndex[n.id]!);
    const speaker = run.bgp.speakerOf(n.id);
    const routes = speakers.has(speaker) ? nodeBestRoutes(run.bgp.net, run.bgp.net.speaker(speaker), cap) : [];
    return { blocks, pods: podsOf.get(n.id) ?? [], routes };
  });
}
