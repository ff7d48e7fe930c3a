// model: the endpoints ingress-nginx itself puts in a backend's upstream (when it does not go through the
// ClusterIP): its own reading of the EndpointSlices, which is not kube-proxy's. Pure over slice conditions.
import type { SliceEndpoint } from './kube-proxy.js';

/** The upstream servers and, when none is left, why. */
export interface NginxUpstream<E extends SliceEndpoint> {
  readonly servers: readonly E[];
  /** Terminating endpoints left out (the slice still lists them, serving or not). */
  readonly terminating: number;
}

/**
 * ingress-nginx internal/ingress/controller/endpointslices.go getEndpointsFromSlices: an endpoint is an
 * upstream server when its `ready` condition is unset or true; `serving` and `terminating` are never read.
 * So a terminating pod (ready false) leaves nginx's upstream at once, and with no ready endpoint the backend
 * has no server and nginx answers 503, where kube-proxy would fall back to serving-and-terminating endpoints
 * (KEP-1669). Zone hints apply only with the controller's --enable-topology-aware-routing, off by default and
 * not modelled.
 */
export function nginxUpstream<E extends SliceEndpoint>(endpoints: readonly E[]): NginxUpstream<E> {
  return { servers: endpoints.filter((e) => e.ready), terminating: endpoints.filter((e) => e.terminating).length };
}
