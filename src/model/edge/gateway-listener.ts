// model: which Gateway listener accepts a request (port, protocol, hostname) and the HTTPRoutes attached
// to that listener — the per-listener view of gateway-attach.ts that request routing needs.
import type { GatewaySpec, HttpRouteSpec, NamespaceSpec } from '../../scenario/types.js';
import { attachRoutes } from './gateway-attach.js';

/** The listener that took a request, and the routes it serves (hostnames narrowed to the listener's). */
export interface ListenerRoutes {
  /** `namespace/gateway/listener`; null for the Gateway implied when HTTPRoutes come without one. */
  readonly listener: string | null;
  readonly routes: readonly HttpRouteSpec[];
}

/** Whether a listener hostname takes the host: equal, or `*.suffix` covering one or more labels (Gateway API `Listener.hostname`). */
function listenerTakes(hostname: string | undefined, host: string): boolean {
  if (hostname === undefined) return true;
  if (!hostname.startsWith('*.')) return hostname === host;
  return host.length > hostname.length - 1 && host.endsWith(hostname.slice(1));
}

/** Listener precedence for one host: an exact hostname, then the longest wildcard, then none. */
function specificity(hostname: string | undefined): number {
  if (hostname === undefined) return 0;
  return hostname.startsWith('*.') ? hostname.length : 1_000_000 + hostname.length;
}

/**
 * The Gateways a request sent to `host` can reach (Gateway API GatewaySpec.addresses): those with `host` among
 * their addresses when one has it, else those without addresses; never one not accepted.
 */
export function gatewaysAt(gateways: readonly GatewaySpec[], host: string): GatewaySpec[] {
  const accepted = gateways.filter((g) => g.unsupportedAddress === undefined);
  const own = accepted.filter((g) => g.addresses?.some((a) => a.value === host));
  return own.length ? own : accepted.filter((g) => !g.addresses?.length);
}

/**
 * The listener of `gateways` that accepts a request for `host` on `port` (HTTPS for https, HTTP for http)
 * and the routes attached to it; undefined when no listener does. With HTTPRoutes but no Gateway, every
 * route is served by an implied Gateway that accepts every request (as `diff --routes` reads them).
 */
export function listenerRoutes(all: readonly GatewaySpec[], routes: readonly HttpRouteSpec[], req: { host: string; port: number; https: boolean }, namespaces: readonly NamespaceSpec[] = []): ListenerRoutes | undefined {
  if (routes.length === 0) return undefined;
  if (all.length === 0) return { listener: null, routes };
  const gateways = gatewaysAt(all, req.host);
  const protocol = req.https ? 'HTTPS' : 'HTTP';
  let best: { gw: GatewaySpec; l: GatewaySpec['listeners'][number] } | undefined;
  for (const gw of gateways) {
    for (const l of gw.listeners) {
      if (l.protocol !== protocol || l.port !== req.port || !listenerTakes(l.hostname, req.host)) continue;
      if (!best || specificity(l.hostname) > specificity(best.l.hostname)) best = { gw, l };
    }
  }
  if (!best) return undefined;
  const attached = attachRoutes(routes, [{ ...best.gw, listeners: [best.l] }], namespaces);
  return { listener: `${best.gw.namespace}/${best.gw.name}/${best.l.name}`, routes: attached.routes };
}
