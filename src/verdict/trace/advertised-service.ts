// verdict: a Service address reached from outside the cluster — routed to a node only where Calico
// advertises it over BGP (BGPConfiguration serviceClusterIPs / serviceExternalIPs / serviceLoadBalancerIPs
// to the cluster's external peers) — and kube-proxy's health-check NodePort answering on a node.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { cidrContains, formatIpv4, parseCidr } from '../../lib/ipv4.js';
import { readBgpGlobals } from '../../model/bgp/bgp-globals.js';
import { pickEndpoint } from '../../model/edge/kube-proxy.js';
import type { ServicePortSpec, ServiceSpec } from '../../scenario/types.js';
import { serviceAddressKind, type ServiceAddressKind, type StageResult } from './service-entry.js';
import { serviceEndpoints } from './service-endpoints.js';
import type { TraceHop } from './types.js';

/** The Service an address belongs to, in any cluster. */
export function findServiceAddress(run: PlatformRun, ip: number): { cluster: number; svc: ServiceSpec; kind: ServiceAddressKind } | undefined {
  for (const c of run.model.clusters) {
    for (const svc of c.services) {
      const kind = serviceAddressKind(svc, ip);
      if (kind) return { cluster: c.id, svc, kind };
    }
  }
  return undefined;
}

/** Where outside traffic to a Service address can arrive: the advertising nodes, or why nowhere. */
export type Advertised = { readonly drop: { readonly reason: 'no-route' | 'no-such-endpoint'; readonly at: string; readonly detail: string } } | { readonly drop?: undefined; readonly nodes: readonly number[]; readonly sp: ServicePortSpec; readonly text: string };

/**
 * Calico's service advertisement (calico-node's route generator): an address inside the BGPConfiguration
 * range for its kind is advertised to the BGP peers — the whole range from every node for a Service with
 * externalTrafficPolicy Cluster, a /32 only from the nodes running a ready endpoint with Local. The
 * outside reaches it through the cluster's external peers, which ECMP over the advertising nodes.
 */
export function advertisingNodes(run: PlatformRun, at: { cluster: number; svc: ServiceSpec; kind: ServiceAddressKind }, ip: number, port: number | undefined, protocol: string): Advertised {
  const c = run.model.clusters[at.cluster]!;
  const name = `Service ${at.svc.namespace}/${at.svc.name}`;
  const g = readBgpGlobals(c.spec.calico, []);
  const field = at.kind === 'ClusterIP' ? 'serviceClusterIPs' : at.kind === 'externalIP' ? 'serviceExternalIPs' : 'serviceLoadBalancerIPs';
  const range = g[field].find((r) => {
    const cidr = parseCidr(r);
    return cidr !== undefined && cidrContains(cidr, ip);
  });
  const what = `${formatIpv4(ip)} is the ${at.kind} of ${name} in ${c.name}`;
  if (range === undefined) return { drop: { reason: 'no-route', at: c.name, detail: `${what}, but no BGPConfiguration ${field} range holds it: Calico does not advertise it, so it is not routed from outside` } };
  if (c.spec.calico.peers.length === 0) return { drop: { reason: 'no-route', at: c.name, detail: `${what}, advertised by Calico (${field} ${range}) but ${c.name} has no external BGP peer to carry it outside` } };
  const sp = at.svc.ports.find((x) => x.port === port && x.protocol === protocol);
  if (!sp) return { drop: { reason: 'no-such-endpoint', at: c.name, detail: `${name} has no ${protocol} port ${port ?? '-'}` } };
  const up = c.nodes.filter((n) => run.nodeUp[n] === 1);
  const local = at.svc.externalTrafficPolicy === 'Local';
  const withEndpoint = new Set(serviceEndpoints(run, at.cluster, at.svc, sp).filter((e) => e.ready).map((e) => e.node));
  const nodes = local ? up.filter((n) => withEndpoint.has(n)) : up;
  const how = local ? `${formatIpv4(ip)}/32 from the ${nodes.length} node(s) with a ready endpoint (externalTrafficPolicy Local)` : `${range} from every node (${nodes.length} up)`;
  if (nodes.length === 0) return { drop: { reason: 'no-route', at: c.name, detail: `${what}: no node advertises it (externalTrafficPolicy Local and no node runs a ready endpoint)` } };
  return { nodes, sp, text: `${what}: Calico advertises ${how} (${field})` };
}

/** The advertisement as a trace stage: the peer's ECMP picks one advertising node (calisim by a hash of the client address). */
export function advertisedStage(
  run: PlatformRun,
  at: { cluster: number; svc: ServiceSpec; kind: ServiceAddressKind },
  ip: number,
  port: number | undefined,
  protocol: string,
  client: number,
): StageResult<{ node: number; sp: ServicePortSpec }> {
  const a = advertisingNodes(run, at, ip, port, protocol);
  if (a.drop) return { hops: [], drop: a.drop };
  const node = pickEndpoint(a.nodes, client)!;
  const hops: TraceHop[] = [{ step: 'bgp', at: run.model.clusters[at.cluster]!.name, detail: `${a.text}; the peer's ECMP sends it to ${run.model.nodes[node]!.name} (calisim by a hash of the client address)` }];
  return { hops, node, sp: a.sp };
}

/**
 * kube-proxy's health server for a LoadBalancer Service with externalTrafficPolicy Local, on its
 * healthCheckNodePort (pkg/proxy/healthcheck/service_health.go): `/healthz` answers 200 while the node
 * has a ready endpoint of the Service, else 503, with `{"service":{...},"localEndpoints":N}`.
 */
export function healthCheckAnswer(run: PlatformRun, node: number, port: number): TraceHop | undefined {
  const n = run.model.nodes[node]!;
  const svc = run.model.clusters[n.cluster]!.services.find((s) => s.healthCheckNodePort === port);
  if (!svc) return undefined;
  const pods = new Set<number>();
  for (const sp of svc.ports) for (const e of serviceEndpoints(run, n.cluster, svc, sp)) if (e.ready && e.node === node) pods.add(e.id);
  const status = pods.size > 0 ? '200 OK' : '503 Service Unavailable';
  return { step: 'health-check', at: n.name, detail: `healthCheckNodePort ${port} of Service ${svc.namespace}/${svc.name}: kube-proxy answers ${status} {"service":{"namespace":"${svc.namespace}","name":"${svc.name}"},"localEndpoints":${pods.size}}` };
}
