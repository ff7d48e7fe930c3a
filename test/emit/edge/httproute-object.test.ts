// HTTPRoutes as `calisim manifests` writes them read back as the same routes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { gatewayObject } from '../../../src/emit/kubernetes/gateway-object.js';
import { httpRouteObject } from '../../../src/emit/kubernetes/httproute-object.js';
import { loadScenarios } from '../../../src/scenario/load-scenario.js';

const routesOf = (path: string) => (loadScenarios([path]).tenants[0]!.httpRoutes ?? []).map(({ src: _src, ...r }) => r);

describe('HTTPRoute emission', () => {
  it('round-trips the fixture routes (hostnames, parentRefs, matches with headers, weights)', () => {
    const dir = 'test/fixtures/edge/migration/httproute';
    const read = loadScenarios([dir]).tenants[0]!.httpRoutes!;
    const out = join(mkdtempSync(join(tmpdir(), 'calisim-routes-')), 'routes.yaml');
    writeFileSync(out, read.map((r) => stringify(httpRouteObject(r))).join('---\n'));
    expect(routesOf(out)).toEqual(routesOf(dir));
    expect(routesOf(out)[0]!.rules[1]!.backendRefs).toEqual([{ name: 'api-v2', port: 80, weight: 1 }]);
  });
});

describe('Gateway emission', () => {
  it('round-trips the fixture Gateway (class, listener hostname, port, protocol, allowedRoutes)', () => {
    const dir = 'test/fixtures/edge/migration/httproute';
    const [gw] = loadScenarios([dir]).tenants[0]!.gateways!;
    const out = join(mkdtempSync(join(tmpdir(), 'calisim-gw-')), 'gw.yaml');
    writeFileSync(out, stringify(gatewayObject(gw!)));
    const { src: _a, ...back } = loadScenarios([out]).tenants[0]!.gateways![0]!;
    const { src: _b, ...orig } = gw!;
    expect(back).toEqual(orig);
    expect(orig.listeners[0]).toEqual({ name: 'http', hostname: '*.example.com', port: 80, protocol: 'HTTP', from: 'All' });
  });
});

describe('Gateway listeners with a namespace selector (allowedRoutes.namespaces.from: Selector)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calisim-gw-sel-'));
  const gatewayYaml = (namespaces: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: shared-gateway, namespace: infra-ns }
spec:
  gatewayClassName: shared-gateway-class
  listeners:
    - name: https
      hostname: "foo.example.com"
      protocol: HTTPS
      port: 443
      allowedRoutes:
${namespaces}
`;

  it('reads and writes the selector (the cross-namespace routing guide), and reads it back the same', () => {
    const file = join(dir, 'gw.yaml');
    writeFileSync(file, gatewayYaml('        namespaces:\n          from: Selector\n          selector: { matchLabels: { shared-gateway-access: "true" } }'));
    const loaded = loadScenarios([file]);
    expect(loaded.warnings).toEqual([]);
    const gw = loaded.tenants[0]!.gateways![0]!;
    expect(gw.listeners[0]!.selector).toEqual({ matchLabels: [['shared-gateway-access', 'true']], matchExpressions: [] });
    expect(gatewayObject(gw)).toMatchObject({ spec: { listeners: [{ allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'shared-gateway-access': 'true' } } } } }] } });
    const out = join(dir, 'back.yaml');
    writeFileSync(out, stringify(gatewayObject(gw)));
    const { src: _a, ...back } = loadScenarios([out]).tenants[0]!.gateways![0]!;
    const { src: _b, ...orig } = gw;
    expect(back).toEqual(orig);
  });

  it('reports a missing or invalid selector with file, line and field', () => {
    const missing = join(dir, 'missing.yaml');
    writeFileSync(missing, gatewayYaml('        namespaces: { from: Selector }'));
    expect(() => loadScenarios([missing])).toThrow(/missing\.yaml:\d+:\d+: error: spec\.listeners\[0\]\.allowedRoutes\.namespaces\.selector: required when allowedRoutes\.namespaces\.from is Selector/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, gatewayYaml('        namespaces: { from: Selector, selector: { matchExpressions: [{ key: team, operator: Near }] } }'));
    expect(() => loadScenarios([bad])).toThrow(/bad\.yaml:\d+:\d+: error: spec\.listeners\[0\]\.allowedRoutes\.namespaces\.selector\.matchExpressions\[0\]\.operator/);
  });
});
