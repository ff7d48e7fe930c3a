// verdict: what ingress-nginx does with a request it accepted — the rule or default backend that matches,
// the 308 / 403 / 404 / 503 it answers itself, canary selection, the upstream endpoint (the pod endpoints
// directly, or the ClusterIP through kube-proxy with service-upstream; an ExternalName Service's DNS name),
// and the controller pod's own connection to that pod through the outer and inner walls (504 when the walls
// drop it).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import { formatIpv4 } from '../../lib/ipv4.js';
import type { RouteLookup } from '../../compile/edge/route-rules.js';
import { canaryKey, type IngressRoute, type RouteTable } from '../../model/edge/ingress-routes.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import type { TraceHop } from '../trace/types.js';
import { chooseCanary, redirectsToHttps, sourceRefusal } from './nginx-choice.js';
import type { HttpRequest, MatchedRoute, RequestBackend, RequestResult } from './types.js';
import { externalNameUpstream } from './external-name.js';
import { routeAtGateway } from './route-at-gateway.js';
import { upstreamToPod } from './upstream-to-pod.js';

/** The parts of a URL routing needs. */
export interface UrlParts {
  readonly https: boolean;
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** Query parameters (the first value of each name). */
  readonly query: Readonly<Record<string, string>>;
}

/** The controller's side: `client` is the address nginx sees, `pod` the controller pod (none when implied). */
export function routeAtController(
  run: PlatformRun,
  policies: readonly ClusterPolicies[],
  table: RouteTable,
  lookup: RouteLookup,
  req: HttpRequest,
  url: UrlParts,
  at: { client: number; hops: TraceHop[]; pod?: LivePod },
): RequestResult {
  const { hops } = at;
  const where = at.pod ? `${at.pod.namespace}/${at.pod.name}` : 'ingress-nginx';
  const answer = (status: number, detail: string, route: MatchedRoute | null, backend: RequestBackend | null): RequestResult => {
    hops.push({ step: 'answer', at: where, detail: `${status}: ${detail}` });
    return { url: req.url, status, route, backend, hops, disposition: 'answered' };
  };
  // ingress-nginx terminates TLS with the host's certificate: one that does not verify (expired, or its CA no
  // longer trusted) fails the handshake before any HTTP is spoken, so no status comes back (issue 19).
  const tls = url.https ? run.pki.effects.httpsFailure(url.host) : undefined;
  if (tls !== undefined) {
    hops.push({ step: 'tls', at: where, detail: tls });
    return { url: req.url, status: null, route: null, backend: null, hops, disposition: 'dropped' };
  }
  // A Gateway listener and HTTPRoute that take the request route it; anything else falls to the Ingresses.
  const viaGateway = routeAtGateway(run, policies, req, url, at, where);
  if (viaGateway) return viaGateway;
  const m = lookup(url.host, url.path);
  let r: IngressRoute | undefined = m.rule >= 0 ? table.routes[m.rule] : undefined;
  const route: MatchedRoute | null = r ? { kind: 'Ingress', namespace: r.ingress.namespace, name: r.ingress.name, host: r.host ?? null, path: r.path.path, pathType: r.path.pathType } : null;
  if (!r) {
    r = table.fallbacks.get(m.server ?? '');
    const server = m.server ?? 'the catch-all server';
    if (!r) {
      hops.push({ step: 'route', at: where, detail: `no rule of ${server} matches ${url.path}, and no Ingress gives it a defaultBackend` });
      return answer(404, "the controller's default backend answers", null, null);
    }
    hops.push({ step: 'route', at: where, detail: `no rule of ${server} matches ${url.path}: Ingress ${r.ingress.namespace}/${r.ingress.name}'s defaultBackend` });
  } else {
    hops.push({ step: 'route', at: where, detail: `Ingress ${r.ingress.namespace}/${r.ingress.name} (${run.model.clusters[r.cluster]!.name}): host ${r.host ?? '*'} path ${r.path.path} (${r.path.pathType})` });
  }
  if (!url.https && redirectsToHttps(r, url.host)) return answer(308, `ssl-redirect: Location https://${url.host}${url.path}`, route, null);
  const refused = sourceRefusal(r.behaviour, at.client);
  if (refused) return answer(403, `${refused} (${formatIpv4(at.client)})`, route, null);
  const canary = route ? chooseCanary(table.canaries.get(canaryKey(r.host, r.path.path, r.path.pathType)) ?? [], req.headers, at.client) : undefined;
  if (canary) {
    hops.push({ step: 'canary', at: where, detail: `canary Ingress ${canary.route.ingress.namespace}/${canary.route.ingress.name} takes it: ${canary.why}` });
    r = canary.route;
  }
  const c = run.model.clusters[r.cluster]!;
  const svc = c.services.find((s) => s.namespace === r.ingress.namespace && s.name === r.path.service);
  if (svc?.type === 'ExternalName') {
    const up = externalNameUpstream(svc, r.path.port);
    const named = { cluster: c.name, namespace: svc.namespace, service: svc.name, port: 'refused' in up ? r.path.port : up.port, pod: null };
    if ('refused' in up) return answer(503, up.refused, route, named);
    hops.push({ step: 'upstream', at: where, detail: `Service ${svc.namespace}/${svc.name} is ExternalName ${up.host}: ingress-nginx proxies to ${up.host}:${up.port}, resolving the name by DNS per request; the request leaves the platform (the name's address is outside the model, so no wall is judged beyond the controller)` });
    return { url: req.url, status: null, route, backend: { ...named, externalName: up.host }, hops, disposition: 'left-platform' };
  }
  const sp = svc?.ports.find((p) => (typeof r.path.port === 'number' ? p.port === r.path.port : p.name === r.path.port));
  const backend = (pod: LivePod | undefined): RequestBackend => ({ cluster: c.name, namespace: r.ingress.namespace, service: r.path.service, port: sp?.port ?? r.path.port, pod: pod ? pod.name : null });
  if (!svc || !sp) return answer(503, `Service ${r.ingress.namespace}/${r.path.service}${svc ? ` has no port ${String(r.path.port)}` : ' does not exist'}`, route, backend(undefined));
  const extras = [r.behaviour.rewriteTarget !== undefined ? `URI rewritten to ${r.behaviour.rewriteTarget}` : '', `backend-protocol ${r.behaviour.backendProtocol}`].filter((x) => x).join(', ');
  const up = upstreamToPod(run, policies, at, where, { cluster: r.cluster, svc, sp, serviceUpstream: r.behaviour.serviceUpstream, note: extras });
  if (up.status === 503) return answer(503, up.why, route, backend(undefined));
  return { url: req.url, status: up.status, route, backend: backend(up.pod), hops, disposition: up.status === 200 ? 'delivered' : 'dropped' };
}
