// verdict: what the policy model of one cluster is built from at the current point of a run — its
// namespaces, the running pods with their addresses, its Services and the policies then in force.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import type { PolicyInput } from '../../model/endpoints/types.js';

/** The PolicyInput of cluster `cluster` in the run's current state. */
export function policyInputOf(run: PlatformRun, cluster: number): PolicyInput {
  const c = run.model.clusters[cluster]!;
  const pods = run.pods.pods
    .filter((p) => p.cluster === cluster && p.phase === 'running')
    .map((p) => ({
      name: p.name,
      namespace: p.namespace,
      labels: p.base.labels,
      serviceAccount: p.base.serviceAccount,
      ports: p.base.ports,
      ...(p.ip >= 0 ? { ip: formatIpv4(p.ip) } : {}),
      ...(p.node >= 0 ? { node: run.model.nodes[p.node]!.shortName } : {}),
      hostNetwork: p.base.hostNetwork,
      ...(p.base.owner ? { owner: p.base.owner } : {}),
      src: p.base.src,
    }));
  return {
    cluster: c.name,
    namespaces: c.spec.namespaces,
    pods,
    services: c.services,
    manifests: run.policies.of(cluster),
  };
}
