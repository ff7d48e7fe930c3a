// model: which HTTPRoutes a set of Gateways serves, and under which hostnames — a route attaches to the
// HTTP/HTTPS listeners of the Gateways its parentRefs name (sectionName aside) that allow its namespace
// (allowedRoutes: Same, All, or a label selector on namespaces),
// keeping only the route hostnames that intersect the listener's; with no intersection it is not accepted.
import { matchesLabelSelector } from '../../lib/selector/label-selector.js';
import type { GatewaySpec, HttpRouteSpec, NamespaceSpec } from '../../scenario/types.js';
import { LABEL_METADATA_NAME } from '../endpoints/calico-labels.js';

/** The routes as served (hostnames narrowed to the listeners'), and the ones no listener accepts, with why. */
export interface AttachedRoutes {
  readonly routes: readonly HttpRouteSpec[];
  readonly refused: readonly { readonly route: HttpRouteSpec; readonly reason: string }[];
}

/**
 * The hostnames a route keeps on a listener (HTTPRoute API, `hostnames`): all of them when the listener
 * has none; the listener's own when the route has none; else those equal to, covered by or covering the
 * listener's (`*.example.com` on the listener takes `test.example.com` and `foo.test.example.com`; a route
 * `*.example.com` on listener `test.example.com` serves `test.example.com`). Undefined: no intersection.
 */
export function intersectHostnames(listener: string | undefined, route: readonly string[]): readonly string[] | undefined {
  if (listener === undefined) return route;
  if (route.length === 0) return [listener];
  const covers = (wild: string, h: string) => wild.startsWith('*.') && h.endsWith(wild.slice(1)) && h.length > wild.length - 1;
  const kept = route.flatMap((h) => (h === listener || covers(listener, h) ? [h] : covers(h, listener) ? [listener] : []));
  return kept.length ? [...new Set(kept)] : undefined;
}

/**
 * Whether listener `l` of `gw` takes routes from `namespace` (Gateway API RouteNamespaces.from): Same, its
 * Gateway's namespace only (the default); All; Selector, the namespaces whose labels the selector matches —
 * declared labels plus `kubernetes.io/metadata.name`, which the API server sets on every namespace.
 */
function allowsNamespace(gw: GatewaySpec, l: GatewaySpec['listeners'][number], namespace: string, namespaces: readonly NamespaceSpec[]): boolean {
  if (l.from === 'All') return true;
  if (l.from === 'Same') return namespace === gw.namespace;
  const declared = namespaces.find((n) => n.name === namespace)?.labels ?? {};
  return l.selector !== undefined && matchesLabelSelector(l.selector, { ...declared, [LABEL_METADATA_NAME]: namespace });
}

/** Attaches `routes` to `gateways`; with no Gateway given, every route is served as written (an implied Gateway). */
export function attachRoutes(routes: readonly HttpRouteSpec[], gateways: readonly GatewaySpec[], namespaces: readonly NamespaceSpec[] = []): AttachedRoutes {
  if (gateways.length === 0) return { routes, refused: [] };
  const served: HttpRouteSpec[] = [];
  const refused: { route: HttpRouteSpec; reason: string }[] = [];
  for (const route of routes) {
    const hostnames = new Set<string>();
    let attached = false;
    let anyHost = false;
    let why = `no Gateway named by its parentRefs (${route.parentRefs.map((p) => `${p.namespace}/${p.name}`).join(', ') || 'none'})`;
    for (const ref of route.parentRefs) {
      const gw = gateways.find((g) => g.name === ref.name && g.namespace === ref.namespace);
      if (!gw) continue;
      for (const l of gw.listeners) {
        if (l.protocol !== 'HTTP' && l.protocol !== 'HTTPS') continue;
        if (!allowsNamespace(gw, l, route.namespace, namespaces)) {
          why = `Gateway ${gw.namespace}/${gw.name} listener ${l.name} allows routes ${l.from === 'Same' ? 'from its own namespace only' : `only from namespaces its selector matches, not ${route.namespace}`}`;
          continue;
        }
        const kept = intersectHostnames(l.hostname, route.hostnames);
        if (!kept) {
          why = `no hostname intersects listener ${l.name} (${l.hostname}) of Gateway ${gw.namespace}/${gw.name}`;
          continue;
        }
        attached = true;
        anyHost ||= kept.length === 0;
        for (const h of kept) hostnames.add(h);
      }
    }
    if (attached) served.push({ ...route, hostnames: anyHost ? [] : [...hostnames] });
    else refused.push({ route, reason: why });
  }
  return { routes: served, refused };
}
