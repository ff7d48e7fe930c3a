// verdict: the service stages of a packet's way — a load balancer's VIP choosing a healthy member, and
// kube-proxy at a node turning a NodePort or ClusterIP connection into one endpoint (DNAT, and SNAT to the
// node for external traffic with externalTrafficPolicy Cluster).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import { formatIpv4, parseIpv4 } from '../../lib/ipv4.js';
import type { AffinityOutcome } from '../../model/edge/client-ip-affinity.js';
import { kubeProxyChoice, pickEndpoint } from '../../model/edge/kube-proxy.js';
import type { SourceChange } from '../../model/edge/source-address.js';
import type { LoadBalancerSpec, ServicePortSpec, ServiceSpec } from '../../scenario/types.js';
import { serviceEndpoints, type ServiceEndpoint } from './service-endpoints.js';
import { sessionAffinityOf } from './session-affinity-state.js';
import { natHop } from './trace-hops.js';
import type { DropReason, TraceHop } from './types.js';

/** A stage's outcome: hops, and either a drop or where the packet goes next. */
export type StageResult<T> = { readonly hops: TraceHop[]; readonly drop: { readonly reason: DropReason; readonly at: string; readonly detail: string } } | ({ readonly hops: TraceHop[]; readonly drop?: undefined } & T);

/** The load balancer and VIP listening on `ip:port`, if any. */
export function findVip(run: PlatformRun, ip: number, port: number | undefined): { lb: LoadBalancerSpec; index: number } | 'address-only' | undefined {
  let addressOnly = false;
  for (const [index, lb] of run.model.loadBalancers.entries()) {
    for (const v of lb.vips) {
      if (parseIpv4(v.address) !== ip) continue;
      if (v.port === port) return { lb, index };
      addressOnly = true;
    }
  }
  return addressOnly ? 'address-only' : undefined;
}

/**
 * The VIP stage (BIG-IP semantics): the balancer needs an active unit; new connections go to the members in
 * service (monitored up, not disabled) of the active priority groups, in the method's shares. Source-address
 * persistence picks by the client's address; for the other methods the member depends on the connections
 * before, so calisim shows the first member with the largest share. With SNAT automap the member sees the
 * load balancer's address (calisim uses the VIP). A NodePort member is a node and its NodePort (the VIP's
 * `memberPort` when it has one: its own pool of the same members, whose health they share); a cluster-mode
 * member is a pod and its target port (CIS --pool-member-type=cluster), reached without kube-proxy.
 */
export function vipStage(run: PlatformRun, lbIndex: number, vipIp: number, port: number, client: number): StageResult<{ node: number; memberPort: number; pod?: LivePod; change?: SourceChange }> {
  const lb = run.model.loadBalancers[lbIndex]!;
  const pool = run.monitors.pools[lbIndex]!.members.filter((m) => run.monitors.listed(m)).map((m) => ({ m, def: run.monitors.members[m]! }));
  const mode = lb.cluster ? `cluster mode, ${pool.length} pod member(s)` : `${pool.length} member(s)`;
  const hops: TraceHop[] = [{ step: 'vip', at: lb.name, detail: `VIP ${formatIpv4(vipIp)}:${port} of ${lb.name} (${lb.method}, ${mode})` }];
  if (!run.monitors.available(lbIndex)) return { hops, drop: { reason: 'lb-unavailable', at: lb.name, detail: `${lb.name} has no active unit (the device failed${lb.ha ? ' and the standby has not taken over yet' : ''}): the VIP does not answer` } };
  const shares = run.monitors.shares(lbIndex);
  const at = new Map(run.monitors.pools[lbIndex]!.members.map((m, i) => [m, i]));
  const serving = pool.map((x) => ({ ...x, share: shares[at.get(x.m)!]! })).filter((x) => x.share > 0);
  const types = [...new Set(lb.monitors.map((m) => m.type))].join('+');
  if (serving.length === 0) return { hops, drop: { reason: 'lb-unavailable', at: lb.name, detail: `no member of ${lb.name} is in service (down by its ${types} monitor or disabled): the VIP refuses connections` } };
  const best = serving.reduce((a, b) => (b.share > a.share ? b : a));
  const chosen = lb.method === 'source-address' ? pickEndpoint(serving, client)! : best;
  const how = lb.method === 'source-address' ? 'source-address persistence: chosen by a hash of the client address' : `${lb.method} sends each new connection by its turn; calisim shows the first member with the largest share`;
  // A VIP with its own pool (AS3: one pool per virtual server) sends to the members at its member port.
  const own = lb.vips.find((v) => parseIpv4(v.address) === vipIp && v.port === port)?.memberPort;
  const hostOf = (label: string): string => label.slice(0, label.lastIndexOf(':'));
  const label = (l: string): string => (own === undefined ? l : `${hostOf(l)}:${own}`);
  const pct = (x: number): string => `${+(x * 100).toFixed(1)}%`;
  const split = serving.map((x) => `${label(x.def.label)} ${pct(x.share)}`).join(', ');
  const pod = chosen.def.pod;
  const who = pod ? ` (pod ${pod.namespace}/${pod.name})` : '';
  hops.push({ step: 'lb-member', at: lb.name, detail: `member ${label(chosen.def.label)}${who}, ${serving.length} of ${pool.length} in service (${split}): ${how}` });
  const memberPort = own ?? chosen.def.port;
  const host = hostOf(chosen.def.label);
  const node = pod ? pod.node : (run.model.nodeByName.get(host) ?? run.model.nodes.find((n) => n.ipText === host)?.id ?? -1);
  if (node < 0) return { hops, drop: { reason: 'no-route', at: lb.name, detail: `member ${host} is not a node of the platform` } };
  const target = pod ? { pod } : {};
  if (lb.snat === 'none') return { hops, node, memberPort, ...target };
  const change: SourceChange = { rule: 'lb-snat', node: -1, to: vipIp };
  hops.push(natHop(run, change, lb.name));
  return { hops, node, memberPort, ...target, change };
}

/** The Service and port behind a NodePort of `node`'s cluster. */
export function findNodePort(run: PlatformRun, node: number, port: number, protocol: string): { svc: ServiceSpec; sp: ServicePortSpec } | undefined {
  const c = run.model.clusters[run.model.nodes[node]!.cluster]!;
  for (const svc of c.services) {
    if (svc.type !== 'NodePort' && svc.type !== 'LoadBalancer') continue;
    const sp = svc.ports.find((x) => x.nodePort === port && x.protocol === protocol);
    if (sp) return { svc, sp };
  }
  return undefined;
}

/** How a Service address was named: its ClusterIP, one of its externalIPs, or its LoadBalancer IP. */
export type ServiceAddressKind = 'ClusterIP' | 'externalIP' | 'LoadBalancer IP';

/** The Service and port whose ClusterIP, externalIP or LoadBalancer IP is `ip:port` in `cluster`. */
export function findClusterIp(
  run: PlatformRun,
  cluster: number,
  ip: number,
  port: number | undefined,
  protocol: string,
): { svc: ServiceSpec; sp: ServicePortSpec | undefined; kind: ServiceAddressKind } | undefined {
  for (const svc of run.model.clusters[cluster]?.services ?? []) {
    const kind = serviceAddressKind(svc, ip);
    if (kind) return { svc, sp: svc.ports.find((x) => x.port === port && x.protocol === protocol), kind };
  }
  return undefined;
}

/** Which of `svc`'s addresses `ip` is (a headless or ExternalName Service has none: kube-proxy ignores it). */
export function serviceAddressKind(svc: ServiceSpec, ip: number): ServiceAddressKind | undefined {
  if (svc.type === 'ExternalName') return undefined;
  if (svc.clusterIP !== undefined && parseIpv4(svc.clusterIP) === ip) return 'ClusterIP';
  if (svc.externalIPs?.some((a) => parseIpv4(a) === ip)) return 'externalIP';
  if (svc.type === 'LoadBalancer' && svc.loadBalancerIP !== undefined && parseIpv4(svc.loadBalancerIP) === ip) return 'LoadBalancer IP';
  return undefined;
}

/** kube-proxy at `node` for a connection from `client` to the Service: the endpoint, its port and any SNAT. */
export function kubeProxyStage(
  run: PlatformRun,
  node: number,
  svc: ServiceSpec,
  sp: ServicePortSpec,
  via: 'external' | 'internal',
  client: number,
  clusterIpTraffic = via === 'internal',
): StageResult<{ endpoint: ServiceEndpoint; targetPort: number; change?: SourceChange }> {
  const n = run.model.nodes[node]!;
  const endpoints = serviceEndpoints(run, n.cluster, svc, sp);
  const zone = n.labels['topology.kubernetes.io/zone'];
  // internalTrafficPolicy applies to ClusterIP traffic only: a pod's connection to an externalIP or a
  // LoadBalancer IP short-circuits to the cluster-wide chain (kube-proxy's iptables proxier, KUBE-EXT).
  const internalTrafficPolicy = clusterIpTraffic ? (svc.internalTrafficPolicy ?? 'Cluster') : 'Cluster';
  const choice = kubeProxyChoice(endpoints, { via, node, ...(zone !== undefined ? { zone } : {}), externalTrafficPolicy: svc.externalTrafficPolicy, internalTrafficPolicy });
  const hops: TraceHop[] = [];
  const name = `${svc.namespace}/${svc.name}`;
  // The `recent` lists live in each node's kernel: a client that enters at another node has no entry there.
  const { ep, affinity } = chooseEndpoint(run, `${n.name}/${name}`, svc, choice.candidates, client);
  if (!ep || ep.targetPort === undefined) {
    hops.push({ step: 'kube-proxy', at: n.name, detail: `Service ${name} port ${sp.port}: ${choice.why}` });
    return { hops, drop: { reason: 'no-such-endpoint', at: n.name, detail: ep ? `endpoint ${ep.pod.name} has no container port ${String(sp.targetPort)}` : `Service ${name} has no usable endpoint here: kube-proxy drops the packet` } };
  }
  hops.push({
    step: 'kube-proxy',
    at: n.name,
    detail: `Service ${name} port ${sp.port}: ${choice.why}; DNAT to ${ep.pod.namespace}/${ep.pod.name} ${formatIpv4(ep.pod.ip)}:${ep.targetPort}${terminatingText(ep)} (${affinity})`,
    outerDst: `${formatIpv4(ep.pod.ip)}:${ep.targetPort}`,
  });
  if (!choice.masquerade) return { hops, endpoint: ep, targetPort: ep.targetPort };
  const change: SourceChange = { rule: 'kube-proxy-masquerade', node, to: n.ip };
  hops.push(natHop(run, change));
  return { hops, endpoint: ep, targetPort: ep.targetPort, change };
}

/** A terminating endpoint's state, as the EndpointSlice shows it. */
function terminatingText(ep: ServiceEndpoint): string {
  if (!ep.terminating) return '';
  return `, a terminating endpoint (serving, not ready; its pod exits in ${Math.ceil((ep.graceLeftMs ?? 0) / 1000)} s)`;
}

/**
 * How kube-proxy chooses among the candidates: at random per connection, or with `sessionAffinity:
 * ClientIP` the endpoint this client last used for `timeoutSeconds` (default 10800, the iptables `recent`
 * match, one table per node: `key` names the node and the Service). calisim picks by a hash of the client address, so a trace repeats; when the run tracks affinity
 * (`request` with times), a client's later connections go back to its endpoint while the entry holds.
 */
function chooseEndpoint(run: PlatformRun, key: string, svc: ServiceSpec, candidates: readonly ServiceEndpoint[], client: number): { ep: ServiceEndpoint | undefined; affinity: string } {
  if (svc.sessionAffinity !== 'ClientIP') return { ep: pickEndpoint(candidates, client), affinity: 'kube-proxy picks at random per connection; calisim by a hash of the client address' };
  const timeout = svc.sessionAffinityTimeout ?? 10800;
  const pinned = `sessionAffinity ClientIP: every connection from ${formatIpv4(client)} goes to this endpoint for ${timeout} s after its last one`;
  const table = sessionAffinityOf(run);
  if (!table) return { ep: pickEndpoint(candidates, client), affinity: pinned };
  const { endpoint, outcome } = table.pick(key, client, candidates, run.sim.now, timeout, (c) => pickEndpoint(c, client));
  return { ep: endpoint, affinity: `${AFFINITY_WORDS[outcome]}; ${pinned}` };
}

const AFFINITY_WORDS: Readonly<Record<AffinityOutcome, string>> = {
  pinned: 'the endpoint this client used last (its affinity entry is fresh)',
  new: 'no affinity entry yet: balanced, and the client is pinned from now on',
  expired: 'the affinity entry expired: balanced afresh',
  'endpoint-gone': 'the endpoint this client was pinned to left the Service, and its affinity entry with it: balanced afresh',
};
