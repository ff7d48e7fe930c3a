import { describe, expect, it } from 'vitest';
import { listenerRoutes } from '../../../src/model/edge/gateway-listener.js';
import type { GatewaySpec, HttpRouteSpec } from '../../../src/scenario/types.js';

const src = { file: 'x.yaml', line: 1, col: 1 };
const gw: GatewaySpec = {
  name: 'gw',
  namespace: 'infra',
  className: 'example',
  src,
  listeners: [
    { name: 'any', port: 80, protocol: 'HTTP', from: 'All' },
    { name: 'wild', hostname: '*.example.com', port: 80, protocol: 'HTTP', from: 'All' },
    { name: 'exact', hostname: 'foo.example.com', port: 80, protocol: 'HTTP', from: 'All' },
    { name: 'tls', hostname: '*.example.com', port: 443, protocol: 'HTTPS', from: 'Same' },
  ],
};
const route = (name: string, namespace: string, hostnames: string[]): HttpRouteSpec => ({ name, namespace, hostnames, parentRefs: [{ name: 'gw', namespace: 'infra' }], rules: [{ matches: [], backendRefs: [{ name: 'svc', port: 80, weight: 1 }] }], src });

describe('the Gateway listener a request takes', () => {
  const routes = [route('a', 'shop', ['foo.example.com']), route('b', 'infra', []), route('c', 'shop', ['other.org'])];

  it('prefers an exact listener hostname, then the longest wildcard, then none (Gateway API Listener.hostname)', () => {
    expect(listenerRoutes([gw], routes, { host: 'foo.example.com', port: 80, https: false })?.listener).toBe('infra/gw/exact');
    expect(listenerRoutes([gw], routes, { host: 'a.b.example.com', port: 80, https: false })?.listener).toBe('infra/gw/wild');
    expect(listenerRoutes([gw], routes, { host: 'other.org', port: 80, https: false })?.listener).toBe('infra/gw/any');
    expect(listenerRoutes([gw], routes, { host: 'foo.example.com', port: 8080, https: false })).toBeUndefined();
  });

  it("serves only the routes that attach to that listener, hostnames narrowed to the listener's", () => {
    const wild = listenerRoutes([gw], routes, { host: 'a.example.com', port: 80, https: false })!;
    expect(wild.routes.map((r) => [r.name, r.hostnames])).toEqual([['a', ['foo.example.com']], ['b', ['*.example.com']]]);
    // The HTTPS listener admits its own namespace only (allowedRoutes from Same).
    expect(listenerRoutes([gw], routes, { host: 'foo.example.com', port: 443, https: true })!.routes.map((r) => r.name)).toEqual(['b']);
  });

  it('serves every route through an implied Gateway when there is none', () => {
    expect(listenerRoutes([], routes, { host: 'x', port: 1, https: false })).toEqual({ listener: null, routes });
    expect(listenerRoutes([gw], [], { host: 'foo.example.com', port: 80, https: false })).toBeUndefined();
  });
});
