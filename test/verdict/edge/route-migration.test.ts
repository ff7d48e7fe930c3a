// The Ingress → HTTPRoute migration diff on a small pair of manifest folders: a `*.` wildcard that takes
// one label in Ingress v1 but any number in Gateway API, and a header match only the HTTPRoutes have;
// and HTTPRoute manifests' bad input reported with file, line and field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/lib/diagnostics.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';
import { routeMigrationDiff } from '../../../src/verdict/request/route-migration.js';

const DIR = 'test/fixtures/edge/migration';
const tenant = (folder: string) => loadScenarios([join(DIR, folder)]).tenants[0]!;

describe('Ingress → HTTPRoute migration diff', () => {
  const before = tenant('ingress');
  const after = tenant('httproute');
  const diff = routeMigrationDiff(before.ingresses, after.httpRoutes ?? []);
  const changed = diff.changes.map((c) => `${c.host}${c.path}${c.headers['x-version'] ? ' v2' : ''}: ${c.ingress?.backend ?? '404'} → ${c.httpRoute?.backend ?? '404'}`);

  it('reads the HTTPRoutes with their hostnames, matches and backends', () => {
    expect(after.httpRoutes!.map((r) => r.name)).toEqual(['shop', 'wild']);
    expect(after.httpRoutes![0]!.rules[1]!.matches[0]).toEqual({ path: { type: 'PathPrefix', value: '/api' }, headers: [{ name: 'X-Version', value: '2' }], queryParams: [] });
    expect(after.httpRoutes![0]!.rules[2]!.matches[0]!.path).toEqual({ type: 'PathPrefix', value: '/' });
  });

  it('finds a two-label host the Ingress wildcard missed (404) and the HTTPRoute wildcard takes', () => {
    expect(changed).toContain('b.a.example.com/api: 404 → legacy:80');
    // One label: both wildcards take it, no change.
    expect(changed.some((c) => c.startsWith('a.example.com'))).toBe(false);
  });

  it('finds the requests a header match sends elsewhere, and nothing else on the exact host', () => {
    expect(changed.filter((c) => c.startsWith('shop.example.com'))).toEqual(['shop.example.com/api v2: api:80 → api-v2:80', 'shop.example.com/api/deeper v2: api:80 → api-v2:80']);
    expect(diff.changes).toHaveLength(14);
    expect(diff.probed).toBe(48);
  });
});

describe('HTTPRoute manifests: bad input', () => {
  it('reports a hostname that is not one, a relative path and a Service backend without a port, with line and field', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'calisim-route-')), 'bad.yaml');
    writeFileSync(
      file,
      `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: bad, namespace: web }
spec:
  hostnames: ["Shop_Example.com"]
  rules:
    - matches: [{ path: { type: PathPrefix, value: api } }]
      backendRefs: [{ name: web }]
`,
    );
    let err: unknown;
    try {
      loadScenarios([file]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).diagnostics.map((d) => `${d.line}:${d.path}`)).toEqual(['5:spec.hostnames[0]', '7:spec.rules[0].matches[0].path.value', '8:spec.rules[0].backendRefs[0].port']);
  });
});
