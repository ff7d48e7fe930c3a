import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process.js';

const fx = 'test/fixtures/manifests';

describe('smaller defects seen on real input', () => {
  it('shows a ReplicationController as [ReplicationController], not [ReplicaSet]', async () => {
    const r = await runInProcess(['reach', `${fx}/bare-pods`, '--format', 'connlist']);
    expect(r.stdout).toContain('default/client-one[Pod] => default/nginx-rc[ReplicationController] : All Connections\n');
    expect(r.stdout).not.toContain('[ReplicaSet]');
  });

  it('counts a pod without an address as not running', async () => {
    const out = mkdtempSync(join(tmpdir(), 'calisim-pods-'));
    const r = await runInProcess(['run', `${fx}/small-pool`, '--out', out, '--until', '10s']);
    expect(r.stdout).toContain('pods 8 running, 2 without IP');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { clusters: { pods: unknown }[] };
    expect(report.clusters[0]!.pods).toEqual({ running: 8, pending: 0, withoutAddress: 2 });
  });

});

describe('what a route leak is', () => {
  const pools = "      ipPools: [{ name: acme-pods, cidr: 10.10.0.0/16, blockSize: 26, ipipMode: Always, natOutgoing: true }]";
  const withAnnounce = (prefix: string): string => {
    const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');
    expect(base).toContain(pools);
    const file = join(mkdtempSync(join(tmpdir(), 'calisim-leak-')), 'tor.yaml');
    writeFileSync(file, base.replace(pools, `${pools}\n      peers:\n        - { name: tor-1, peerIP: 172.16.0.250, asNumber: 65010, announce: [{ prefix: ${prefix}, asPath: [65010] }] }`));
    return file;
  };
  const leaks = async (file: string): Promise<string[]> => {
    const r = await runInProcess(['check', file, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { assertions: { id: string; kind: string; status: string }[] };
    return report.assertions.filter((a) => a.kind === 'route-leak' && a.status === 'fail').map((a) => a.id);
  };

  it("a top-of-rack default route is not a leak into another tenant's pools", async () => {
    expect(await leaks(withAnnounce('0.0.0.0/0'))).toEqual([]);
  });

  it("a route inside another tenant's pool is", async () => {
    expect(await leaks(withAnnounce('10.20.4.0/24'))).toEqual(['route-leak/globex->acme']);
  });
});

describe('each warning once', () => {
  const anchor = '    policies:\n      - apiVersion: networking.k8s.io/v1\n        kind: NetworkPolicy\n        metadata: { name: default-deny, namespace: shop }\n';
  const http = "    policies:\n      - apiVersion: projectcalico.org/v3\n        kind: NetworkPolicy\n        metadata: { name: http-get, namespace: shop }\n        spec: { selector: \"app == 'api'\", ingress: [{ action: Allow, http: { methods: [GET] } }] }\n      - apiVersion: networking.k8s.io/v1\n        kind: NetworkPolicy\n        metadata: { name: default-deny, namespace: shop }\n";

  it('prints the HTTP-match warning of a template shared by three tenants once, and once in a diff', async () => {
    const base = readFileSync('scenarios/giantnetes.yaml', 'utf8');
    expect(base).toContain(anchor);
    const file = join(mkdtempSync(join(tmpdir(), 'calisim-http-')), 'http.yaml');
    writeFileSync(file, base.replace(anchor, http));
    const count = (s: string): number => s.split('HTTP match is enforced only').length - 1;
    const reach = await runInProcess(['reach', file, '--from', 'acme/shop/frontend-0', '--to', 'acme/shop/api-0', '--port', '8080']);
    expect(reach.code).toBe(0);
    expect(count(reach.stderr)).toBe(1);
    const diff = await runInProcess(['diff', file, file]);
    expect(count(diff.stderr)).toBe(1);
  });
});

describe('an unknown verdict', () => {
  it('gives its reason once', async () => {
    const r = await runInProcess(['reach', `${fx}/unknown-namespace`, '--from', 'default/client-one', '--to', 'default/nginx', '--port', '80']);
    expect(r.stdout).toMatch(/TCP 80: UNKNOWN/);
    expect(r.stdout.split('namespace "default" is not declared').length - 1).toBe(1);
  });
});

describe('check on manifests', () => {
  it('asserts that every pod was placed and addressed, as run does', async () => {
    const r = await runInProcess(['check', `${fx}/small-pool`, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { assertions: { id: string; status: string; detail: string }[] };
    const placed = report.assertions.find((a) => a.id === 'pods-placed/small-pool');
    expect(placed).toMatchObject({ status: 'fail', detail: '0 pod(s) pending (no node fits), 2 without an IP address' });
  });
});
