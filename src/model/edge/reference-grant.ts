// model: whether an HTTPRoute may send to a Service in another namespace — only when a ReferenceGrant in
// the Service's namespace lets HTTPRoutes of the route's namespace refer to it (Gateway API ReferenceGrant;
// HTTPBackendRef: otherwise ResolvedRefs is False with reason RefNotPermitted).
import type { ReferenceGrantSpec } from '../../scenario/types.js';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/**
 * True for a reference within the route's own namespace, or one a grant in `target`'s namespace permits:
 * a `from` entry for HTTPRoutes of `routeNamespace` and a `to` entry for core Services, naming `service`
 * or none (every Service of the namespace).
 */
export function backendRefPermitted(routeNamespace: string, target: { namespace: string; service: string }, grants: readonly ReferenceGrantSpec[]): boolean {
  if (target.namespace === routeNamespace) return true;
  return grants.some(
    (g) =>
      g.namespace === target.namespace &&
      g.from.some((f) => f.group === GATEWAY_GROUP && f.kind === 'HTTPRoute' && f.namespace === routeNamespace) &&
      g.to.some((t) => t.group === '' && t.kind === 'Service' && (t.name === undefined || t.name === target.service)),
  );
}
