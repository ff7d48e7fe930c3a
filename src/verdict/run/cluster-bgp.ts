// verdict: each cluster's BGP line of the run report — sessions between two running speakers (counted once
// per end), the established ones, and the prefixes its running nodes hold — read from the engine's tables
// by speaker id. Sessions belong to the cluster whose node speaker name (`calisim bgp`'s node column) they
// carry, and a peer counts as down when its name is a down node's of that cluster, exactly as matching
// sessionStates' names did; each speaker's name is formatted once instead of once per session end.
import type { IntList } from '../../lib/containers/int-list.js';
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { C_CONFIGURED, EB_CFG, EB_ST, EI_SPK, END_B, END_I, ST_ESTABLISHED } from '../../engine/bgp/tables/end-table.js';

/** A cluster's BGP counts in the run report. */
export interface ClusterBgp {
  readonly sessions: number;
  readonly established: number;
  readonly routes: number;
}

/** Every cluster's BGP counts at the run's current state. */
export function clusterBgp(run: PlatformRun): ClusterBgp[] {
  const { model } = run;
  const net = run.bgp.net;
  const { spk, ends } = net.core;
  const names = Array.from({ length: spk.count }, (_, y) => net.nameOf(y));
  const nodeNames = new Set<string>();
  for (let y = 0; y < spk.count; y++) if (spk.isNode[y] === 1) nodeNames.add(names[y] as string);
  // The cluster of each node speaker name (a later cluster's node wins a shared name, as a Map keeps it).
  const clusterOf = new Map<string, number>();
  for (const c of model.clusters) for (const id of c.nodes) clusterOf.set(run.bgp.speakerOf(id), c.id);
  const up = model.clusters.map((c) => new Set(c.nodes.filter((id) => run.nodeUp[id] === 1).map((id) => run.bgp.speakerOf(id))));
  const sessions = new Int32Array(model.clusters.length);
  const established = new Int32Array(model.clusters.length);
  for (let y = 0; y < spk.count; y++) {
    if (spk.isNode[y] !== 1) continue;
    const name = names[y] as string;
    const c = clusterOf.get(name);
    if (c === undefined || !(up[c] as Set<string>).has(name)) continue;
    const live = up[c] as Set<string>;
    for (const n of (spk.ends[y] as IntList).view()) {
      if (((ends.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
      const r = ends.i32[(n ^ 1) * END_I + EI_SPK] as number;
      const peer = r >= 0 ? (names[r] as string) : (ends.unknownPeer.get(n)?.name ?? '?');
      if (nodeNames.has(peer) && !live.has(peer)) continue;
      sessions[c]!++;
      if (spk.alive[y] === 1 && ends.u8[n * END_B + EB_ST] === ST_ESTABLISHED) established[c]!++;
    }
  }
  return model.clusters.map((_, ci) => {
    let routes = 0;
    for (const n of up[ci] as Set<string>) routes += net.routeCounts(n).prefixes;
    return { sessions: sessions[ci] as number, established: established[ci] as number, routes };
  });
}
