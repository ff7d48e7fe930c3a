// verdict: the leg from an F5 balancer in cluster mode to its member pod — the BIG-IP is on the pod network
// (CIS cluster mode: a VXLAN tunnel to the nodes or BGP routes from Calico), so it sends to the pod's address
// and target port itself: no NodePort and no kube-proxy (externalTrafficPolicy does not apply); the pod's
// ingress policy then judges the source it sees (the balancer's SNAT address, or the client's without SNAT).
import type { LivePod } from '../../engine/platform/pod-table.js';
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { podEnd, type TraceEnd } from './resolve-end.js';
import { traceLeg, type LegPacket, type LegResult, type LegSource } from './trace-leg.js';

export function toPodMember(run: PlatformRun, policies: readonly ClusterPolicies[], pod: LivePod, pkt: LegPacket, source: LegSource): LegResult {
  const node = run.model.nodes[pod.node]!;
  const hop = {
    step: 'underlay' as const,
    at: node.name,
    detail: `cluster mode: the BIG-IP sends to pod ${pod.namespace}/${pod.name} at ${formatIpv4(pod.ip)}:${pkt.port ?? '-'} over the pod network (its tunnel or BGP route to ${node.name}); no NodePort, no kube-proxy`,
  };
  const balancer: TraceEnd = { text: 'the balancer', kind: 'address', cluster: -1, node: -1, ip: source.ip };
  const leg = traceLeg(run, policies, balancer, podEnd(pod), pkt, source);
  return { ...leg, hops: [hop, ...leg.hops] };
}
