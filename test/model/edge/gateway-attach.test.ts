// HTTPRoute attachment to Gateway listeners, with the known answers of the HTTPRoute CRD's `hostnames`
// documentation, and the namespace rule of allowedRoutes (Same by default; All; a namespace label selector
// as in Gateway API's cross-namespace routing guide, site-src/guides/multiple-ns.md).
import { describe, expect, it } from 'vitest';
import { attachRoutes, intersectHostnames } from '../../../src/model/edge/gateway-attach.js';
import { readLabelSelector, type LabelSelector, type LabelSelectorResult } from '../../../src/lib/selector/label-selector.js';
import type { GatewaySpec, HttpRouteSpec, NamespaceSpec } from '../../../src/scenario/types.js';

const SRC = { file: 'x.yaml', line: 1, col: 1 };
const ok = (r: LabelSelectorResult): LabelSelector => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.selector;
};
const route = (name: string, hostnames: string[], namespace = 'gw'): HttpRouteSpec => ({ name, namespace, hostnames, parentRefs: [{ name: 'public', namespace: 'gw' }], rules: [], src: SRC });
const gateway = (hostname: string | undefined, from: 'Same' | 'All' = 'Same'): GatewaySpec => ({
  name: 'public',
  namespace: 'gw',
  className: 'c',
  listeners: [{ name: 'http', ...(hostname ? { hostname } : {}), port: 80, protocol: 'HTTP', from }],
  src: SRC,
});

describe('listener and route hostnames', () => {
  it('a listener test.example.com takes routes with no hostnames, test.example.com or *.example.com', () => {
    expect(intersectHostnames('test.example.com', [])).toEqual(['test.example.com']);
    expect(intersectHostnames('test.example.com', ['test.example.com'])).toEqual(['test.example.com']);
    expect(intersectHostnames('test.example.com', ['*.example.com'])).toEqual(['test.example.com']);
  });

  it('a listener *.example.com takes *.example.com, test.example.com and foo.test.example.com, not example.com or test.example.net', () => {
    expect(intersectHostnames('*.example.com', ['*.example.com', 'test.example.com', 'foo.test.example.com'])).toEqual(['*.example.com', 'test.example.com', 'foo.test.example.com']);
    expect(intersectHostnames('*.example.com', ['example.com'])).toBeUndefined();
    expect(intersectHostnames('*.example.com', ['test.example.com', 'test.example.net'])).toEqual(['test.example.com']);
  });
});

describe('attachRoutes', () => {
  it('narrows hostnames to the listener and refuses a route with no intersection, naming why', () => {
    const a = attachRoutes([route('ok', ['test.example.com', 'test.example.net']), route('off', ['example.org'])], [gateway('*.example.com')]);
    expect(a.routes.map((r) => [r.name, r.hostnames])).toEqual([['ok', ['test.example.com']]]);
    expect(a.refused[0]!.reason).toMatch(/no hostname intersects listener http/);
  });

  it('attaches routes of other namespaces only when the listener allows All', () => {
    expect(attachRoutes([route('r', [], 'shop')], [gateway(undefined)]).refused[0]!.reason).toMatch(/own namespace only/);
    expect(attachRoutes([route('r', [], 'shop')], [gateway(undefined, 'All')]).routes).toHaveLength(1);
  });

  it('with from Selector, attaches routes of the namespaces whose labels the selector matches (the shared-gateway-access guide)', () => {
    const gw = gateway(undefined);
    const selected: GatewaySpec = { ...gw, listeners: [{ ...gw.listeners[0]!, from: 'Selector', selector: ok(readLabelSelector({ matchLabels: { 'shared-gateway-access': 'true' } }, 'selector')) }] };
    const namespaces: NamespaceSpec[] = [
      { name: 'store-ns', labels: { 'shared-gateway-access': 'true' }, declared: true, src: SRC },
      { name: 'site-ns', labels: {}, declared: true, src: SRC },
    ];
    const a = attachRoutes([route('store', [], 'store-ns'), route('site', [], 'site-ns'), route('nowhere', [], 'undeclared')], [selected], namespaces);
    expect(a.routes.map((r) => r.name)).toEqual(['store']);
    expect(a.refused.map((r) => r.reason)).toEqual([
      'Gateway gw/public listener http allows routes only from namespaces its selector matches, not site-ns',
      'Gateway gw/public listener http allows routes only from namespaces its selector matches, not undeclared',
    ]);
    // Every namespace carries kubernetes.io/metadata.name (set by the API server), declared or not.
    const byName: GatewaySpec = { ...gw, listeners: [{ ...gw.listeners[0]!, from: 'Selector', selector: ok(readLabelSelector({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['site-ns', 'undeclared'] }] }, 'selector')) }] };
    expect(attachRoutes([route('store', [], 'store-ns'), route('site', [], 'site-ns'), route('nowhere', [], 'undeclared')], [byName], namespaces).routes.map((r) => r.name)).toEqual(['site', 'nowhere']);
  });

  it('refuses a route whose parent Gateway is not given, and serves every route as written when no Gateway is', () => {
    expect(attachRoutes([{ ...route('r', []), parentRefs: [{ name: 'other', namespace: 'gw' }] }], [gateway(undefined)]).refused[0]!.reason).toMatch(/no Gateway named/);
    expect(attachRoutes([route('r', ['a.example.com'])], []).routes).toHaveLength(1);
  });
});
