// verdict: the BGP configuration of every node of a cluster at the current point of a run — confd's
// derivation fed with the node addresses and the IPAM blocks each node then holds.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { deriveBgpConfigs, type BgpDerivation } from '../../model/bgp/derive-bgp-configs.js';

/** Derives the NodeBgpConfig of every node of cluster `cluster` from the run's current IPAM state. */
export function bgpConfigsOf(run: PlatformRun, cluster: number): BgpDerivation {
  const c = run.model.clusters[cluster]!;
  const ipam = run.ipam.states[cluster]!;
  const nodes = c.nodes.map((id) => {
    const n = run.model.nodes[id]!;
    return { name: n.shortName, ip: n.ipText, prefixLen: n.prefixLen, labels: n.labels };
  });
  const blocks = new Map(
    c.nodes.map((id, i) => [run.model.nodes[id]!.shortName, { blocks: ipam.blocksOf(i), borrowed: ipam.borrowedBy(i) }]),
  );
  return deriveBgpConfigs(c.spec, nodes, blocks);
}
