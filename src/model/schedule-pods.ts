// model: the deterministic scheduler — places workload replicas on nodes the way a spreading
// kube-scheduler would (fewest pods first, ties by node order), honouring nodeSelector and maxPods.
// DaemonSets get one pod on every matching node; StatefulSet pods are named <set>-<ordinal>.
import type { Labels, WorkloadSpec } from '../scenario/types.js';

/** What the scheduler knows of a node. */
export interface SchedNode {
  readonly labels: Labels;
  readonly maxPods: number;
}

/** One pod to create: its name, workload index and node index (-1 when no node fits: Pending). */
export interface PlacedPod {
  readonly name: string;
  readonly workload: number;
  readonly node: number;
}

/** True when every nodeSelector label is on the node (Kubernetes nodeSelector semantics). */
export function nodeSelectorMatches(selector: Labels, labels: Labels): boolean {
  for (const k of Object.keys(selector)) if (labels[k] !== selector[k]) return false;
  return true;
}

/** Name of replica `ordinal` of a workload on `nodeName` (DaemonSets are named after the node). */
export function podName(w: WorkloadSpec, ordinal: number, nodeName: string): string {
  return w.kind === 'DaemonSet' ? `${w.name}-${nodeName}` : `${w.name}-${ordinal}`;
}

/**
 * Places pods. `load[i]` is the current pod count of node i and is updated in place; `up[i]` false
 * excludes a node. Replicas of workload `w` get ordinals from `firstOrdinal[w]` (0 by default).
 */
export function schedulePods(
  workloads: readonly WorkloadSpec[],
  nodes: readonly SchedNode[],
  nodeNames: readonly string[],
  load: Int32Array,
  up: readonly boolean[],
  firstOrdinal?: readonly number[],
): PlacedPod[] {
  const out: PlacedPod[] = [];
  workloads.forEach((w, wi) => {
    const eligible: number[] = [];
    nodes.forEach((n, i) => {
      if (up[i] && nodeSelectorMatches(w.nodeSelector, n.labels)) eligible.push(i);
    });
    if (w.kind === 'DaemonSet') {
      for (const i of eligible) {
        const node = load[i]! < nodes[i]!.maxPods ? i : -1;
        if (node >= 0) load[i]!++;
        out.push({ name: podName(w, 0, nodeNames[i]!), workload: wi, node });
      }
      return;
    }
    const start = firstOrdinal?.[wi] ?? 0;
    for (let r = 0; r < w.replicas; r++) {
      const node = leastLoaded(eligible, nodes, load);
      if (node >= 0) load[node]!++;
      out.push({ name: podName(w, start + r, ''), workload: wi, node });
    }
  });
  return out;
}

/** Node index for one pod with `selector` (the least loaded eligible node, -1 when none fits); `load` is updated. */
export function scheduleOne(selector: Labels, nodes: readonly SchedNode[], load: Int32Array, up: readonly boolean[]): number {
  const eligible: number[] = [];
  nodes.forEach((n, i) => {
    if (up[i] && nodeSelectorMatches(selector, n.labels)) eligible.push(i);
  });
  const node = leastLoaded(eligible, nodes, load);
  if (node >= 0) load[node]!++;
  return node;
}

function leastLoaded(eligible: readonly number[], nodes: readonly SchedNode[], load: Int32Array): number {
  let best = -1;
  for (const i of eligible) {
    if (load[i]! >= nodes[i]!.maxPods) continue;
    if (best < 0 || load[i]! < load[best]!) best = i;
  }
  return best;
}
