// Services as kube-proxy and Calico serve them: internalTrafficPolicy, externalIPs and LoadBalancer IPs
// advertised over BGP, the health-check NodePort's 200/503, session affinity, headless and ExternalName.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracePacket } from '../../../src/verdict/trace/trace-packet.js';
import type { Trace } from '../../../src/verdict/trace/types.js';
import { edgeRun } from '../trace/edge-fixtures.js';

const FIXTURE = 'test/fixtures/edge/services.yaml';
const base = edgeRun(FIXTURE);
const dir = mkdtempSync(join(tmpdir(), 'calisim-svc-'));
const edited = (name: string, from: string, to: string): ReturnType<typeof edgeRun> => {
  const text = readFileSync(FIXTURE, 'utf8');
  expect(text).toContain(from);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text.replace(from, to));
  return edgeRun(file);
};
const trace = (from: string, to: string, port: number, r = base): Trace => {
  const t = tracePacket(r.run, r.policies, { from, to, protocol: 6, protocolName: 'TCP', port });
  if (typeof t === 'string') throw new Error(t);
  return t;
};
const service = (name: string, r = base) => r.run.model.clusters[0]!.services.find((s) => s.name === name)!;
/** The hosts running a web replica, and the one that runs none (two replicas on three hosts). */
const webNodes = new Set(base.run.pods.pods.filter((p) => p.namespace === 'web' && p.phase === 'running').map((p) => base.run.model.nodes[p.node]!.name));
const bare = ['mgmt-1', 'mgmt-2', 'mgmt-3'].find((n) => !webNodes.has(n))!;
const busy = [...webNodes][0]!;

describe('internalTrafficPolicy', () => {
  it('Local keeps ClusterIP traffic on the client node: a node with no endpoint drops it, one with an endpoint delivers it locally', () => {
    const t = trace(bare, '10.96.0.50', 80);
    expect(t.disposition).toBe('dropped');
    expect(t.dropReason).toBe('no-such-endpoint');
    expect(t.hops[0]!.detail).toMatch(/internalTrafficPolicy Local: 0 of 2 usable endpoint\(s\) on this node/);
    const here = trace(busy, '10.96.0.50', 80);
    expect(here.disposition).toBe('delivered');
    expect(here.hops[here.hops.length - 1]!.at).toMatch(/^web\/web-\d$/);
  });

  it('Cluster (the default) sends it to any endpoint', () => {
    const r = edited('itp-cluster', 'internalTrafficPolicy: Local, ', '');
    expect(trace(bare, '10.96.0.50', 80, r).disposition).toBe('delivered');
  });
});

describe('addresses Calico advertises (BGPConfiguration service*IPs)', () => {
  it('routes an externalIP from outside to a node, where kube-proxy treats it as external traffic (Cluster: SNAT to the node)', () => {
    const t = trace('192.0.2.9', '198.51.100.7', 80);
    expect(t.disposition).toBe('delivered');
    expect(t.hops.map((h) => h.step).slice(0, 4)).toEqual(['entry', 'bgp', 'kube-proxy', 'nat']);
    expect(t.hops[1]!.detail).toMatch(/externalIP of Service web\/ext .* 198\.51\.100\.0\/24 from every node \(3 up\)/);
  });

  it('does not route an externalIP outside serviceExternalIPs, nor without an external BGP peer', () => {
    const r = edited('no-ext-range', 'serviceExternalIPs: [198.51.100.0/24]', 'serviceExternalIPs: []');
    const t = trace('192.0.2.9', '198.51.100.7', 80, r);
    expect(t.dropReason).toBe('no-route');
    expect(t.hops[t.hops.length - 1]!.detail).toMatch(/no BGPConfiguration serviceExternalIPs range holds it/);
    const p = edited('no-peer', "peers: [{ name: tor, peerIP: 10.0.0.254, asNumber: 65001 }]", 'peers: []');
    expect(trace('192.0.2.9', '198.51.100.7', 80, p).hops.at(-1)!.detail).toMatch(/no external BGP peer/);
  });

  it("gives a LoadBalancer Service the lowest free address of Calico's LoadBalancer pool, advertised as a /32 only from nodes with an endpoint (Local)", () => {
    expect(service('lb').loadBalancerIP).toBe('203.0.113.0');
    for (const client of ['192.0.2.9', '192.0.2.10', '192.0.2.11', '192.0.2.12']) {
      const t = trace(client, '203.0.113.0', 80);
      expect(t.disposition).toBe('delivered');
      expect(t.hops[1]!.detail).toMatch(/203\.0\.113\.0\/32 from the 2 node\(s\) with a ready endpoint/);
      // Local: the client address is kept (no kube-proxy SNAT) and the endpoint is on the node BGP chose.
      expect(t.hops.some((h) => h.step === 'nat')).toBe(false);
      expect(t.hops[2]!.at).not.toBe(bare);
    }
  });

  it('leaves a LoadBalancer Service without an address when no pool allows LoadBalancer', () => {
    const r = edited('no-lb-pool', ', allowedUses: [LoadBalancer]', ', allowedUses: [Workload]');
    expect(service('lb', r).loadBalancerIP).toBeUndefined();
  });

  it('routes an advertised ClusterIP from outside, masqueraded as off-cluster traffic', () => {
    const t = trace('192.0.2.9', '10.96.0.60', 80);
    expect(t.disposition).toBe('delivered');
    expect(t.hops.find((h) => h.step === 'nat')!.detail).toMatch(/ClusterIP reached from outside/);
  });
});

describe('healthCheckNodePort (LoadBalancer, externalTrafficPolicy Local)', () => {
  it('is allocated from the NodePort range and answers 200 on a node with a ready endpoint, 503 on one without', () => {
    expect(service('lb').healthCheckNodePort).toBe(30000);
    const ok = trace('192.0.2.9', busy, 30000).hops.find((h) => h.step === 'health-check')!;
    expect(ok.detail).toMatch(/answers 200 OK .*"localEndpoints":1/);
    const down = trace('192.0.2.9', bare, 30000).hops.find((h) => h.step === 'health-check')!;
    expect(down.detail).toMatch(/answers 503 Service Unavailable .*"localEndpoints":0/);
  });
});

describe('session affinity, headless and ExternalName Services', () => {
  it('ClientIP affinity pins the client to its endpoint for the timeout', () => {
    const t = trace(bare, '10.96.0.60', 80);
    expect(t.hops[0]!.detail).toMatch(/sessionAffinity ClientIP: every connection from 10\.0\.0\.\d+ goes to this endpoint for 600 s/);
    expect(trace(bare, '10.96.0.60', 80).hops[0]!.detail).toBe(t.hops[0]!.detail);
  });

  it('gives a headless and an ExternalName Service no ClusterIP, and keeps the ExternalName alias', () => {
    expect(service('headless').clusterIP).toBe('None');
    expect(service('alias')).toMatchObject({ type: 'ExternalName', externalName: 'db.example.org', clusterIP: 'None' });
  });
});
