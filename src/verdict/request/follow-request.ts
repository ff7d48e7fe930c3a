// verdict: follows one HTTP request from a client address to a tenant pod — the entry (a load balancer VIP
// for the URL's port, else a management host's NodePort), the packet to an ingress-nginx pod (trace
// legs: VIP, member, NodePort, kube-proxy), the controller's routing and answers (308, 403, 404, 503),
// the upstream choice, and the controller's connection to the backend pod through the outer and inner walls.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { formatIpv4, parseIpv4 } from '../../lib/ipv4.js';
import type { RouteLookup } from '../../compile/edge/route-rules.js';
import { arrivingSource } from '../../model/edge/source-address.js';
import type { RouteTable } from '../../model/edge/ingress-routes.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { controllerPods } from './controller-pods.js';
import { findMetalLbVip, metallbEntry } from '../loadbalancer/metallb-entry.js';
import { routeAtController, type UrlParts } from './route-at-controller.js';
import type { HttpRequest, RequestResult } from './types.js';
import { followPacket } from '../trace/trace-packet.js';
import type { TraceEnd } from '../trace/resolve-end.js';
import type { TraceHop } from '../trace/types.js';

/** Parses the URL, or returns an error message. */
export function parseUrl(url: string): UrlParts | string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `${JSON.stringify(url)} is not a URL`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `${url}: only http and https URLs are routed`;
  const https = u.protocol === 'https:';
  // Own properties, the first value of a repeated name winning (entries applied last to first).
  const query: Record<string, string> = Object.fromEntries([...u.searchParams].reverse());
  return { https, host: u.hostname.toLowerCase(), port: u.port ? Number(u.port) : https ? 443 : 80, path: decodeURI(u.pathname), query };
}

/** Follows `req` in the run's current state. */
export function followRequest(run: PlatformRun, policies: readonly ClusterPolicies[], table: RouteTable, lookup: RouteLookup, req: HttpRequest): RequestResult | string {
  const url = parseUrl(req.url);
  if (typeof url === 'string') return url;
  const client = parseIpv4(req.from);
  if (client < 0) return `--from ${req.from}: not an IPv4 address`;
  const hops: TraceHop[] = [];
  if (table.implied) {
    hops.push({ step: 'controller', at: `ingress-nginx (implied)`, detail: `no platform in the input: an ingress-nginx controller of class ${table.className} is implied; the network before it is not modelled` });
    return routeAtController(run, policies, table, lookup, req, url, { client, hops });
  }
  const gateway = gatewayAddressed(run, url.host);
  const entry = entryPoint(run, url, client, gateway !== undefined);
  hops.push({ step: 'dns', at: url.host, detail: gateway ? `${gateway}; the edge controller serves the Gateway, so the request goes in as to its Service: ${entry.why}` : entry.why });
  if (entry.via) hops.push(entry.via);
  if (entry.via?.step === 'drop') return { url: req.url, status: null, route: null, backend: null, hops, disposition: 'dropped' };
  const clientEnd: TraceEnd = { text: req.from, kind: 'address', cluster: -1, node: -1, ip: client };
  const way = followPacket(run, policies, clientEnd, entry.end, { protocol: 6, port: entry.port, size: 64 }, 'TCP');
  hops.push(...way.hops.filter((h) => h.step !== 'deliver'));
  const pod = way.to?.pod;
  const controllers = controllerPods(run);
  if (way.disposition !== 'delivered' || !pod || !controllers.includes(pod)) {
    const why = way.disposition === 'delivered' ? `the connection reached ${way.to?.text ?? '?'}, not an ingress-nginx pod` : `the connection never reaches the controller (${way.dropReason ?? way.disposition})`;
    return { url: req.url, status: null, route: null, backend: null, hops: [...hops, { step: 'drop', at: way.to?.text ?? url.host, detail: why }], disposition: 'dropped' };
  }
  const seen = arrivingSource(way.source.ip, way.source.changes);
  const at = `${run.model.clusters[pod.cluster]!.name}/${pod.namespace}/${pod.name}`;
  const listener = pod.base.ports.find((p) => p.containerPort === way.port)?.name;
  const wrong = listenerMismatch(listener, way.port, url.https);
  if (wrong) return { url: req.url, status: wrong.status, route: null, backend: null, hops: [...hops, { step: wrong.status === null ? 'drop' : 'answer', at, detail: wrong.detail }], disposition: wrong.status === null ? 'dropped' : 'answered' };
  hops.push({ step: 'controller', at, detail: `ingress-nginx accepts ${url.https ? 'TLS' : 'HTTP'} from ${formatIpv4(seen)}: ${req.method} Host ${url.host} ${url.path}` });
  return routeAtController(run, policies, table, lookup, req, url, { client: seen, hops, pod });
}

/**
 * The request's scheme against the controller port the connection reached (its `http` or `https`
 * container port, as a load balancer's member port or a NodePort led it there): plain HTTP on the TLS
 * listener gets nginx's 497, answered as 400 "The plain HTTP request was sent to HTTPS port"
 * (ngx_http_request.c, ngx_http_special_response.c); a TLS ClientHello on the plain listener is a bad
 * request line, answered with a plain-text 400 the client's TLS layer cannot read (no HTTP status).
 */
function listenerMismatch(listener: string | undefined, port: number | undefined, https: boolean): { status: number | null; detail: string } | undefined {
  if (!https && listener === 'https') return { status: 400, detail: `400: plain HTTP reached ingress-nginx's TLS listener (port ${port}): "The plain HTTP request was sent to HTTPS port" (nginx's 497)` };
  if (https && listener === 'http') return { status: null, detail: `the TLS handshake fails: the connection reached ingress-nginx's plain HTTP listener (port ${port}), which answers the ClientHello with a 400 the client cannot read` };
  return undefined;
}

/** The Gateway (accepted) whose spec or status addresses hold `host`, in words; undefined when none does. */
function gatewayAddressed(run: PlatformRun, host: string): string | undefined {
  for (const c of run.model.clusters) {
    for (const g of c.spec.gateways ?? []) {
      const a = g.unsupportedAddress === undefined ? g.addresses?.find((x) => x.value === host) : undefined;
      if (a) return `${host} is an address of Gateway ${g.namespace}/${g.name} (${a.from}.addresses, ${a.type})`;
    }
  }
  return undefined;
}

/**
 * A URL port no VIP serves while the platform has VIPs: the host resolves to the first balancer's first VIP
 * (F5, then MetalLB), and a virtual server listens only on its own port, so the connection is refused (BIG-IP
 * resets a SYN to an address and port no virtual server holds; MetalLB's address has only the Service's ports).
 */
function refusedAtVip(run: PlatformRun, url: UrlParts): { address: string; why: string; detail: string } | undefined {
  const vips = [...run.model.loadBalancers, ...run.model.metalLbs].flatMap((lb) => lb.vips.map((v) => ({ lb: lb.name, ...v })));
  const first = vips[0];
  if (!first) return undefined;
  const ports = [...new Set(vips.filter((v) => v.address === first.address).map((v) => v.port))].sort((a, b) => a - b);
  return {
    address: first.address,
    why: `${url.host} resolves to ${first.lb}'s VIP ${first.address} (calisim assumes every Ingress host points at the platform's first VIP when no VIP serves port ${url.port})`,
    detail: `connection refused: no virtual server of ${first.address} listens on port ${url.port} (it serves ${ports.join(', ')})`,
  };
}

/** Where the URL's host leads: an address in the URL, a VIP on the URL's port (F5, then MetalLB: `via` the
 *  node it enters at, or a drop), a refusal at a VIP address when none serves the port, else a NodePort of a
 *  management host (a platform without balancers). */
function entryPoint(run: PlatformRun, url: UrlParts, client: number, toGateway: boolean): { end: TraceEnd; port: number; why: string; via?: TraceHop } {
  const { model } = run;
  const literal = parseIpv4(url.host);
  const address = (ip: number, text: string): TraceEnd => {
    const n = model.nodes.find((x) => x.ip === ip);
    return n ? { text: n.name, kind: 'node', cluster: n.cluster, node: n.id, ip } : { text, kind: 'address', cluster: -1, node: -1, ip };
  };
  if (literal >= 0 && !toGateway) return { end: address(literal, url.host), port: url.port, why: `the URL names the address ${url.host}` };
  for (const lb of model.loadBalancers) {
    const vip = lb.vips.find((v) => v.port === url.port);
    if (vip) return { end: address(parseIpv4(vip.address), vip.address), port: url.port, why: `${url.host} resolves to ${lb.name}'s VIP ${vip.address} (calisim assumes every Ingress host points at the first VIP serving port ${url.port})` };
  }
  const ing = model.scenario.platform!.ingress;
  const ml = findMetalLbVip(run, url.port);
  if (ml) {
    const spec = model.metalLbs[ml.lb]!;
    const vip = spec.vips[ml.vip]!;
    const { node, hop } = metallbEntry(run, ml.lb, ml.vip, client);
    const n = model.nodes[Math.max(0, node)]!;
    // kube-proxy handles a LoadBalancer IP with the same external chain as the NodePort (KUBE-EXT): calisim follows the NodePort.
    const port = url.https ? ing.httpsNodePort : ing.httpNodePort;
    return { end: address(n.ip, n.name), port, why: `${url.host} resolves to ${spec.name}'s VIP ${vip.address} (MetalLB, ${spec.metallb?.mode ?? 'l2'}); kube-proxy there treats it as the ingress Service's NodePort ${port}`, via: hop };
  }
  const refused = refusedAtVip(run, url);
  if (refused) return { end: address(parseIpv4(refused.address), refused.address), port: url.port, why: refused.why, via: { step: 'drop', at: refused.address, detail: refused.detail } };
  const host = model.clusters[model.management]!.nodes.find((id) => run.nodeUp[id] === 1) ?? model.clusters[model.management]!.nodes[0]!;
  const port = url.https ? ing.httpsNodePort : ing.httpNodePort;
  const n = model.nodes[host]!;
  return { end: address(n.ip, n.name), port, why: `no load balancer serves port ${url.port}: ${url.host} resolves to ${n.name} (${n.ipText}), NodePort ${port}` };
}
