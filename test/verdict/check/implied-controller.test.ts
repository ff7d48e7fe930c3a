// `check` on manifests only (no platform): the Ingresses and HTTPRoutes are served by the controller implied
// in their cluster (as `request` serves them), so every route gets its assertion — the Service, its port and
// a ready endpoint (the implied controller has no address: the walls are not judged) — and the conflicts
// between namespaces in that one controller are judged as on a platform.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';
import { runCheck } from '../../../src/verdict/check/run-check.js';

const dir = mkdtempSync(join(tmpdir(), 'calisim-implied-'));

// A second namespace claims shop.example.com/ (shop.yaml's web/web is older: it wins), with a snippet and
// annotations that contradict each other.
const GRAB = `apiVersion: v1
kind: Namespace
metadata: { name: other }
---
apiVersion: v1
kind: Service
metadata: { name: grab, namespace: other }
spec: { selector: { app: grab }, ports: [{ port: 80 }] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: grab
  namespace: other
  annotations:
    nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers 'x: y';"
    nginx.ingress.kubernetes.io/ssl-redirect: "false"
    nginx.ingress.kubernetes.io/force-ssl-redirect: "true"
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: grab, port: { number: 80 } } } }] }
`;

const HTTPROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: store, namespace: web }
spec:
  hostnames: [store.example.com]
  rules:
    - backendRefs: [{ name: web, port: 80 }]
    - matches: [{ path: { type: PathPrefix, value: /empty } }]
      backendRefs: [{ name: empty, port: 80 }]
`;

const checked = (files: string[]) => new Map(runCheck(buildModel(loadScenarios(files))).assertions.map((a) => [a.id, a]));

describe('check with the controller implied for manifests', () => {
  it('asserts every Ingress route: a ready endpoint passes, a Service without one fails with 503', () => {
    const by = checked(['test/fixtures/edge/shop.yaml']);
    const routes = [...by.keys()].filter((id) => id.startsWith('ingress-route/')).sort();
    expect(routes).toEqual([
      'ingress-route/shop/web/admin/admin.example.com/',
      'ingress-route/shop/web/web/*#default',
      'ingress-route/shop/web/web/shop.example.com/',
      'ingress-route/shop/web/web/shop.example.com/api',
      'ingress-route/shop/web/web/shop.example.com/empty',
    ]);
    expect(by.get('ingress-route/shop/web/web/shop.example.com/empty')).toMatchObject({ status: 'fail', detail: 'the Service has no ready endpoint (503)' });
    expect(by.get('ingress-route/shop/web/web/shop.example.com/api')).toMatchObject({ status: 'pass', detail: '1 ready endpoint(s) on port 9000 (the implied controller has no address: the walls are not judged)' });
    expect(by.get('ingress-conflict')?.status).toBe('pass');
  });

  it('judges namespaces meeting in the implied controller: a claimed host and path, a snippet, contradicting annotations', () => {
    const grab = join(dir, 'grab.yaml');
    writeFileSync(grab, GRAB);
    const by = checked(['test/fixtures/edge/shop.yaml', grab]);
    const failed = [...by.values()].filter((a) => a.kind === 'ingress-conflict').map((a) => [a.status, a.title]);
    expect(failed).toEqual([
      ['fail', 'shop/other/grab claims shop.example.com/ (Prefix), already claimed'],
      ['fail', 'shop/other/grab configures the shared controller'],
      ['fail', "shop/other/grab's annotations contradict each other"],
    ]);
    expect(by.get('ingress-conflict/shop/other/grab/shop.example.com/Prefix')!.detail).toMatch(/^shop\/web\/web wins/);
  });

  it('asserts every HTTPRoute rule of the implied Gateway', () => {
    const route = join(dir, 'route.yaml');
    writeFileSync(route, HTTPROUTE);
    const by = checked(['test/fixtures/edge/shop.yaml', route]);
    expect(by.get('httproute-rule/shop/web/store#0')).toMatchObject({ status: 'pass', detail: 'the implied controller has no address: the walls are not judged' });
    expect(by.get('httproute-rule/shop/web/store#1')).toMatchObject({ status: 'fail', detail: 'Service web/empty has no ready endpoint (503)' });
  });
});
