import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const trace = (...args: string[]) => {
  const r = runCli(['trace', 'scenarios/giantnetes.yaml', '--format', 'json', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('calisim trace', () => {
  it('follows a pod-to-pod packet through the route, IPIP, flannel VXLAN and the ingress policy', () => {
    const t = trace('--from', 'acme/shop/api-0', '--to', 'acme/data/db-1', '--protocol', 'TCP', '--port', '5432');
    expect(t.disposition).toBe('delivered');
    const steps = t.hops.map((h: { step: string }) => h.step);
    expect(steps[0]).toBe('policy-egress');
    expect(steps).toContain('route');
    const route = t.hops.find((h: { step: string }) => h.step === 'route');
    // The destination's /26 block, learned over the mesh, next hop = the owning VM's flannel address.
    expect(route.prefix).toMatch(/^10\.10\.\d+\.\d+\/26$/);
    expect(t.hops.find((h: { step: string }) => h.step === 'encapsulation').encap).toBe('ipip');
    expect(steps[steps.length - 2]).toBe('policy-ingress');
  });

  // One CLI run per test: four in one test passed 60 s on a loaded machine.
  it.each([
    ['denied-by-policy', ['--from', 'acme/shop/frontend-0', '--to', 'acme/data/db-1', '--port', '5432']],
    ['mtu-exceeded', ['--from', 'acme/shop/api-0', '--to', 'acme/data/db-1', '--port', '5432', '--size', '1480']],
    ['no-path-between-vpcs', ['--from', 'acme/shop/api-0', '--to', 'umbrella/analytics/spark-0', '--port', '4040']],
  ])('drops with a reason from the fixed list: %s', (reason, args) => {
    expect(trace(...args).dropReason).toBe(reason);
  });

  it("drops between tenants at the management cluster's outer wall", () => {
    const x = trace('--from', 'acme/shop/api-0', '--to', 'globex/data/db-0', '--port', '5432');
    expect(x.dropReason).toBe('denied-by-policy');
    expect(x.hops.some((h: { step: string }) => h.step === 'management-policy')).toBe(true);
  });

  it('sees a silently failed node: packets lost, its routes held until the hold timer expires', () => {
    // acme-2 loses power at 90 s: packets to it are lost, and until the BGP hold timer (240 s, jittered)
    // expires its peers still route its block to it.
    expect(trace('--from', 'acme/acme-1', '--to', 'acme/acme-2', '--protocol', 'ICMP', '--at', '100s').dropReason).toBe('node-down');
    expect(trace('--from', 'acme/acme-1', '--to', 'acme/acme-2', '--protocol', 'ICMP', '--at', '60s').disposition).toBe('delivered');
  });

  it("holds the failed node's routes until the hold timer expires", () => {
    const routes = JSON.parse(runCli(['routes', 'scenarios/giantnetes.yaml', '--node', 'acme/acme-1', '--at', '100s', '--format', 'json']).stdout);
    const viaDead = routes.nodes[0].routes.filter((r: { paths: { peer: string }[] }) => r.paths.some((p) => p.peer === 'acme/acme-2'));
    expect(viaDead).toHaveLength(1);
    const later = JSON.parse(runCli(['routes', 'scenarios/giantnetes.yaml', '--node', 'acme/acme-1', '--at', '340s', '--format', 'json']).stdout);
    expect(later.nodes[0].routes.filter((r: { paths: { peer: string }[] }) => r.paths.some((p) => p.peer === 'acme/acme-2'))).toHaveLength(0);
  });
});

describe('route-reflectors event', () => {
  it('migrates a tenant from the mesh to reflectors: clients keep sessions only to the reflectors, with a short blackhole window', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'calisim-rr-'));
    const text = readFileSync('scenarios/giantnetes.yaml', 'utf8').replace(
      '  - { at: 10m, kind: cert-rotate, tenant: initech }',
      '  - { at: 10m, kind: cert-rotate, tenant: initech }\n  - { at: 12m, kind: route-reflectors, tenant: globex, reflectors: [globex-1, globex-2], clusterId: 244.0.0.1 }',
    );
    const file = join(dir, 'rr.yaml');
    writeFileSync(file, text);
    const bgp = JSON.parse(runCli(['bgp', file, '--at', '14m', '--format', 'json']).stdout);
    const client = bgp.nodes.find((n: { name: string }) => n.name === 'globex/globex-3');
    expect(client.sessions.map((s: { peer: string; state: string }) => `${s.peer} ${s.state}`).sort()).toEqual(['globex/globex-1 Established', 'globex/globex-2 Established']);
    const reconf = bgp.convergence.find((c: { label: string }) => c.label === 'reconfigure');
    expect(reconf.at).toBe(720_000);
    expect(reconf.convergenceMs).toBeGreaterThan(0);
    // Every client still reaches every block once the reflectors have reflected them.
    const routes = JSON.parse(runCli(['routes', file, '--node', 'globex/globex-3', '--at', '14m', '--format', 'json']).stdout);
    expect(routes.nodes[0].routes).toHaveLength(6);
  });

  it('refuses --protocol, --port and --size with --to URL, and --port with ICMP; the URL walk still runs', () => {
    const refused = (args: string[], text: RegExp): void => {
      const r = runCli(args);
      expect({ code: r.code, out: r.stdout }).toEqual({ code: 2, out: '' });
      expect(r.stderr).toMatch(text);
    };
    const url = ['trace', 'scenarios/giantnetes.yaml', '--from', '203.0.113.5', '--to', 'https://acme.example.com/'];
    refused([...url, '--port', '80'], /^calisim: --port: --to URL follows an HTTP request \(its port is the URL's\); it does not apply/);
    refused([...url, '--protocol', 'TCP', '--size', '64'], /^calisim: --protocol, --size: --to URL follows an HTTP request/);
    refused(['trace', 'scenarios/giantnetes.yaml', '--from', 'acme/acme-1', '--to', 'acme/acme-2', '--protocol', 'ICMP', '--port', '80'], /^calisim: --port: ICMP has no ports; it does not apply/);
    const walk = runCli(url);
    expect(walk.code).toBe(0);
    expect(walk.stdout).toMatch(/^GET https:\/\/acme\.example\.com\/ from 203\.0\.113\.5/);
  });

  it('routes refuses --external with --node (an external peer is not a node), and takes each alone', () => {
    const r = runCli(['routes', 'scenarios/giantnetes.yaml', '--node', 'acme/acme-1', '--external']);
    expect({ code: r.code, out: r.stdout }).toEqual({ code: 2, out: '' });
    expect(r.stderr).toMatch(/^calisim: --external: --node lists only the nodes named \(an external peer is not a node\); it does not apply/);
    const one = runCli(['routes', 'scenarios/giantnetes.yaml', '--node', 'acme/acme-1', '--format', 'json']);
    expect(JSON.parse(one.stdout).nodes.map((n: { name: string }) => n.name)).toEqual(['acme/acme-1']);
    expect(runCli(['routes', 'scenarios/giantnetes.yaml', '--external']).code).toBe(0);
  });
});
