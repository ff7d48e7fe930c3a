import { describe, expect, it } from 'vitest';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { HttpRequest, RequestResult } from '../../../src/verdict/request/types.js';
import { DENY_TENANT_VMS, edgeRun, editedScenario } from '../trace/edge-fixtures.js';

const base = edgeRun();
const walk = (r: ReturnType<typeof edgeRun>, url: string, over: Partial<HttpRequest> = {}): RequestResult => {
  const out = requestWalker(r.run, r.policies).follow({ url, method: 'GET', headers: {}, from: '198.51.100.10', ...over });
  if (typeof out === 'string') throw new Error(out);
  return out;
};

describe('calisim request on the default scenario', () => {
  it('follows https://acme.example.com/ from the internet to a frontend pod, showing every hop', () => {
    const r = walk(base, 'https://acme.example.com/');
    expect(r.status).toBe(200);
    expect(r.disposition).toBe('delivered');
    expect(r.route).toEqual({ kind: 'Ingress', namespace: 'shop', name: 'shop', host: 'acme.example.com', path: '/', pathType: 'Prefix' });
    expect(r.backend).toMatchObject({ cluster: 'acme', namespace: 'shop', service: 'frontend', port: 80 });
    expect(r.backend!.pod).toMatch(/^frontend-\d$/);
    const steps = r.hops.map((h) => h.step);
    for (const s of ['dns', 'vip', 'lb-member', 'node-port', 'kube-proxy', 'controller', 'route', 'upstream', 'management-policy', 'policy-ingress', 'deliver']) expect(steps).toContain(s);
    expect(steps.indexOf('vip')).toBeLessThan(steps.indexOf('controller'));
    expect(steps.indexOf('management-policy')).toBeLessThan(steps.indexOf('deliver'));
  });

  it('redirects plain HTTP to a TLS host with 308 (ssl-redirect): f5-a\'s port-80 VIP has its own pool on the http NodePort', () => {
    const r = walk(base, 'http://acme.example.com/cart');
    expect(r.hops.find((h) => h.step === 'lb-member')!.detail).toMatch(/^member mgmt-\d:30080, 3 of 3 in service \(mgmt-1:30080 /);
    expect(r.hops.find((h) => h.step === 'node-port')!.detail).toMatch(/^30080 is NodePort 30080/);
    expect([r.status, r.backend, r.disposition]).toEqual([308, null, 'answered']);
    expect(r.hops.at(-1)!.detail).toBe('308: ssl-redirect: Location https://acme.example.com/cart');
  });

  it('answers 400 to plain HTTP that a VIP sends to the controller\'s TLS port (nginx\'s 497), and TLS on its HTTP port fails', () => {
    // Without its own member port, f5-a's port-80 VIP goes to the members' port 30443, the https NodePort.
    const r = walk(edgeRun(editedScenario('vip-80-to-tls', [[', memberPort: 30080 }', ' }']])), 'http://acme.example.com/cart');
    expect(r.hops.find((h) => h.step === 'lb-member')!.detail).toMatch(/^member mgmt-\d:30443/);
    expect([r.status, r.route, r.backend, r.disposition]).toEqual([400, null, null, 'answered']);
    expect(r.hops.at(-1)!.detail).toBe(`400: plain HTTP reached ingress-nginx's TLS listener (port 443): "The plain HTTP request was sent to HTTPS port" (nginx's 497)`);
    const tls = walk(base, 'https://10.0.0.11:30080/');
    expect([tls.status, tls.disposition]).toEqual([null, 'dropped']);
    expect(tls.hops.at(-1)!.detail).toMatch(/^the TLS handshake fails: the connection reached ingress-nginx's plain HTTP listener \(port 80\)/);
  });

  it('refuses the connection when the host resolves to a VIP address and no VIP serves the URL\'s port', () => {
    const r = walk(base, 'https://acme.example.com:8443/');
    expect([r.status, r.route, r.backend, r.disposition]).toEqual([null, null, null, 'dropped']);
    expect(r.hops.map((h) => h.step)).toEqual(['dns', 'drop']);
    expect(r.hops[1]).toEqual({ step: 'drop', at: '203.0.113.10', detail: 'connection refused: no virtual server of 203.0.113.10 listens on port 8443 (it serves 80, 443)' });
  });

  it('answers 404 from the default backend when no rule matches', () => {
    const r = walk(base, 'https://nobody.example.com/');
    expect([r.status, r.route, r.backend, r.disposition]).toEqual([404, null, null, 'answered']);
  });

  it('answers 504 when the outer wall drops the controller’s connection', () => {
    const r = walk(edgeRun(editedScenario('deny-vms-request', [DENY_TENANT_VMS])), 'https://acme.example.com/');
    expect(r.status).toBe(504);
    expect(r.hops.find((h) => h.step === 'management-policy')!.policy).toBe('GlobalNetworkPolicy deny-tenant-vms');
  });

  it('answers 503 naming the Service when it has no endpoint', () => {
    const r = walk(edgeRun(editedScenario('no-frontends', [['      - name: frontend\n        namespace: shop\n        replicas: 3', '      - name: frontend\n        namespace: shop\n        replicas: 0']])), 'https://acme.example.com/');
    expect(r.status).toBe(503);
    expect(r.backend).toMatchObject({ cluster: 'acme', service: 'frontend', pod: null });
  });
});

describe('calisim request on manifests (an implied ingress-nginx)', () => {
  const shop = edgeRun('test/fixtures/edge/shop.yaml', '0s');
  it('routes by host and the longest path', () => {
    expect(walk(shop, 'https://shop.example.com/api/v1').backend).toMatchObject({ service: 'api', pod: 'api-1' });
    expect(walk(shop, 'https://shop.example.com/apiary').backend).toMatchObject({ service: 'web', pod: 'web-1' });
  });
  it('sends the canary header to the canary Ingress; weight 0 keeps the rest on the main one', () => {
    expect(walk(shop, 'https://shop.example.com/api', { headers: { 'x-canary': 'always' } }).backend!.service).toBe('api-v2');
    expect(walk(shop, 'https://shop.example.com/api', { headers: { 'x-canary': 'never' } }).backend!.service).toBe('api');
    expect(walk(shop, 'https://shop.example.com/api').backend!.service).toBe('api');
  });
  it('answers 503 for a Service without endpoints, keeping the Service in the answer', () => {
    const r = walk(shop, 'https://shop.example.com/empty');
    expect(r.status).toBe(503);
    expect(r.backend).toMatchObject({ service: 'empty', pod: null });
  });
  it('gives an Ingress’s defaultBackend to the hosts it defines first, not to the catch-all; refuses clients outside the allowlist', () => {
    expect(requestWalker(shop.run, shop.policies).table.fallbacks.get('shop.example.com')!.path.service).toBe('web');
    expect(walk(shop, 'https://unknown.example.com/').status).toBe(404);
    expect(walk(shop, 'https://admin.example.com/').status).toBe(403);
    expect(walk(shop, 'https://admin.example.com/', { from: '192.0.2.7' }).status).toBe(200);
  });
  it('does not serve an Ingress of another class', () => {
    const w = requestWalker(shop.run, shop.policies);
    expect(w.table.notServed.map((n) => n.ingress.name)).toEqual(['other']);
    expect(w.table.routes.find((r) => r.ingress.name === 'admin')!.behaviour.ignored).toEqual(['nginx.ingress.kubernetes.io/proxy-body-size']);
  });
});
