// verdict: a request the edge controller routes by Gateway API — the Gateway listener that accepts it (port,
// protocol, hostname), the HTTPRoute rule that matches (compile/edge/httproute-match.ts), the backendRef
// chosen by weight, the 500 the API prescribes for an invalid backend, then the same upstream leg as Ingress.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import { matchHttpRoute, type HttpRouteEntry } from '../../compile/edge/httproute-match.js';
import { listenerRoutes } from '../../model/edge/gateway-listener.js';
import { filterText, redirectLocation } from '../../model/edge/httproute-filters.js';
import { pickEndpoint } from '../../model/edge/kube-proxy.js';
import { backendRefPermitted } from '../../model/edge/reference-grant.js';
import type { HttpRouteSpec } from '../../scenario/types.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import type { TraceHop } from '../trace/types.js';
import type { UrlParts } from './route-at-controller.js';
import type { HttpRequest, MatchedRoute, RequestBackend, RequestResult } from './types.js';
import { upstreamToPod } from './upstream-to-pod.js';

type BackendRef = HttpRouteSpec['rules'][number]['backendRefs'][number];

/** The backendRef a request takes: by weight, bucketed by a hash of the client address so answers repeat. */
export function chooseBackendRef(refs: readonly BackendRef[], client: number): BackendRef | undefined {
  const live = refs.filter((b) => b.weight > 0);
  if (live.length <= 1) return live[0];
  const total = live.reduce((s, b) => s + b.weight, 0);
  let bucket = pickEndpoint(Array.from({ length: total }, (_, i) => i), client)!;
  return live.find((b) => (bucket -= b.weight) < 0);
}

/** Routes by the HTTPRoutes of every cluster's Gateways; undefined when no listener and route take the request. */
export function routeAtGateway(
  run: PlatformRun,
  policies: readonly ClusterPolicies[],
  req: HttpRequest,
  url: UrlParts,
  at: { client: number; hops: TraceHop[]; pod?: LivePod },
  where: string,
): RequestResult | undefined {
  const candidates: { cluster: number; listener: string | null; route: HttpRouteSpec }[] = [];
  run.model.clusters.forEach((c, cluster) => {
    const lr = listenerRoutes(c.spec.gateways ?? [], c.spec.httpRoutes ?? [], url, c.spec.namespaces);
    for (const route of lr?.routes ?? []) candidates.push({ cluster, listener: lr!.listener, route });
  });
  const entries: HttpRouteEntry[] = candidates.map((x, age) => ({ namespace: x.route.namespace, name: x.route.name, age, hostnames: x.route.hostnames, rules: x.route.rules }));
  const hit = matchHttpRoute(entries, { host: url.host, path: url.path, method: req.method, headers: req.headers, query: url.query });
  if (!hit) return undefined;
  const { cluster, listener, route: spec } = candidates[hit.route]!;
  const c = run.model.clusters[cluster]!;
  const { hops } = at;
  hops.push({ step: 'gateway', at: where, detail: listener ? `Gateway listener ${listener} accepts ${url.https ? 'HTTPS' : 'HTTP'} on port ${url.port} for ${url.host}` : `no Gateway in ${c.name}: its HTTPRoutes are served by an implied Gateway taking every request` });
  hops.push({ step: 'route', at: where, detail: `HTTPRoute ${spec.namespace}/${spec.name} (${c.name}) rule ${hit.rule}: hostname ${hit.hostname ?? '*'} path ${hit.match.path.value} (${hit.match.path.type})${hit.match.method ? ` method ${hit.match.method}` : ''}${hit.match.headers.length ? ` ${hit.match.headers.length} header match(es)` : ''}${hit.match.queryParams.length ? ` ${hit.match.queryParams.length} query match(es)` : ''}` });
  const route: MatchedRoute = { kind: 'HTTPRoute', namespace: spec.namespace, name: spec.name, host: hit.hostname, path: hit.match.path.value, pathType: hit.match.path.type, rule: hit.rule, listener };
  const answer = (status: number, detail: string, backend: RequestBackend | null): RequestResult => {
    hops.push({ step: 'answer', at: where, detail: `${status}: ${detail}` });
    return { url: req.url, status, route, backend, hops, disposition: 'answered' };
  };
  const filtered = { https: url.https, host: url.host, port: url.port, path: url.path };
  const prefix = hit.match.path.type === 'PathPrefix' ? hit.match.path.value : undefined;
  for (const f of spec.rules[hit.rule]!.filters ?? []) {
    // HTTPRequestRedirectFilter: the gateway answers with the redirect; the rule has no backend.
    if (f.type === 'RequestRedirect') return answer(f.statusCode, `RequestRedirect: Location ${redirectLocation(f, filtered, prefix)}`, null);
    hops.push({ step: 'filter', at: where, detail: filterText(f, filtered, prefix) });
  }
  const refs = spec.rules[hit.rule]!.backendRefs;
  const ref = chooseBackendRef(refs, at.client);
  // Gateway API HTTPRouteRule.backendRefs: a request routed to an invalid backend (none, a missing Service or
  // port) gets 500, its share of a split included; a Service with no ready endpoint SHOULD get 503.
  if (!ref) return answer(500, `the rule has no backendRef of positive weight`, null);
  if (refs.filter((b) => b.weight > 0).length > 1) hops.push({ step: 'backend', at: where, detail: `backendRef ${ref.name}:${ref.port ?? '-'} (weight ${ref.weight} of ${refs.reduce((s, b) => s + b.weight, 0)}; calisim picks by a hash of the client address)` });
  // HTTPBackendRef.filters: run after the rule's, only for requests forwarded to this backend.
  for (const f of ref.filters ?? []) {
    if (f.type === 'RequestRedirect') return answer(f.statusCode, `RequestRedirect of backendRef ${ref.name}: Location ${redirectLocation(f, filtered, prefix)}`, null);
    hops.push({ step: 'filter', at: where, detail: `backendRef ${ref.name}: ${filterText(f, filtered, prefix)}` });
  }
  const ns = ref.namespace ?? spec.namespace;
  // A cross-namespace backendRef needs a ReferenceGrant in the Service's namespace; without one the
  // reference does not resolve (ResolvedRefs False, RefNotPermitted) and the request is answered 500.
  if (!backendRefPermitted(spec.namespace, { namespace: ns, service: ref.name }, c.spec.referenceGrants ?? [])) {
    return answer(500, `backendRef ${ns}/${ref.name} is in another namespace and no ReferenceGrant in ${ns} lets HTTPRoutes of ${spec.namespace} refer to it (ResolvedRefs False, RefNotPermitted)`, { cluster: c.name, namespace: ns, service: ref.name, port: ref.port ?? '-', pod: null });
  }
  const svc = c.services.find((s) => s.namespace === ns && s.name === ref.name);
  // BackendObjectReference.kind: ExternalName Services may point outside the cluster and are not safe to
  // forward to (CVE-2021-25740); implementations SHOULD NOT support them. calisim does not: an invalid backend.
  if (svc?.type === 'ExternalName') return answer(500, `Service ${ns}/${ref.name} is ExternalName ${svc.externalName ?? ''}: Gateway API implementations should not forward to it (ResolvedRefs False), so calisim treats it as an invalid backendRef`, { cluster: c.name, namespace: ns, service: ref.name, port: ref.port ?? '-', pod: null });
  const sp = svc?.ports.find((p) => p.port === ref.port);
  const backend = (pod: LivePod | undefined): RequestBackend => ({ cluster: c.name, namespace: ns, service: ref.name, port: sp?.port ?? ref.port ?? '-', pod: pod ? pod.name : null });
  if (!svc || !sp) return answer(500, `Service ${ns}/${ref.name}${svc ? ` has no port ${ref.port ?? '-'}` : ' does not exist'} (an invalid backendRef)`, backend(undefined));
  const up = upstreamToPod(run, policies, at, where, { cluster, svc, sp, serviceUpstream: false, note: (spec.rules[hit.rule]!.filters ?? []).length + (ref.filters ?? []).length ? 'after the filters' : 'no rule filters' });
  if (up.status === 503) return answer(503, up.why, backend(undefined));
  return { url: req.url, status: up.status, route, backend: backend(up.pod), hops, disposition: up.status === 200 ? 'delivered' : 'dropped' };
}
