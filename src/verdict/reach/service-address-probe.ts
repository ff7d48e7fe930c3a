// verdict: a probe from outside the platform to a Service's externalIP or LoadBalancer IP — routed only
// where Calico advertises it (src/verdict/trace/advertised-service.ts), then kube-proxy on each advertising
// node to each endpoint it may pick, judged by the endpoint's ingress policy on the address the packet
// carries there (the client's, or the entry node's after kube-proxy's masquerade). Pure over the run.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4, parseIpv4 } from '../../lib/ipv4.js';
import { kubeProxyChoice } from '../../model/edge/kube-proxy.js';
import { sourceSeenAt } from '../../model/edge/source-address.js';
import type { Outcome, SideExplanation } from '../../model/policy/eval/types.js';
import { endpointNamed } from '../policy/endpoint-index.js';
import type { ProbeResult } from '../policy/probes.js';
import { advertisingNodes, findServiceAddress } from '../trace/advertised-service.js';
import { serviceEndpoints } from '../trace/service-endpoints.js';
import type { ClusterPolicies, Evaluate } from './platform-probes.js';

const PROTOCOLS: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, SCTP: 132 };

/** A validated probe: its ends as given, the protocol's name and the port (null for ICMP and others). */
export type AddressProbe = Pick<ProbeResult, 'from' | 'to' | 'protocol' | 'port'>;

/**
 * The verdict on `probe` when it goes from an address outside every cluster to an externalIP or
 * LoadBalancer IP of a Service; undefined for any other probe (judged by the policy models alone). Every
 * (advertising node, kube-proxy candidate) pair is a way the connection may take (the peer's ECMP and
 * kube-proxy pick at random): `allow` or `deny` when every way agrees, else `unknown`.
 */
export function serviceAddressProbe(run: PlatformRun, clusters: readonly ClusterPolicies[], probe: AddressProbe, evaluate: Evaluate): ProbeResult | undefined {
  const client = parseIpv4(probe.from);
  return client < 0 || outsideOf(run, client) === false ? undefined : enteringServiceAddress(run, clusters, probe, evaluate);
}

/** The same judgement for a packet entering the Service's cluster from `probe.from`, wherever it was sent. */
export function enteringServiceAddress(run: PlatformRun, clusters: readonly ClusterPolicies[], probe: AddressProbe, evaluate: Evaluate): ProbeResult | undefined {
  const client = parseIpv4(probe.from);
  const dst = parseIpv4(probe.to);
  if (client < 0 || dst < 0) return undefined;
  const at = findServiceAddress(run, dst);
  const number = PROTOCOLS[probe.protocol];
  if (!at || at.kind === 'ClusterIP' || number === undefined || probe.port === null) return undefined;
  const base = { from: probe.from, to: probe.to, protocol: probe.protocol, port: probe.port };
  const outside: SideExplanation = { decided: 'not-applicable', action: 'allow', endpoint: probe.from, reasons: [`${probe.from} is outside the platform: no policy applies on this side`], trail: [] };
  const refused = (why: string): ProbeResult => ({ ...base, verdict: 'deny', egress: outside, ingress: { decided: 'not-applicable', action: 'deny', endpoint: probe.to, reasons: [why], trail: [] } });
  const a = advertisingNodes(run, at, dst, probe.port, probe.protocol);
  if (a.drop) return refused(a.drop.detail);
  const model = clusters[at.cluster]!.model;
  const endpoints = serviceEndpoints(run, at.cluster, at.svc, a.sp);
  const name = `${at.svc.namespace}/${at.svc.name}`;
  const ways: { side: SideExplanation; note: string }[] = [];
  for (const node of a.nodes) {
    const n = run.model.nodes[node]!;
    const choice = kubeProxyChoice(endpoints, { via: 'external', node, externalTrafficPolicy: at.svc.externalTrafficPolicy, internalTrafficPolicy: 'Cluster' });
    for (const e of choice.candidates) {
      const pod = endpointNamed(model, e.pod.namespace, e.pod.name);
      if (pod === undefined || e.targetPort === undefined) continue;
      // Masqueraded on the entry node: a policy on that node still sees the client (netfilter filters before POSTROUTING).
      const seen = choice.masquerade ? sourceSeenAt(client, [{ rule: 'kube-proxy-masquerade', node, to: n.ip }], e.node) : client;
      const v = evaluate(model, { src: { ip: seen }, dst: { endpoint: pod.index }, protocol: number, dstPort: e.targetPort });
      ways.push({ side: v.ingress, note: `via ${n.name}: ${choice.why}; DNAT to ${e.pod.namespace}/${e.pod.name} port ${e.targetPort}, seen from ${formatIpv4(seen)}` });
    }
  }
  if (ways.length === 0) return refused(`${a.text}, but Service ${name} has no usable endpoint: kube-proxy drops the packet`);
  const actions = new Set<Outcome>(ways.map((w) => w.side.action));
  const verdict: Outcome = actions.size === 1 ? [...actions][0]! : 'unknown';
  const first = ways.find((w) => w.side.action === 'deny') ?? ways[0]!;
  const split = actions.size > 1 ? [`the ways disagree (${ways.filter((w) => w.side.action === 'allow').length} of ${ways.length} allow): the verdict depends on the node the peer's ECMP picks and the endpoint kube-proxy picks`] : [];
  const reasons = [...(first.side.reasons ?? []), a.text, first.note, ...split];
  return { ...base, verdict, egress: outside, ingress: { ...first.side, reasons } };
}

/** False when `ip` is a node's or a running pod's address (the probe starts inside the platform). */
function outsideOf(run: PlatformRun, ip: number): boolean {
  if (run.model.nodes.some((n) => n.ip === ip)) return false;
  return !run.pods.pods.some((p) => p.ip === ip && p.phase === 'running');
}
