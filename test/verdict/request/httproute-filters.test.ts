// request through HTTPRoute rules with filters: a RequestRedirect answers itself (the guide's http → https
// 301), a URLRewrite and a RequestHeaderModifier show in the hops before the backend; the reader checks the
// CRD's CEL rules (a redirect takes no backendRefs) and keeps the filters when writing the route back.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { httpRouteObject } from '../../../src/emit/kubernetes/httproute-object.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { RequestResult } from '../../../src/verdict/request/types.js';
import { edgeRun } from '../trace/edge-fixtures.js';

const ROUTES = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: http-filter-redirect, namespace: shop }
spec:
  parentRefs: [{ name: example-gateway }]
  hostnames: [redirect.example]
  rules:
    - filters: [{ type: RequestRedirect, requestRedirect: { scheme: https, statusCode: 301 } }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: http-filter-rewrite, namespace: shop }
spec:
  parentRefs: [{ name: example-gateway }]
  hostnames: [rewrite.example]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /cardamom } }]
      filters:
        - { type: URLRewrite, urlRewrite: { hostname: elsewhere.example, path: { type: ReplacePrefixMatch, replacePrefixMatch: /fennel } } }
        - { type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: my-header, value: foo }] } }
      backendRefs: [{ name: foo-svc, port: 8080 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: http-filter-backend, namespace: shop }
spec:
  parentRefs: [{ name: example-gateway }]
  hostnames: [backend.example]
  rules:
    - filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { add: [{ name: x-rule, value: r }] } }]
      backendRefs:
        - name: foo-svc
          port: 8080
          filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: x-backend, value: foo }], remove: [x-drop] } }]
`;
const folder = (extra: string): string => {
  const dir = join(mkdtempSync(join(tmpdir(), 'calisim-filters-')), 'gateway');
  cpSync('test/fixtures/edge/gateway', dir, { recursive: true });
  writeFileSync(join(dir, 'filters.yaml'), extra);
  return dir;
};
const dir = folder(ROUTES);
const run = edgeRun(dir);
const walk = (url: string): RequestResult => {
  const out = requestWalker(run.run, run.policies).follow({ url, method: 'GET', headers: {}, from: '198.51.100.10' });
  if (typeof out === 'string') throw new Error(out);
  return out;
};

describe('HTTPRoute filters in request', () => {
  it('answers a RequestRedirect rule with its status and Location, no backend', () => {
    const r = walk('http://redirect.example/some/path');
    expect(r).toMatchObject({ status: 301, backend: null, disposition: 'answered', route: { name: 'http-filter-redirect' } });
    expect(r.hops.at(-1)!.detail).toBe('301: RequestRedirect: Location https://redirect.example/some/path');
  });

  it('rewrites and modifies headers before the backend, and still delivers', () => {
    const r = walk('http://rewrite.example/cardamom/seed');
    expect(r).toMatchObject({ status: 200, disposition: 'delivered', backend: { service: 'foo-svc' } });
    expect(r.hops.filter((h) => h.step === 'filter').map((h) => h.detail)).toEqual([
      'URLRewrite: the backend receives Host elsewhere.example and path /fennel/seed',
      'RequestHeaderModifier: set my-header: foo',
    ]);
  });

  it("applies a backendRef's own filters after the rule's, for requests forwarded to that backend", () => {
    const r = walk('http://backend.example/');
    expect(r).toMatchObject({ status: 200, disposition: 'delivered', backend: { service: 'foo-svc' } });
    expect(r.hops.filter((h) => h.step === 'filter').map((h) => h.detail)).toEqual([
      'RequestHeaderModifier: add x-rule: r',
      'backendRef foo-svc: RequestHeaderModifier: set x-backend: foo; remove x-drop',
    ]);
  });

  it('writes the filters back as read', () => {
    const routes = loadScenarios([dir]).tenants[0]!.httpRoutes!.filter((r) => r.name.startsWith('http-filter-'));
    const out = join(dir, '..', 'back.yaml');
    writeFileSync(out, routes.map((r) => stringify(httpRouteObject(r))).join('---\n'));
    const strip = <T extends { src: unknown }>({ src: _s, ...x }: T) => x;
    expect(loadScenarios([out]).tenants[0]!.httpRoutes!.map(strip)).toEqual(routes.map(strip));
  });

  it('refuses a redirect with backendRefs, and a filter without its own field, with file, line and field', () => {
    const bad = folder(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: bad, namespace: shop }
spec:
  parentRefs: [{ name: example-gateway }]
  rules:
    - filters: [{ type: RequestRedirect, requestRedirect: { scheme: https } }]
      backendRefs: [{ name: foo-svc, port: 8080 }]
    - filters: [{ type: URLRewrite }]
    - backendRefs: [{ name: foo-svc, port: 8080, filters: [{ type: RequestHeaderModifier }] }]
`);
    expect(() => loadScenarios([bad])).toThrow(/filters\.yaml:\d+:\d+: error: spec\.rules\[0\]\.backendRefs: RequestRedirect filter must not be used together with backendRefs/);
    expect(() => loadScenarios([bad])).toThrow(/spec\.rules\[1\]\.filters\[0\]\.urlRewrite: required when type is URLRewrite/);
    expect(() => loadScenarios([bad])).toThrow(/spec\.rules\[2\]\.backendRefs\[0\]\.filters\[0\]\.requestHeaderModifier: required when type is RequestHeaderModifier/);
  });
});
