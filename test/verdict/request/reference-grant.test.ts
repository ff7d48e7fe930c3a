// Cross-namespace backendRefs and ReferenceGrant, with the example of Gateway API's ReferenceGrant page
// (site-src/api-types/referencegrant.md): an HTTPRoute may send to Service bar in namespace bar only when
// a ReferenceGrant in bar lets HTTPRoutes of the route's namespace refer to Services there; otherwise
// ResolvedRefs is False with RefNotPermitted and the request is answered 500 (HTTPBackendRef).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { httpRouteObject } from '../../../src/emit/kubernetes/httproute-object.js';
import { referenceGrantObject } from '../../../src/emit/kubernetes/reference-grant-object.js';
import { backendRefPermitted } from '../../../src/model/edge/reference-grant.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';
import type { ReferenceGrantSpec } from '../../../src/scenario/types.js';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { RequestResult } from '../../../src/verdict/request/types.js';
import { edgeRun } from '../trace/edge-fixtures.js';

const SRC = { file: 'x.yaml', line: 1, col: 1 };
const grant = (to: ReferenceGrantSpec['to'], fromNamespace = 'foo'): ReferenceGrantSpec => ({
  name: 'bar',
  namespace: 'bar',
  from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: fromNamespace }],
  to,
  src: SRC,
});

describe('backendRefPermitted', () => {
  it('permits the same namespace, and another only through a grant in the target namespace for that route namespace and Service', () => {
    expect(backendRefPermitted('foo', { namespace: 'foo', service: 'x' }, [])).toBe(true);
    expect(backendRefPermitted('foo', { namespace: 'bar', service: 'bar' }, [])).toBe(false);
    expect(backendRefPermitted('foo', { namespace: 'bar', service: 'bar' }, [grant([{ group: '', kind: 'Service' }])])).toBe(true);
    expect(backendRefPermitted('foo', { namespace: 'bar', service: 'bar' }, [grant([{ group: '', kind: 'Service', name: 'other' }])])).toBe(false);
    expect(backendRefPermitted('foo', { namespace: 'bar', service: 'bar' }, [grant([{ group: '', kind: 'Service' }], 'baz')])).toBe(false);
    expect(backendRefPermitted('foo', { namespace: 'bar', service: 'bar' }, [{ ...grant([{ group: '', kind: 'Service' }]), namespace: 'foo' }])).toBe(false);
  });
});

const BAR = `apiVersion: v1
kind: Namespace
metadata: { name: bar }
---
apiVersion: v1
kind: Pod
metadata: { name: bar-1, namespace: bar, labels: { app: bar } }
spec: { nodeName: node-1, containers: [{ name: c, image: x, ports: [{ name: http, containerPort: 8080 }] }] }
status: { podIP: 10.1.0.31 }
---
apiVersion: v1
kind: Service
metadata: { name: bar, namespace: bar }
spec: { selector: { app: bar }, ports: [{ port: 8080, targetPort: http }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: to-bar, namespace: shop }
spec:
  parentRefs: [{ name: example-gateway }]
  hostnames: [bar.example.org]
  rules: [{ backendRefs: [{ name: bar, namespace: bar, port: 8080 }] }]
`;
const GRANT = `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: bar, namespace: bar }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop }]
  to: [{ group: "", kind: Service }]
`;
const folder = (extra: string): string => {
  // The folder's name is the cluster's.
  const dir = join(mkdtempSync(join(tmpdir(), 'calisim-grant-')), 'gateway');
  cpSync('test/fixtures/edge/gateway', dir, { recursive: true });
  writeFileSync(join(dir, 'bar.yaml'), BAR + extra);
  return dir;
};
const walk = (dir: string): RequestResult => {
  const r = edgeRun(dir);
  const out = requestWalker(r.run, r.policies).follow({ url: 'http://bar.example.org/', method: 'GET', headers: {}, from: '198.51.100.10' });
  if (typeof out === 'string') throw new Error(out);
  return out;
};

describe('request through an HTTPRoute to a Service in another namespace', () => {
  it('answers 500 (RefNotPermitted) without a ReferenceGrant', () => {
    const out = walk(folder(''));
    expect(out).toMatchObject({ status: 500, disposition: 'answered', backend: { namespace: 'bar', service: 'bar', pod: null } });
    expect(out.hops.at(-1)!.detail).toMatch(/no ReferenceGrant in bar lets HTTPRoutes of shop refer to it \(ResolvedRefs False, RefNotPermitted\)/);
  });

  it('reaches the Service’s pod with the grant', () => {
    const out = walk(folder(GRANT));
    expect(out).toMatchObject({ status: 200, disposition: 'delivered', backend: { cluster: 'gateway', namespace: 'bar', service: 'bar', port: 8080, pod: 'bar-1' } });
  });

  it('reads the grant and the cross-namespace backendRef back as calisim manifests writes them', () => {
    const dir = folder(GRANT);
    const t = loadScenarios([dir]).tenants[0]!;
    const out = join(dir, 'emitted.yaml');
    const route = t.httpRoutes!.find((r) => r.name === 'to-bar')!;
    writeFileSync(out, [stringify(httpRouteObject(route)), stringify(referenceGrantObject(t.referenceGrants![0]!))].join('---\n'));
    const back = loadScenarios([out]).tenants[0]!;
    const strip = <T extends { src: unknown }>({ src: _s, ...x }: T) => x;
    expect(strip(back.referenceGrants![0]!)).toEqual(strip(t.referenceGrants![0]!));
    expect(back.httpRoutes![0]!.rules[0]!.backendRefs).toEqual([{ name: 'bar', namespace: 'bar', port: 8080, weight: 1 }]);
  });
});
