// verdict: what tenant isolation aims at in tenant B — B's VMs (its nodes, as endpoints of the management
// cluster) and one running pod per workload of B with the VM it runs on — collected once per tenant, without
// building B's policy model.
import type { Model } from '../../model/types.js';
import type { PolicyModel } from '../../model/policy/types.js';
import type { WorkloadEndpoint } from '../../model/endpoints/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { clusterEndpoints } from '../state/cluster-input.js';

/** A node or pod of B: its address, its VM (management endpoint), its node (model id; -1 unknown). */
export interface IsolationTarget {
  readonly kind: 'nodes' | 'pods';
  readonly name: string;
  readonly ip: number;
  readonly vm: number;
  readonly node: number;
  /** The pod's endpoint in B's policy model. */
  readonly podIndex?: number;
}

/** The model id of the node of `cluster` named `short`, or -1. */
export function nodeIdOf(model: Model, cluster: Model['clusters'][number], short: string | undefined): number {
  return cluster.nodes.find((id) => model.nodes[id]!.shortName === short) ?? -1;
}

/**
 * B's nodes (its VMs with an address, in management endpoint order), then a pod per workload of B.
 * `byNamespace` holds the management model's endpoints by namespace, in order (endpointsByNamespace).
 */
export function isolationTargets(model: Model, byNamespace: ReadonlyMap<string, readonly WorkloadEndpoint[]>, policies: readonly ClusterPolicies[], b: string): IsolationTarget[] {
  const cb = model.clusters[model.clusterByName.get(b)!]!;
  const pb = policies[cb.id]!;
  const nodes = new Map<string, number>();
  for (const id of cb.nodes) if (!nodes.has(model.nodes[id]!.shortName)) nodes.set(model.nodes[id]!.shortName, id);
  const nodeId = (short: string): number => nodes.get(short) ?? -1;
  const targets: IsolationTarget[] = [];
  const vms = new Map<string, number>();
  for (const e of cb.managementNamespace !== undefined ? (byNamespace.get(cb.managementNamespace) ?? []) : []) {
    if (!vms.has(e.name)) vms.set(e.name, e.index);
    if (e.ip !== undefined) targets.push({ kind: 'nodes', name: `${b}/${e.name}`, ip: e.ip, vm: e.index, node: nodeId(e.name) });
  }
  const seen = new Set<string>();
  for (const e of clusterEndpoints(pb)) {
    const key = `${e.namespace}/${e.owner?.name ?? e.name}`;
    if (e.hostNetwork || e.ip === undefined || seen.has(key) || e.node === undefined) continue;
    seen.add(key);
    const vm = vms.get(e.node);
    if (vm !== undefined) targets.push({ kind: 'pods', name: `${b}/${e.namespace}/${e.name}`, ip: e.ip, vm, node: nodeId(e.node), podIndex: e.index });
  }
  return targets;
}

/** A model's endpoints by namespace, each list in endpoint order. */
export function endpointsByNamespace(mgmt: PolicyModel): Map<string, WorkloadEndpoint[]> {
  const out = new Map<string, WorkloadEndpoint[]>();
  for (const e of mgmt.endpoints) {
    const list = out.get(e.namespace);
    if (list) list.push(e);
    else out.set(e.namespace, [e]);
  }
  return out;
}
