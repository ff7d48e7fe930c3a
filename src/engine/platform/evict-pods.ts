// engine: taint-based eviction — the pods of a node unreachable past its toleration are stopped and their
// Deployment/ReplicaSet replacements scheduled on the cluster's ready nodes, one after another, each seeing
// the load the ones before it left (live pods in, new pods out).
import type { Model } from '../../model/types.js';
import { schedulePods } from '../../model/schedule-pods.js';
import type { IpamRuntime } from './ipam-runtime.js';
import type { LivePod, PodTable } from './pod-table.js';

/** Running pods (not host-network) per node of `nodes`, a cluster's, in that order. */
export function nodeLoad(pods: PodTable, nodes: readonly number[], cluster: number): Int32Array {
  const index = new Map(nodes.map((id, i) => [id, i]));
  const load = new Int32Array(nodes.length);
  for (const p of pods.running(cluster)) if (!p.base.hostNetwork && p.node >= 0) load[index.get(p.node)!]!++;
  return load;
}

/**
 * Taint-based eviction of a node unreachable for 300 s: Deployment and ReplicaSet pods are replaced on
 * other nodes; StatefulSet pods stay bound to the node (the controller waits for it); DaemonSet and
 * static pods stay.
 */
export function evictPods(
  model: Model,
  node: number,
  pods: PodTable,
  { ipam, stop }: { ipam: IpamRuntime; stop: (p: LivePod) => void },
  ready: (id: number) => boolean,
  now: number,
  effects: string[],
): void {
  const victims = pods.pods.filter((p) => p.node === node && p.phase === 'running' && p.workload >= 0);
  const c = model.clusters[model.nodes[node]!.cluster]!;
  // The cluster's load is counted once and kept in step with each move (the victim out, its replacement
  // in), instead of a scan of every pod of the platform per victim; schedulePods gets a copy it may bump.
  const load = victims.length > 0 ? nodeLoad(pods, c.nodes, c.id) : new Int32Array(0);
  const slot = new Map(c.nodes.map((id, i) => [id, i]));
  let moved = 0;
  for (const p of victims) {
    const spec = model.workloads[p.workload]!.spec;
    if (spec.kind !== 'Deployment' && spec.kind !== 'ReplicaSet') continue;
    stop(p);
    if (!p.base.hostNetwork) load[slot.get(node)!]!--;
    const [placed] = schedulePods([{ ...spec, replicas: 1 }], c.nodes.map((id) => model.nodes[id]!), c.nodes.map((id) => model.nodes[id]!.shortName), load.slice(), c.nodes.map((id) => ready(id)));
    const target = placed && placed.node >= 0 ? c.nodes[placed.node]! : -1;
    const np = pods.add(p.base, p.name, target, now);
    if (target >= 0 && !np.base.hostNetwork) load[slot.get(target)!]!++;
    if (target >= 0) ipam.assign(np, now);
    else np.reason = 'no node fits (Pending)';
    moved++;
  }
  if (moved) effects.push(`${moved} pod(s) evicted from ${model.nodes[node]!.name} and rescheduled`);
}
