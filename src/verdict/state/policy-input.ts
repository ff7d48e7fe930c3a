// verdict: what the policy model of one cluster is built from at the current point of a run — its
// namespaces, the running pods with their addresses, its Services and the policies then in force.
import type { LivePod } from '../../engine/platform/pod-table.js';
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import type { PodInput, PolicyInput } from '../../model/endpoints/types.js';
import type { Model } from '../../model/types.js';
import type { Manifest } from '../../scenario/types.js';
import type { EndpointFacts } from './cluster-input.js';

/** A running pod as it was when taken: its address and node (a LivePod's change as the run goes on). */
export interface RunningPod {
  readonly pod: LivePod;
  readonly ip: number;
  readonly node: number;
}

/** The running pods of each cluster now, in creation order (one pass over the run's pods for all clusters). */
export function runningPodsByCluster(run: PlatformRun): RunningPod[][] {
  const out: RunningPod[][] = run.model.clusters.map(() => []);
  for (const p of run.pods.pods) if (p.phase === 'running') out[p.cluster]?.push({ pod: p, ip: p.ip, node: p.node });
  return out;
}

/** The PolicyInput of cluster `cluster` in the run's current state. */
export function policyInputOf(run: PlatformRun, cluster: number): PolicyInput {
  return { ...policyShellOf(run, cluster, [...run.policies.of(cluster)]), pods: podInputs(run.model, runningPodsByCluster(run)[cluster] ?? []) };
}

/** The PolicyInput of cluster `cluster` without its pods, with the policies `manifests`. */
export function policyShellOf(run: PlatformRun, cluster: number, manifests: readonly Manifest[]): PolicyInput {
  const c = run.model.clusters[cluster]!;
  return { cluster: c.name, namespaces: c.spec.namespaces, pods: [], services: c.services, manifests };
}

/** The pods of a PolicyInput. */
export function podInputs(model: Model, running: readonly RunningPod[]): PodInput[] {
  return running.map(({ pod: p, ip, node }) => ({
    name: p.name,
    namespace: p.namespace,
    labels: p.base.labels,
    serviceAccount: p.base.serviceAccount,
    ports: p.base.ports,
    ...(ip >= 0 ? { ip: formatIpv4(ip) } : {}),
    ...(node >= 0 ? { node: model.nodes[node]!.shortName } : {}),
    hostNetwork: p.base.hostNetwork,
    ...(p.base.owner ? { owner: p.base.owner } : {}),
    src: p.base.src,
  }));
}

/** The endpoints buildEndpoints makes of `running` (in order, addresses and node names as podInputs gives them). */
export function endpointFactsOf(model: Model, running: readonly RunningPod[]): EndpointFacts[] {
  return running.map(({ pod: p, ip, node }, index) => {
    const e: { -readonly [K in keyof EndpointFacts]: EndpointFacts[K] } = { index, name: p.name, namespace: p.namespace, hostNetwork: p.base.hostNetwork };
    if (ip >= 0) e.ip = ip;
    if (node >= 0) e.node = model.nodes[node]!.shortName;
    if (p.base.owner) e.owner = p.base.owner;
    return e;
  });
}
