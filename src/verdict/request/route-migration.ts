// verdict: an Ingress set against an HTTPRoute set — the requests that would route differently after a
// migration from ingress-nginx to a Gateway. Probes every host and path either side names (wildcards as
// one and as two labels, each path as written, one element deeper, and with a character appended, and
// each HTTPRoute match's method, headers and query), routes each through both and keeps the differences.
import { matchHttpRoute, type HttpRequestView, type HttpRouteEntry } from '../../compile/edge/httproute-match.js';
import { referenceMatcher } from '../../compile/edge/reference-matcher.js';
import type { RouteRule } from '../../compile/edge/route-rules.js';
import type { HttpRouteSpec, IngressPathSpec, IngressSpec } from '../../scenario/types.js';

/** Where one side sends a request: the object and rule that matched and its backend; null: 404. */
export interface RouteAnswer {
  readonly kind: 'Ingress' | 'HTTPRoute';
  readonly namespace: string;
  readonly name: string;
  /** `service:port`, with weights when an HTTPRoute rule splits traffic. */
  readonly backend: string;
}

/** One request the two sets route differently. */
export interface MigrationChange {
  readonly host: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly ingress: RouteAnswer | null;
  readonly httpRoute: RouteAnswer | null;
}

/** The comparison: how many requests were probed and which route differently, in a stable order. */
export interface MigrationDiff {
  readonly probed: number;
  readonly changes: readonly MigrationChange[];
}

/** Compares the Ingresses' routing (ingress-nginx's reading, canaries left out) with the HTTPRoutes'. */
export function routeMigrationDiff(ingresses: readonly IngressSpec[], routes: readonly HttpRouteSpec[]): MigrationDiff {
  const main = ingresses.filter((i) => i.annotations['nginx.ingress.kubernetes.io/canary'] !== 'true');
  const rules: { rule: RouteRule; ingress: IngressSpec; path: IngressPathSpec }[] = [];
  main.forEach((ingress, order) => {
    for (const path of ingress.paths) if (!path.defaultBackend) rules.push({ rule: { host: ingress.host?.toLowerCase(), path: path.path, pathType: path.pathType, order }, ingress, path });
  });
  const fallback = main.find((i) => i.paths.some((p) => p.defaultBackend));
  const lookup = referenceMatcher(rules.map((r) => r.rule));
  const entries: HttpRouteEntry[] = routes.map((r, age) => ({ namespace: r.namespace, name: r.name, age, hostnames: r.hostnames, rules: r.rules }));
  const changes: MigrationChange[] = [];
  const probes = probeRequests(main, routes);
  for (const req of probes) {
    const hit = lookup(req.host, req.path);
    const viaRule = hit.rule >= 0 ? rules[hit.rule]! : undefined;
    const ingressPath = viaRule?.path ?? (hit.server === undefined ? fallback?.paths.find((p) => p.defaultBackend) : undefined);
    const ingressObj = viaRule?.ingress ?? (ingressPath ? fallback : undefined);
    const ingress: RouteAnswer | null = ingressObj && ingressPath ? { kind: 'Ingress', namespace: ingressObj.namespace, name: ingressObj.name, backend: `${ingressPath.service}:${ingressPath.port}` } : null;
    const h = matchHttpRoute(entries, req);
    const r = h && routes[h.route]!;
    const refs = r ? r.rules[h!.rule]!.backendRefs.filter((b) => b.weight > 0) : [];
    const httpRoute: RouteAnswer | null = r ? { kind: 'HTTPRoute', namespace: r.namespace, name: r.name, backend: refs.length === 1 ? `${refs[0]!.name}:${refs[0]!.port ?? '-'}` : refs.map((b) => `${b.name}:${b.port ?? '-'} (weight ${b.weight})`).join(', ') } : null;
    if ((ingress?.backend ?? null) !== (httpRoute?.backend ?? null)) changes.push({ ...req, ingress, httpRoute });
  }
  return { probed: probes.length, changes };
}

/** The probe requests, deduplicated and sorted by host, path, method, headers and query. */
function probeRequests(ingresses: readonly IngressSpec[], routes: readonly HttpRouteSpec[]): HttpRequestView[] {
  const hostNames = new Set<string>([...ingresses.flatMap((i) => (i.host ? [i.host.toLowerCase()] : [])), ...routes.flatMap((r) => r.hostnames)]);
  const hosts = new Set<string>(['unnamed.invalid']);
  for (const h of hostNames) for (const x of h.startsWith('*.') ? [`a${h.slice(1)}`, `b.a${h.slice(1)}`] : [h]) hosts.add(x);
  const paths = new Set<string>(['/']);
  const addPath = (p: string) => {
    const base = p.endsWith('/') && p.length > 1 ? p.slice(0, -1) : p;
    for (const x of [p, `${base === '/' ? '' : base}/deeper`, `${base}x`]) paths.add(x);
  };
  for (const i of ingresses) for (const p of i.paths) if (!p.defaultBackend) addPath(p.path);
  const variants: { method: string; headers: Record<string, string>; query: Record<string, string> }[] = [{ method: 'GET', headers: {}, query: {} }];
  for (const r of routes) {
    for (const rule of r.rules) {
      for (const m of rule.matches) {
        addPath(m.path.value);
        if (m.method !== undefined || m.headers.length || m.queryParams.length) {
          variants.push({ method: m.method ?? 'GET', headers: Object.fromEntries(m.headers.map((h) => [h.name.toLowerCase(), h.value])), query: Object.fromEntries(m.queryParams.map((q) => [q.name, q.value])) });
        }
      }
    }
  }
  const out = new Map<string, HttpRequestView>();
  for (const host of [...hosts].sort()) {
    for (const path of [...paths].sort()) {
      for (const v of variants) out.set(JSON.stringify([host, path, v.method, v.headers, v.query]), { host, path, ...v });
    }
  }
  return [...out.values()];
}
