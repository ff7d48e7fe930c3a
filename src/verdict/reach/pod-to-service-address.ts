// verdict: a probe from a pod to a Service's externalIP or LoadBalancer IP. In the Service's own cluster
// kube-proxy on the pod's node DNATs it to one of the Service's endpoints; each endpoint it may pick is a way,
// judged by the source pod's egress and the endpoint's ingress policy after DNAT. From another cluster the
// packet leaves by routing and enters as outside traffic (service-address-probe), from the address it
// arrives with. Pure over the run.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4, parseIpv4 } from '../../lib/ipv4.js';
import { kubeProxyChoice } from '../../model/edge/kube-proxy.js';
import { arrivingSource, sourceChanges } from '../../model/edge/source-address.js';
import type { Outcome, SideExplanation, Verdict } from '../../model/policy/eval/types.js';
import { endpointNamed } from '../policy/endpoint-index.js';
import type { ProbeResult } from '../policy/probes.js';
import { findServiceAddress } from '../trace/advertised-service.js';
import { serviceEndpoints } from '../trace/service-endpoints.js';
import type { ClusterPolicies, Evaluate } from './platform-probes.js';
import { enteringServiceAddress } from './service-address-probe.js';

const PROTOCOLS: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, SCTP: 132 };

/** The probe's source pod: its cluster and `namespace/name` there. */
export interface ProbeSource {
  readonly cluster: number;
  readonly rest: string;
}

/**
 * The verdict on `probe` (already judged by the source cluster's policy model alone) when it goes from a pod
 * to an externalIP or LoadBalancer IP; undefined for any other destination. kube-proxy's iptables proxier
 * (syncProxyRules, the service's KUBE-EXT chain) sends a pod's packet to such an address to the Service's
 * cluster-wide endpoints: with externalTrafficPolicy Cluster it marks it for masquerade, so an endpoint on
 * another node sees the pod's node address; with Local, "pod traffic for external destinations" jumps to the
 * cluster chain unmasqueraded, so every endpoint sees the pod. The pod's egress policy runs before the
 * masquerade (POSTROUTING), on the pod's own address, as does an endpoint's on the pod's node.
 */
export function podToServiceAddress(run: PlatformRun, clusters: readonly ClusterPolicies[], probe: ProbeResult, from: ProbeSource, evaluate: Evaluate): ProbeResult | undefined {
  const dst = parseIpv4(probe.to);
  const at = dst < 0 ? undefined : findServiceAddress(run, dst);
  const number = PROTOCOLS[probe.protocol];
  if (!at || at.kind === 'ClusterIP' || number === undefined || probe.port === null) return undefined;
  const model = clusters[from.cluster]!.model;
  const slash = from.rest.indexOf('/');
  const src = endpointNamed(model, from.rest.slice(0, slash), from.rest.slice(slash + 1));
  const live = run.pods.pods.find((p) => p.cluster === from.cluster && p.phase === 'running' && p.namespace === src?.namespace && p.name === src.name);
  if (!src || !live || live.ip < 0) return undefined;
  if (at.cluster !== from.cluster) return fromAnotherCluster(run, clusters, probe, live, evaluate);
  const sp = at.svc.ports.find((x) => x.port === probe.port && x.protocol === probe.protocol);
  const name = `Service ${at.svc.namespace}/${at.svc.name}`;
  const what = `${probe.to} is the ${at.kind} of ${name}`;
  if (!sp) return undefined;
  const zone = run.model.nodes[live.node]!.labels['topology.kubernetes.io/zone'];
  const choice = kubeProxyChoice(serviceEndpoints(run, at.cluster, at.svc, sp), { via: 'internal', node: live.node, ...(zone !== undefined ? { zone } : {}), externalTrafficPolicy: at.svc.externalTrafficPolicy, internalTrafficPolicy: 'Cluster' });
  const node = run.model.nodes[live.node]!;
  const masquerade = at.svc.externalTrafficPolicy === 'Cluster';
  const ways = choice.candidates.flatMap((e) => {
    const pod = endpointNamed(model, e.pod.namespace, e.pod.name);
    if (pod === undefined || e.targetPort === undefined) return [];
    const packet = { dst: { endpoint: pod.index }, protocol: number, dstPort: e.targetPort };
    const own = evaluate(model, { src: { endpoint: src.index }, ...packet });
    const masqueraded = masquerade && e.node !== live.node;
    const v = masqueraded ? combine(own.egress, evaluate(model, { src: { ip: node.ip }, ...packet }).ingress) : own;
    const seen = masqueraded ? `masqueraded to ${formatIpv4(node.ip)} (externalTrafficPolicy Cluster)` : masquerade ? 'an endpoint on its own node sees the pod' : 'source kept (externalTrafficPolicy Local)';
    return [{ v, note: `kube-proxy on ${node.name} DNATs it to ${e.pod.namespace}/${e.pod.name} port ${e.targetPort} (cluster-wide for a pod's packet, ${choice.why}), ${seen}` }];
  });
  if (ways.length === 0) {
    const why = `${what}, but it has no usable endpoint: kube-proxy rejects the connection`;
    return { ...probe, verdict: 'deny', ingress: { decided: 'not-applicable', action: 'deny', endpoint: probe.to, reasons: [why], trail: [] } };
  }
  const outcomes = new Set<Outcome>(ways.map((w) => w.v.verdict));
  const first = ways.find((w) => w.v.verdict === 'deny') ?? ways[0]!;
  const split = outcomes.size > 1 ? [`the endpoints disagree (${ways.filter((w) => w.v.verdict === 'allow').length} of ${ways.length} allow): the verdict depends on the endpoint kube-proxy picks`] : [];
  const verdict: Outcome = outcomes.size === 1 ? [...outcomes][0]! : 'unknown';
  return { ...probe, verdict, egress: first.v.egress, ingress: { ...first.v.ingress, reasons: [...(first.v.ingress.reasons ?? []), what, first.note, ...split] } };
}

/** One way's verdict from its two sides. */
function combine(egress: SideExplanation, ingress: SideExplanation): Verdict {
  const verdict: Outcome = egress.action === 'deny' || ingress.action === 'deny' ? 'deny' : egress.action === 'unknown' || ingress.action === 'unknown' ? 'unknown' : 'allow';
  return { verdict, egress, ingress };
}

/** Another cluster's Service address: the source's egress as judged, then the outside path from the arriving address. */
function fromAnotherCluster(run: PlatformRun, clusters: readonly ClusterPolicies[], probe: ProbeResult, live: { ip: number; node: number; cluster: number }, evaluate: Evaluate): ProbeResult | undefined {
  const arriving = arrivingSource(live.ip, sourceChanges(run.model, { ip: live.ip, node: live.node, cluster: live.cluster, pod: true }, parseIpv4(probe.to)));
  const outside = enteringServiceAddress(run, clusters, { from: formatIpv4(arriving), to: probe.to, protocol: probe.protocol, port: probe.port }, evaluate);
  if (!outside) return undefined;
  const verdict: Outcome = probe.egress.action === 'deny' || outside.verdict === 'deny' ? 'deny' : probe.egress.action === 'unknown' || outside.verdict === 'unknown' ? 'unknown' : 'allow';
  const reasons = [...(outside.ingress.reasons ?? []), `the packet leaves ${run.model.clusters[live.cluster]!.name} by routing and arrives from ${formatIpv4(arriving)}`];
  return { ...probe, verdict, ingress: { ...outside.ingress, reasons } };
}
