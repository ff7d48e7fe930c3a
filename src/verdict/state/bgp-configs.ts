// verdict: the BGP configuration of every node of a cluster at the current point of a run — confd's
// derivation fed with the node addresses and the IPAM blocks each node then holds.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { configsOf } from '../../engine/platform/bgp-runtime.js';
import type { BgpDerivation } from '../../model/bgp/derive-bgp-configs.js';

/** Derives the NodeBgpConfig of every node of cluster `cluster` from the run's current IPAM state. */
export function bgpConfigsOf(run: PlatformRun, cluster: number): BgpDerivation {
  return configsOf(run.model, run.ipam, cluster, run.bgp.specOf(cluster));
}
