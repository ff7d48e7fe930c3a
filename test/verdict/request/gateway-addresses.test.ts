// A Gateway's addresses (Gateway API GatewaySpec.addresses, GatewayStatus.addresses): a request sent to one
// of them reaches that Gateway's listeners, a Gateway with addresses takes no request sent elsewhere, and an
// address type the modelled Gateway does not support leaves the Gateway not accepted (UnsupportedAddress),
// reported with its file and line.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { RequestResult } from '../../../src/verdict/request/types.js';
import { edgeRun } from '../trace/edge-fixtures.js';

const FIXTURE = 'test/fixtures/edge/gateway-platform';
const LISTENERS = '  listeners:\n    - { name: https, hostname: "*.acme.example.com", port: 443, protocol: HTTPS }\n';

/** The gateway platform with acme-gw's spec given `extra` lines (after its listeners). */
function platform(name: string, extra: string): string {
  const dir = mkdtempSync(join(tmpdir(), `calisim-gw-${name}-`));
  copyFileSync(join(FIXTURE, 'scenario.yaml'), join(dir, 'scenario.yaml'));
  const text = readFileSync(join(FIXTURE, 'acme-gateway.yaml'), 'utf8');
  expect(text).toContain(LISTENERS);
  writeFileSync(join(dir, 'acme-gateway.yaml'), text.replace(LISTENERS, LISTENERS + extra));
  return join(dir, 'scenario.yaml');
}
const walk = (file: string, url: string): RequestResult => {
  const r = edgeRun(file);
  const out = requestWalker(r.run, r.policies).follow({ url, method: 'GET', headers: {}, from: '198.51.100.10' });
  if (typeof out === 'string') throw new Error(out);
  return out;
};

describe("a Gateway's addresses", () => {
  const both = platform('both', '  addresses: [{ type: IPAddress, value: 203.0.113.10 }, { type: Hostname, value: store.acme.example.com }]\n');

  it('routes a request to its Hostname address through its listener and HTTPRoute', () => {
    const r = walk(both, 'https://store.acme.example.com/');
    expect(r.status).toBe(200);
    expect(r.route).toMatchObject({ kind: 'HTTPRoute', name: 'storefront', listener: 'shop/acme-gw/https' });
    expect(r.hops[0]!.detail).toMatch(/^store\.acme\.example\.com is an address of Gateway shop\/acme-gw \(spec\.addresses, Hostname\); the edge controller serves the Gateway/);
  });

  it('takes a request to its IPAddress to the controller, where a listener for *.acme.example.com does not match the bare address', () => {
    const r = walk(both, 'https://203.0.113.10/');
    expect(r.hops[0]!.detail).toMatch(/^203\.0\.113\.10 is an address of Gateway shop\/acme-gw \(spec\.addresses, IPAddress\)/);
    expect(r.hops.map((h) => h.step)).toContain('controller');
    expect([r.status, r.route, r.disposition]).toEqual([404, null, 'answered']);
  });

  it('takes no request sent to another address', () => {
    const ipOnly = platform('ip-only', '  addresses: [{ value: 203.0.113.10 }]\n');
    const r = walk(ipOnly, 'https://store.acme.example.com/');
    expect([r.status, r.route]).toEqual([404, null]);
  });

  it('reads status.addresses too', () => {
    const status = platform('status', 'status:\n  addresses: [{ type: Hostname, value: store.acme.example.com }]\n');
    expect(walk(status, 'https://store.acme.example.com/').route).toMatchObject({ name: 'storefront' });
  });

  it('reports an unsupported address type and leaves the Gateway out', () => {
    const named = platform('named', '  addresses: [{ type: example.com/pool, value: edge }]\n');
    const s = loadScenario(named);
    expect(s.warnings.map((w) => `${w.file.endsWith('acme-gateway.yaml')}:${w.line} ${w.path}: ${w.message}`)).toContainEqual(
      'true:11 spec.addresses[0]: address type example.com/pool (edge) is not supported: the Gateway is not accepted (Accepted False, UnsupportedAddress) and takes no request',
    );
    expect(walk(named, 'https://store.acme.example.com/').route).toBeNull();
  });

  it('refuses an IPAddress that is not an address', () => {
    const bad = platform('bad', '  addresses: [{ type: IPAddress, value: gw.example.com }]\n');
    expect(() => loadScenario(bad)).toThrow(/spec\.addresses\[0\]\.value.*gw\.example\.com is not an IPv4 address/s);
  });
});
