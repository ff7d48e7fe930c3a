// emit: a Gateway API HTTPRoute as `kubectl apply` takes it (gateway.networking.k8s.io/v1), from the
// HttpRouteSpec calisim routes by; reading it back gives the same route.
import type { HttpRouteSpec, JsonObject } from '../../scenario/types.js';
import { httpRouteFilterObject } from './httproute-filter-object.js';

/** The HTTPRoute object of a route. */
export function httpRouteObject(r: HttpRouteSpec): JsonObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: r.name, namespace: r.namespace },
    spec: {
      parentRefs: r.parentRefs.map((p) => ({ name: p.name, namespace: p.namespace })),
      ...(r.hostnames.length ? { hostnames: [...r.hostnames] } : {}),
      rules: r.rules.map((rule) => ({
        matches: rule.matches.map((m) => ({
          path: { type: m.path.type, value: m.path.value },
          ...(m.method !== undefined ? { method: m.method } : {}),
          ...(m.headers.length ? { headers: m.headers.map((h) => ({ name: h.name, value: h.value })) } : {}),
          ...(m.queryParams.length ? { queryParams: m.queryParams.map((q) => ({ name: q.name, value: q.value })) } : {}),
        })),
        ...(rule.filters?.length ? { filters: rule.filters.map(httpRouteFilterObject) } : {}),
        ...(rule.backendRefs.length ? { backendRefs: rule.backendRefs.map((b) => ({ name: b.name, ...(b.namespace !== undefined ? { namespace: b.namespace } : {}), ...(b.port !== undefined ? { port: b.port } : {}), weight: b.weight, ...(b.filters?.length ? { filters: b.filters.map(httpRouteFilterObject) } : {}) })) } : {}),
      })),
    },
  };
}
