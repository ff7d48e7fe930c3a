// Validates the emitted Gateway API objects (Gateway with a namespace selector, HTTPRoute with filters, ReferenceGrant) against the real standard-channel CRD schemas in
// ../shared/reference/gateway-api/crds. Runs whenever CI is set; without CI it skips when the folder is absent.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayObject } from '../../../src/emit/kubernetes/gateway-object.js';
import { httpRouteObject } from '../../../src/emit/kubernetes/httproute-object.js';
import { referenceGrantObject } from '../../../src/emit/kubernetes/reference-grant-object.js';
import type { GatewaySpec, HttpRouteSpec, ReferenceGrantSpec } from '../../../src/scenario/types.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';
import { checkOpenApi } from '../calico/openapi-check.js';
import { crdSchema, referenceCrds } from '../reference-crds.js';

const { dir: CRDS, enabled } = referenceCrds('gateway-api', 'gateway-crd');

const FILES: Readonly<Record<string, string>> = {
  Gateway: 'gateway.networking.k8s.io_gateways.yaml',
  HTTPRoute: 'gateway.networking.k8s.io_httproutes.yaml',
  ReferenceGrant: 'gateway.networking.k8s.io_referencegrants.yaml',
};
/** The version calisim writes: v1 for Gateways and HTTPRoutes, v1beta1 (served by every release since v0.6) for ReferenceGrants. */
const VERSIONS: Readonly<Record<string, string>> = { Gateway: 'v1', HTTPRoute: 'v1', ReferenceGrant: 'v1beta1' };

function schemaOf(kind: string): Record<string, unknown> {
  return crdSchema(resolve(CRDS, FILES[kind]!), VERSIONS[kind]!);
}

function emitted(): Record<string, unknown>[] {
  const t = loadScenarios(['test/fixtures/edge/migration/httproute']).tenants[0]!;
  const selecting: GatewaySpec['listeners'][number] = { name: 'shared', port: 8080, protocol: 'HTTP', from: 'Selector', selector: { matchLabels: [['shared-gateway-access', 'true']], matchExpressions: [{ key: 'team', operator: 'In', values: ['a'] }] } };
  const gateways = (t.gateways ?? []).map((g) => ({ ...g, listeners: [...g.listeners, selecting] }));
  const grant: ReferenceGrantSpec = { name: 'bar', namespace: 'bar', from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'foo' }], to: [{ group: '', kind: 'Service' }, { group: '', kind: 'Service', name: 'bar' }], src: { file: 'x', line: 1, col: 1 } };
  const base = t.httpRoutes![0]!;
  const filtered: HttpRouteSpec = {
    ...base,
    name: 'filtered',
    rules: [
      { matches: base.rules[0]!.matches, backendRefs: [], filters: [{ type: 'RequestRedirect', scheme: 'https', hostname: 'a.example.com', path: { type: 'ReplacePrefixMatch', value: '/v2' }, port: 8443, statusCode: 301 }] },
      { matches: base.rules[0]!.matches, backendRefs: base.rules[0]!.backendRefs, filters: [{ type: 'URLRewrite', hostname: 'b.example.com', path: { type: 'ReplaceFullPath', value: '/x' } }, { type: 'RequestHeaderModifier', set: [{ name: 'a', value: '1' }], add: [{ name: 'b', value: '2' }], remove: ['c'] }] },
    ],
  };
  return [...gateways.map(gatewayObject), ...[...(t.httpRoutes ?? []), filtered].map(httpRouteObject), referenceGrantObject(grant)] as Record<string, unknown>[];
}

describe.skipIf(!enabled)('emitted Gateway API objects', () => {
  it('validate against the gateway.networking.k8s.io/v1 CRDs', () => {
    const objects = emitted();
    expect(objects.filter((o) => o['kind'] === 'Gateway').length).toBeGreaterThan(0);
    expect(objects.filter((o) => o['kind'] === 'HTTPRoute').length).toBeGreaterThan(1);
    expect(objects.filter((o) => o['kind'] === 'ReferenceGrant').length).toBe(1);
    for (const o of objects) expect(checkOpenApi(schemaOf(o['kind'] as string), o), `${o['kind']} ${JSON.stringify(o['metadata'])}`).toEqual([]);
  });

  it('would catch a malformed object (a listener without a port, an unknown path match type)', () => {
    const objects = emitted();
    const gw = objects.find((o) => o['kind'] === 'Gateway')!;
    const spec = gw['spec'] as { listeners: Record<string, unknown>[] };
    const { port: _drop, ...listener } = spec.listeners[0]!;
    expect(checkOpenApi(schemaOf('Gateway'), { ...gw, spec: { ...spec, listeners: [listener] } }).length).toBeGreaterThan(0);
    const route = objects.find((o) => o['kind'] === 'HTTPRoute')!;
    const bad = JSON.parse(JSON.stringify(route).replace(/"PathPrefix"|"Exact"/, '"Glob"')) as Record<string, unknown>;
    expect(checkOpenApi(schemaOf('HTTPRoute'), bad).length).toBeGreaterThan(0);
  });
});
