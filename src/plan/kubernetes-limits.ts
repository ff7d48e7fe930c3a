// plan: the Kubernetes limits — nodes and pods per cluster, pods per node (kubelet maxPods, podsPerCore),
// the management hosts' pods when tenant VMs run on them, Services, and backends per Service.
import { grow, type LimitContext, type LimitDef } from './limit-def.js';
import { SOURCES } from './sources.js';

/** The Kubernetes scalability thresholds applied to the platform. */
export function kubernetesLimits(ctx: LimitContext): LimitDef[] {
  const { tenant: t, platform: p, management: m } = ctx;
  const podsCap = ctx.cores !== undefined ? Math.min(t.nodeMaxPods, 10 * ctx.cores) : t.nodeMaxPods;
  const limits: LimitDef[] = [
    {
      id: 'k8s-nodes',
      group: 'kubernetes',
      name: 'nodes per cluster',
      unit: 'nodes',
      value: 5000,
      at: t.name,
      measured: false,
      source: SOURCES.k8sLarge,
      use: (g) => Math.max(grow(t.nodes, g.nodesPerTenant), m?.nodes ?? 0),
    },
    {
      id: 'k8s-pods',
      group: 'kubernetes',
      name: 'pods per cluster',
      unit: 'pods',
      value: 150_000,
      at: t.name,
      measured: true,
      source: SOURCES.k8sLarge,
      use: (g) => grow(t.podsRunning + t.podsPending, g.nodesPerTenant * g.podsPerNode),
    },
    {
      id: 'k8s-pods-per-node',
      group: 'kubernetes',
      name: ctx.cores !== undefined ? `pods per node: min(maxPods ${t.nodeMaxPods}, 10 × ${ctx.cores} cores)` : `pods per node (kubelet maxPods ${t.nodeMaxPods})`,
      unit: 'pods',
      value: podsCap,
      at: t.name,
      measured: true,
      source: ctx.cores !== undefined ? SOURCES.k8sThresholds : SOURCES.kubeletMaxPods,
      use: (g) => grow(podsPerNodeDemand(t), g.podsPerNode),
      ...(t.podsPending > 0 ? { note: `${t.podsPending} pod(s) pending: no node had room (the use is the pods asked for per node)` } : {}),
    },
    {
      id: 'k8s-services',
      group: 'kubernetes',
      name: 'Services per cluster',
      unit: 'Services',
      value: 10_000,
      at: t.name,
      measured: false,
      source: SOURCES.k8sThresholds,
      use: () => t.services,
    },
    {
      id: 'k8s-endpoints-per-service',
      group: 'kubernetes',
      name: 'endpoints per Service',
      unit: 'endpoints',
      value: 5000,
      at: t.name,
      measured: true,
      source: SOURCES.k8sThresholds,
      use: (g) => grow(t.maxEndpointsPerService, g.nodesPerTenant * g.podsPerNode),
    },
  ];
  if (m !== undefined && p.maxVmsOnHost > 0) {
    limits.push({
      id: 'k8s-vms-per-host',
      group: 'kubernetes',
      name: `tenant VMs per management host (each VM is a pod there: maxPods ${p.hostMaxPods})`,
      unit: 'VMs',
      value: p.hostMaxPods,
      at: m.name,
      measured: true,
      source: SOURCES.kubeletMaxPods,
      use: (g) => grow(p.maxVmsOnHost, g.tenants * g.nodesPerTenant),
    });
  }
  return limits;
}

/** Pods per node the tenant asks for: the busiest node's, or, when pods are pending for want of room (the
 *  scheduler never places past maxPods), every pod spread over the nodes: the demand that exceeds the cap. */
function podsPerNodeDemand(t: LimitContext['tenant']): number {
  if (t.podsPending === 0 || t.nodes === 0) return t.maxPodsOnNode;
  return Math.max(t.maxPodsOnNode, Math.ceil((t.podsRunning + t.podsPending) / t.nodes));
}
