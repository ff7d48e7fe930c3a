// verdict: every route the platform's ingress controller (or, given only manifests, the implied one) serves,
// with whether each controller pod reaches its backend through the outer and inner walls right now — one
// assertion per route, evaluated at every point of the timeline (endpoints follow evictions, scaling, nodes).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import { buildRouteTable, type IngressRoute } from '../../model/edge/ingress-routes.js';
import type { ClusterPolicies } from '../reach/platform-probes.js';
import { backendReach, type BackendReach } from '../request/backend-reach.js';
import { controllerPods } from '../request/controller-pods.js';
import { externalNameUpstream, type ExternalUpstream } from '../request/external-name.js';
import type { AssertionResult } from './types.js';

/** A served route and how its backend is reached (undefined: the Service or port does not exist). */
export interface RouteReach {
  readonly route: IngressRoute;
  readonly where: string;
  readonly reach?: BackendReach;
  /** For an ExternalName Service: the DNS name and port ingress-nginx proxies to, or why it makes no upstream. */
  readonly external?: ExternalUpstream;
}

/**
 * Every served route (default backends included) of the platform's controller, with its reach; given only
 * manifests, of the controller implied in their cluster (no pods: its reach counts the endpoints only).
 */
export function routeReaches(run: PlatformRun, policies: readonly ClusterPolicies[]): RouteReach[] {
  const table = buildRouteTable(run.model);
  const controllers = controllerPods(run);
  return [...table.routes, ...table.fallbacks.values()].map((route) => {
    const c = run.model.clusters[route.cluster]!;
    const svc = c.services.find((s) => s.namespace === route.ingress.namespace && s.name === route.path.service);
    const sp = svc?.ports.find((p) => p.port === route.path.port || p.name === route.path.port);
    const where = `${c.name}: ${route.host ?? '*'}${route.path.defaultBackend ? ' (defaultBackend)' : route.path.path} → ${route.ingress.namespace}/${route.path.service}`;
    if (svc?.type === 'ExternalName') return { route, where, external: externalNameUpstream(svc, route.path.port) };
    return { route, where, ...(svc && sp ? { reach: backendReach(run, policies, controllers, route.cluster, svc, sp) } : {}) };
  });
}

/** One `ingress-route/...` assertion per route. */
export function ingressRouteAssertions(run: PlatformRun, routes: readonly RouteReach[]): AssertionResult[] {
  return routes.map(({ route, where, reach, external }) => {
    const c = run.model.clusters[route.cluster]!;
    const id = `ingress-route/${c.name}/${route.ingress.namespace}/${route.ingress.name}/${route.host ?? '*'}${route.path.defaultBackend ? '#default' : route.path.path}`;
    const implied = run.model.scenario.platform === undefined;
    const title = implied ? `${where}: the implied controller has a ready endpoint to send to` : `${where}: every controller pod reaches the backend through both walls`;
    const base = { id, kind: 'ingress-route' as const, title, src: route.ingress.src };
    if (external) return 'refused' in external ? { ...base, status: 'fail' as const, detail: `${external.refused} (503)` } : { ...base, status: 'pass' as const, detail: `ExternalName: ingress-nginx proxies to ${external.host}:${external.port}, outside the platform (not judged further)` };
    if (!reach) return { ...base, status: 'fail' as const, detail: `Service ${route.ingress.namespace}/${route.path.service} or its port ${String(route.path.port)} does not exist (503)` };
    if (reach.endpoints === 0) return { ...base, status: 'fail' as const, detail: 'the Service has no ready endpoint (503)' };
    if (implied) return { ...base, status: 'pass' as const, detail: `${reach.endpoints} ready endpoint(s) on port ${reach.port} (the implied controller has no address: the walls are not judged)` };
    if (reach.controllers > 0 && reach.reaching === reach.controllers) return { ...base, status: 'pass' as const, detail: `${reach.controllers} controller pod(s) reach ${reach.endpoints} endpoint(s) on port ${reach.port}` };
    const last = reach.refused?.hops.at(-1);
    return { ...base, status: 'fail' as const, detail: `${reach.controllers - reach.reaching} of ${reach.controllers} controller pod(s) reach no endpoint${last ? `: ${last.detail}` : ''}` };
  });
}
