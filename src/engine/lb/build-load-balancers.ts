// engine: builds the load-balancer runtime of a model — a member per pool entry, resolved to its management
// host, and the oracle of what a probe to it finds: the host answers a ping when up; a NodePort forwards
// when kube-proxy there has a ready ingress-nginx endpoint (with externalTrafficPolicy Local only a local
// one: kube-proxy drops the packets on other nodes, so a probe fails by timeout — routing spec §4.4). A
// cluster-mode member is a pod (cis-cluster-pools.ts adds them): it answers while its node is up and it runs,
// or, stopped, until its grace period ends (no kube-proxy between: externalTrafficPolicy does not apply).
import type { Model } from '../../model/types.js';
import type { LivePod, PodTable } from '../platform/pod-table.js';
import type { Simulation } from '../simulation.js';
import { graceMs } from './cis-cluster-pools.js';
import { ingressPodsPerNode } from './ingress-endpoints.js';
import { LoadBalancers, type LbMemberDef, type MemberHealth } from './load-balancers.js';

export function buildLoadBalancers(model: Model, sim: Simulation, pods: PodTable, nodeUp: Uint8Array): LoadBalancers {
  const members: LbMemberDef[] = [];
  const host: number[] = [];
  const pools = model.loadBalancers.map((lb, li) => ({
    name: lb.name,
    method: lb.method,
    minimumMembersActive: lb.priorityGroups.minimumMembersActive,
    monitors: lb.monitors.map((m) => ({ interval: m.interval, timeout: m.timeout, icmp: m.type === 'gateway-icmp' })),
    ...(lb.ha ? { failover: lb.ha.failover } : {}),
    members: lb.members.map((m) => {
      const node = model.nodeByName.get(m.host) ?? model.nodes.find((n) => n.ipText === m.host)?.id ?? -1;
      members.push({ lb: li, label: `${m.host}:${m.port}`, port: m.port, ratio: m.ratio, priorityGroup: m.priorityGroup, node: node >= 0 ? model.nodes[node]!.ipText : m.host });
      host.push(node);
      return members.length - 1;
    }),
  }));
  const ing = model.scenario.platform?.ingress;
  const measure = (all: readonly LbMemberDef[]): MemberHealth => {
    const local = ingressPodsPerNode(model, pods, (n) => nodeUp[n] === 1);
    const anywhere = local.reduce((s, x) => s + x, 0);
    const podUp = (p: LivePod): number => (p.node >= 0 && nodeUp[p.node] === 1 && (p.phase === 'running' || (p.terminatedAt !== undefined && p.terminatedAt + graceMs(model, p) > sim.now)) ? 1 : 0);
    const reach = Uint8Array.from(all, (m, i) => (m.pod ? podUp(m.pod) : host[i]! >= 0 && nodeUp[host[i]!] === 1 ? 1 : 0));
    const serve = Uint8Array.from(all, (m, i) => (m.pod ? reach[i]! : reach[i] === 1 && (ing?.externalTrafficPolicy === 'Local' ? local[host[i]!]! > 0 : anywhere > 0) ? 1 : 0));
    return { reach, serve };
  };
  return new LoadBalancers(pools, members, measure, sim);
}
