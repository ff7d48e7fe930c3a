import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

interface Assertion {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly detail: string;
  readonly src?: { readonly file: string; readonly line: number };
}

// The default scenario with acme's Gateway and HTTPRoutes (test/fixtures/edge/gateway-platform): the
// storefront's frontend rule passes, its api rule meets acme's default-deny, and a route from another
// namespace is not accepted (Gateway API: allowedRoutes.namespaces.from defaults to Same).
describe('calisim check: one assertion per HTTPRoute rule', () => {
  it('judges each rule\'s backends through both walls, and the routes no listener accepts', () => {
    const r = runCli(['check', 'test/fixtures/edge/gateway-platform/scenario.yaml', '--format', 'json']);
    expect(r.stderr).not.toMatch(/internal error/);
    const all = (JSON.parse(r.stdout) as { assertions: Assertion[] }).assertions.filter((a) => a.id.startsWith('httproute-rule/'));
    const by = new Map(all.map((a) => [a.id, a]));
    expect([...by.keys()].sort()).toEqual(['httproute-rule/acme/data/reports#0', 'httproute-rule/acme/shop/storefront#0', 'httproute-rule/acme/shop/storefront#1']);
    expect(by.get('httproute-rule/acme/shop/storefront#1')).toMatchObject({ kind: 'ingress-route', status: 'pass', src: { file: 'test/fixtures/edge/gateway-platform/acme-gateway.yaml', line: 12 } });
    expect(by.get('httproute-rule/acme/shop/storefront#0')).toMatchObject({ status: 'fail' });
    expect(by.get('httproute-rule/acme/shop/storefront#0')!.detail).toMatch(/Service shop\/api: 3 of 3 controller pod\(s\) reach no endpoint: denied by ingress policy/);
    expect(by.get('httproute-rule/acme/data/reports#0')).toMatchObject({ status: 'fail', detail: 'not served: Gateway shop/acme-gw listener https allows routes from its own namespace only' });
  });
});
