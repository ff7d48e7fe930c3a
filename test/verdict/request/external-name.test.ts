// An ExternalName Service as a backend. ingress-nginx proxies to the DNS name itself on the Ingress's port
// (controller.go externalNamePorts, endpointslices.go getEndpointsFromSlices), refusing localhost; Gateway
// API implementations SHOULD NOT forward to one (BackendObjectReference.kind, CVE-2021-25740): calisim
// answers 500, as for any invalid backendRef.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceSpec } from '../../../src/scenario/types.js';
import { externalNameUpstream } from '../../../src/verdict/request/external-name.js';
import { ingressRouteAssertions, routeReaches } from '../../../src/verdict/check/ingress-routes.js';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { RequestResult } from '../../../src/verdict/request/types.js';
import { edgeRun, editedScenario } from '../trace/edge-fixtures.js';

/** Every tenant's shop gains an ExternalName Service to a payment host (/pay) and one to localhost (/loop). */
const EXTERNAL_NAME_EDITS: readonly (readonly [string, string])[] = [
  ['      - { name: db, namespace: data, selector: { app: db }, ports: [{ port: 5432, targetPort: postgres }] }\n', '      - { name: db, namespace: data, selector: { app: db }, ports: [{ port: 5432, targetPort: postgres }] }\n      - { name: pay, namespace: shop, type: ExternalName, externalName: pay.example.net }\n      - { name: loop, namespace: shop, type: ExternalName, externalName: localhost }\n'],
  ['        paths: [{ path: /, pathType: Prefix, service: frontend, port: 80 }]', '        paths: [{ path: /, pathType: Prefix, service: frontend, port: 80 }, { path: /pay, pathType: Prefix, service: pay, port: 443 }, { path: /loop, pathType: Prefix, service: loop, port: 80 }]'],
];
const walk = (r: ReturnType<typeof edgeRun>, url: string): RequestResult => {
  const out = requestWalker(r.run, r.policies).follow({ url, method: 'GET', headers: {}, from: '198.51.100.10' });
  if (typeof out === 'string') throw new Error(out);
  return out;
};
const alias = (externalName: string, ports: ServiceSpec['ports'] = []): ServiceSpec =>
  ({ name: 'pay', namespace: 'shop', type: 'ExternalName', externalName, selector: {}, ports }) as unknown as ServiceSpec;

describe("ingress-nginx's upstream for an ExternalName Service (externalNamePorts)", () => {
  it('takes the port number the Ingress names when the Service has no such port, else the port’s numeric targetPort', () => {
    expect(externalNameUpstream(alias('pay.example.net'), 443)).toEqual({ host: 'pay.example.net', port: 443 });
    const ported = alias('pay.example.net.', [{ name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' }]);
    expect(externalNameUpstream(ported, 443)).toEqual({ host: 'pay.example.net', port: 8443 });
    expect(externalNameUpstream(ported, 'https')).toEqual({ host: 'pay.example.net', port: 8443 });
    expect(externalNameUpstream(ported, 'grpc')).toEqual({ refused: 'Service shop/pay has no port named grpc' });
  });

  it('refuses localhost, a loopback address and a name that is not a DNS subdomain', () => {
    expect(externalNameUpstream(alias('localhost'), 80)).toHaveProperty('refused');
    expect(externalNameUpstream(alias('127.0.0.1'), 80)).toHaveProperty('refused');
    expect(externalNameUpstream(alias('Pay_Service'), 80)).toHaveProperty('refused');
    expect(externalNameUpstream(alias('10.9.8.7'), 80)).toEqual({ host: '10.9.8.7', port: 80 });
  });
});

describe('request through an Ingress to an ExternalName Service', () => {
  const file = editedScenario('external-name', EXTERNAL_NAME_EDITS);
  const r = edgeRun(file);

  it('proxies to the DNS name on the Ingress’s port: the request leaves the platform, no pod', () => {
    const out = walk(r, 'https://acme.example.com/pay/checkout');
    expect(out).toMatchObject({ status: null, disposition: 'left-platform', route: { kind: 'Ingress', path: '/pay' } });
    expect(out.backend).toEqual({ cluster: 'acme', namespace: 'shop', service: 'pay', port: 443, pod: null, externalName: 'pay.example.net' });
    expect(out.hops.at(-1)!.detail).toMatch(/proxies to pay\.example\.net:443/);
  });

  it('answers 503 for an ExternalName of localhost', () => {
    const out = walk(r, 'https://acme.example.com/loop');
    expect(out).toMatchObject({ status: 503, disposition: 'answered', backend: { service: 'loop', pod: null } });
  });
});

describe('request through an HTTPRoute to an ExternalName Service', () => {
  it('answers 500: calisim does not forward to it, as Gateway API advises', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calisim-extname-'));
    cpSync('test/fixtures/edge/gateway', dir, { recursive: true });
    writeFileSync(
      join(dir, 'alias.yaml'),
      `apiVersion: v1
kind: Service
metadata: { name: pay, namespace: shop }
spec: { type: ExternalName, externalName: pay.example.net, ports: [{ port: 443 }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: pay-route, namespace: shop }
spec:
  parentRefs: [{ name: example-gateway }]
  hostnames: [pay.example.com]
  rules: [{ backendRefs: [{ name: pay, port: 443 }] }]
`,
    );
    const out = walk(edgeRun(dir), 'http://pay.example.com/');
    expect(out).toMatchObject({ status: 500, disposition: 'answered', route: { kind: 'HTTPRoute', name: 'pay-route' }, backend: { service: 'pay', pod: null } });
    expect(out.hops.at(-1)!.detail).toMatch(/ExternalName pay\.example\.net/);
  });
});

describe("check's route assertions for an ExternalName backend", () => {
  it('passes an Ingress route proxied to a DNS name and fails one to localhost (503)', () => {
    const r = edgeRun(editedScenario('external-name-check', EXTERNAL_NAME_EDITS));
    const byId = new Map(ingressRouteAssertions(r.run, routeReaches(r.run, r.policies)).map((a) => [a.id, a]));
    expect(byId.get('ingress-route/acme/shop/shop/acme.example.com/pay')).toMatchObject({ status: 'pass', detail: expect.stringMatching(/proxies to pay\.example\.net:443/) });
    expect(byId.get('ingress-route/acme/shop/shop/acme.example.com/loop')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/localhost .*\(503\)/) });
  });
});
