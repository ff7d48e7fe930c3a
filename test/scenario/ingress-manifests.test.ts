import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/diagnostics.js';
import { loadScenarios } from '../../src/scenario/load-scenario.js';

const BAD = `apiVersion: v1
kind: Service
metadata: { name: web, namespace: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: bad, namespace: web }
spec:
  tls: [{ hosts: [shop.example.com] }]
  rules:
    - host: "Shop_Example.com:8080"
      http:
        paths:
          - path: api
            backend: { service: { name: web, port: { number: 80 } } }
`;

describe('Ingress manifests: bad input', () => {
  it('reports a host that is not a DNS name, a missing pathType and a relative path with file, line and field', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'calisim-ing-')), 'bad.yaml');
    writeFileSync(file, BAD);
    let err: unknown;
    try {
      loadScenarios([file]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const d = (err as InputError).diagnostics.map((x) => `${x.line}:${x.path}`);
    expect(d).toEqual(['12:spec.rules[0].host', '15:spec.rules[0].http.paths[0].pathType', '15:spec.rules[0].http.paths[0].path']);
  });

  it('reads TLS hosts and accepts a v1beta1 Ingress without pathType (defaulted to ImplementationSpecific)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'calisim-ing-')), 'ok.yaml');
    writeFileSync(file, BAD.replace('"Shop_Example.com:8080"', 'shop.example.com').replace('path: api', 'path: /api').replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1')
        // v1beta1's backend is serviceName/servicePort (the API server refuses v1's `service` there).
        .replace('backend: { service: { name: web, port: { number: 80 } } }', 'backend: { serviceName: web, servicePort: 80 }'));
    const s = loadScenarios([file]);
    const ing = s.tenants[0]!.ingresses[0]!;
    expect(ing.tls).toEqual(['shop.example.com']);
    expect(ing.paths[0]!.pathType).toBe('ImplementationSpecific');
  });

  it('reports a backend naming a missing Service or port at the manifest field that names it (v1, v1beta1, defaultBackend)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'calisim-ing-')), 'backends.yaml');
    writeFileSync(
      file,
      `${BAD.split('---')[0]}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: refs, namespace: web }
spec:
  defaultBackend:
    service: { name: gone, port: { number: 80 } }
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /files
            pathType: Prefix
            backend: { resource: { apiGroup: k8s.example.com, kind: Bucket, name: files } }
          - path: /a
            pathType: Prefix
            backend:
              service: { name: nosuch, port: { number: 80 } }
          - path: /b
            pathType: Prefix
            backend:
              service: { name: web, port: { name: nope } }
---
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata: { name: old, namespace: web }
spec:
  rules:
    - http:
        paths:
          - path: /
            backend:
              serviceName: web
              servicePort: 81
`,
    );
    const d = loadScenarios([file]).warnings.map((x) => `${x.line}:${x.path}`);
    expect(d).toEqual([
      '11:spec.defaultBackend.service.name',
      '22:spec.rules[0].http.paths[1].backend.service.name',
      '26:spec.rules[0].http.paths[2].backend.service.port.name',
      '38:spec.rules[0].http.paths[0].backend.servicePort',
    ]);
  });
});
