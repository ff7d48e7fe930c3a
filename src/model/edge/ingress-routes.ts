// model: the routing table one ingress-nginx controller serves — which Ingresses it takes (its class by
// `ingressClassName` or the legacy `kubernetes.io/ingress.class` annotation; without a class only when its
// IngressClass is the default), one rule per path in age order, canary Ingresses set apart by host and
// path, each server's default backend, and the annotations' behaviour.
import type { IngressPathSpec, IngressSpec } from '../../scenario/types.js';
import type { Model } from '../types.js';
import { nginxBehaviour, type NginxBehaviour } from './nginx-annotations.js';

/** One served path. */
export interface IngressRoute {
  readonly cluster: number;
  readonly ingress: IngressSpec;
  readonly path: IngressPathSpec;
  /** Lower-case host, undefined for a host-less rule. */
  readonly host: string | undefined;
  readonly behaviour: NginxBehaviour;
}

/** The controller's routing table. */
export interface RouteTable {
  readonly className: string;
  /** Whether the controller is implied (manifests without a platform). */
  readonly implied: boolean;
  /** Main routes in Ingress age order (input order). */
  readonly routes: readonly IngressRoute[];
  /** Canary routes by `host path pathType`. */
  readonly canaries: ReadonlyMap<string, readonly IngressRoute[]>;
  /** Default backends by server (host, or '' for the catch-all). */
  readonly fallbacks: ReadonlyMap<string, IngressRoute>;
  /** Ingresses the controller does not serve, and why. */
  readonly notServed: readonly { readonly cluster: number; readonly ingress: IngressSpec; readonly reason: string }[];
}

/** The key canaries are filed under. */
export function canaryKey(host: string | undefined, path: string, pathType: string): string {
  return `${host ?? ''} ${path} ${pathType}`;
}

/**
 * Builds the table. With a platform, the management cluster's controller serves every cluster's Ingresses
 * of its class (the platform's premise: pod addresses are routable from the management hosts); given only
 * manifests, an ingress-nginx controller is implied whose IngressClass `nginx` is the default.
 */
export function buildRouteTable(model: Model): RouteTable {
  const platform = model.scenario.platform;
  const className = platform?.ingress.className ?? 'nginx';
  const implied = platform === undefined;
  const routes: IngressRoute[] = [];
  const canaries = new Map<string, IngressRoute[]>();
  const fallbacks = new Map<string, IngressRoute>();
  const notServed: { cluster: number; ingress: IngressSpec; reason: string }[] = [];
  const defaults: IngressRoute[] = [];
  model.clusters.forEach((c, ci) => {
    for (const ing of c.spec.ingresses) {
      const cls = ing.className;
      if (cls !== className && !(cls === undefined && implied)) {
        notServed.push({ cluster: ci, ingress: ing, reason: cls === undefined ? `no ingressClassName, and IngressClass ${className} is not the default` : `class ${cls}, not ${className}` });
        continue;
      }
      const behaviour = nginxBehaviour(ing.annotations);
      const host = ing.host?.toLowerCase();
      for (const path of ing.paths) {
        const r: IngressRoute = { cluster: ci, ingress: ing, path, host, behaviour };
        if (path.defaultBackend) defaults.push(r);
        else if (behaviour.canary) {
          const k = canaryKey(host, path.path, path.pathType);
          canaries.set(k, [...(canaries.get(k) ?? []), r]);
        } else routes.push(r);
      }
    }
  });
  // ingress-nginx: an Ingress's defaultBackend becomes the `/` of the hosts it is the first to define;
  // an Ingress with no host rules gives the catch-all server its default.
  for (const d of defaults) {
    const same = (r: IngressRoute) => r.cluster === d.cluster && r.ingress.namespace === d.ingress.namespace && r.ingress.name === d.ingress.name;
    const hosts = [...new Set(routes.filter(same).map((r) => r.host ?? ''))];
    for (const h of hosts.length ? hosts : ['']) {
      const first = routes.find((r) => (r.host ?? '') === h);
      if (!fallbacks.has(h) && (h === '' || (first !== undefined && same(first)))) fallbacks.set(h, d);
    }
  }
  return { className, implied, routes, canaries, fallbacks, notServed };
}
