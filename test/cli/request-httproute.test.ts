import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-request-httproute-'));

// Known answers from Gateway API's HTTP routing guide (site-src/guides/http-routing.md), as in
// test/fixtures/edge/gateway/routes.yaml, served by the controller implied for manifests.
describe('calisim request through a Gateway and its HTTPRoutes', () => {
  it('routes by listener, HTTPRoute rule and header match, and leaves other hosts to the Ingresses', () => {
    const file = join(dir, 'req.json');
    writeFileSync(
      file,
      JSON.stringify([
        { url: 'http://foo.example.com/login/form' },
        { url: 'http://bar.example.com/', headers: { env: 'canary' } },
        { url: 'http://bar.example.com/x' },
        { url: 'http://foo.example.com/empty' },
        { url: 'http://legacy.example.com/' },
        { url: 'http://foo.example.com/logout' },
        { url: 'http://foo.example.com/gone' },
      ]),
    );
    const r = runCli(['request', 'test/fixtures/edge/gateway', '--requests', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: { status: number }) => x.status)).toEqual([200, 200, 200, 503, 200, 404, 500]);
    expect(out[0].route).toEqual({ kind: 'HTTPRoute', namespace: 'shop', name: 'foo-route', host: 'foo.example.com', path: '/login', pathType: 'PathPrefix', rule: 0, listener: 'shop/example-gateway/prod-web' });
    expect(out[0].backend).toEqual({ cluster: 'gateway', namespace: 'shop', service: 'foo-svc', port: 8080, pod: 'foo-svc-1' });
    expect(out[1].route).toMatchObject({ kind: 'HTTPRoute', name: 'bar-route', rule: 0 });
    expect(out[1].backend.service).toBe('bar-svc-canary');
    expect(out[2].route).toMatchObject({ kind: 'HTTPRoute', name: 'bar-route', rule: 1 });
    expect(out[2].backend.service).toBe('bar-svc');
    expect(out[3]).toMatchObject({ route: { name: 'foo-route', path: '/empty', pathType: 'Exact' }, backend: { service: 'empty-svc', pod: null }, disposition: 'answered' });
    expect(out[4].route).toMatchObject({ kind: 'Ingress', name: 'legacy' });
    expect(out[5]).toMatchObject({ route: null, backend: null });
    // Gateway API HTTPBackendRef: a request routed to an invalid backend gets 500.
    expect(out[6]).toMatchObject({ route: { name: 'foo-route', rule: 2 }, backend: { service: 'gone-svc', pod: null }, disposition: 'answered' });
    expect(out[0].hops.map((h: { step: string }) => h.step)).toEqual(['controller', 'gateway', 'route', 'upstream', 'deliver']);
  });

  it('follows a request from the internet through the Gateway to a tenant pod, through both walls', () => {
    const scenario = 'test/fixtures/edge/gateway-platform/scenario.yaml';
    const ok = JSON.parse(runCli(['request', scenario, '--url', 'https://store.acme.example.com/', '--format', 'json']).stdout);
    expect(ok).toMatchObject({ status: 200, disposition: 'delivered', route: { kind: 'HTTPRoute', name: 'storefront', rule: 1, listener: 'shop/acme-gw/https' }, backend: { cluster: 'acme', service: 'frontend', port: 80 } });
    const steps = ok.hops.map((h: { step: string }) => h.step);
    for (const s of ['vip', 'node-port', 'kube-proxy', 'controller', 'gateway', 'route', 'upstream', 'management-policy', 'policy-ingress', 'deliver']) expect(steps).toContain(s);
    // acme's shop admits only the frontend from the management hosts: the api rule's backend is refused.
    const api = JSON.parse(runCli(['request', scenario, '--url', 'https://store.acme.example.com/api/v1', '--format', 'json']).stdout);
    expect(api).toMatchObject({ status: 504, disposition: 'dropped', route: { name: 'storefront', rule: 0, path: '/api' }, backend: { service: 'api' } });
    const trace = runCli(['trace', scenario, '--from', '203.0.113.5', '--to', 'https://store.acme.example.com/']);
    expect(trace.stdout).toMatch(/HTTPRoute shop\/storefront \(acme\) rule 1/);
  });
});
