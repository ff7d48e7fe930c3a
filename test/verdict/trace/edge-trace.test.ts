import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../src/lib/ipv4.js';
import { platformProbes } from '../../../src/verdict/reach/platform-probes.js';
import { tracePacket } from '../../../src/verdict/trace/trace-packet.js';
import type { Trace } from '../../../src/verdict/trace/types.js';
import { exposureAssertion } from '../../../src/verdict/check/exposure.js';
import { routeReaches } from '../../../src/verdict/check/ingress-routes.js';
import { DENY_TENANT_VMS, IP_MASQ_ON, edgeRun, editedScenario } from './edge-fixtures.js';

const base = edgeRun();
const trace = (from: string, to: string, port: number, r = base): Trace => {
  const t = tracePacket(r.run, r.policies, { from, to, protocol: 6, protocolName: 'TCP', port });
  if (typeof t === 'string') throw new Error(t);
  return t;
};
const steps = (t: Trace) => t.hops.map((h) => h.step);
const clusterIp = (tenant: string, name: string) => base.run.model.clusters[base.run.model.clusterByName.get(tenant)!]!.services.find((s) => s.name === name)!.clusterIP;

describe('trace from outside the platform', () => {
  it('drops a packet from an outside address to a tenant pod: pod addresses are not routed from outside', () => {
    const t = trace('203.0.113.5', 'acme/shop/frontend-0', 8080);
    expect(t.disposition).toBe('dropped');
    expect(t.dropReason).toBe('no-route');
  });

  it('follows a VIP to a healthy member, its NodePort and kube-proxy to an ingress-nginx pod', () => {
    const t = trace('203.0.113.5', '203.0.113.10', 443);
    expect(t.disposition).toBe('delivered');
    expect(steps(t).slice(0, 6)).toEqual(['entry', 'vip', 'lb-member', 'nat', 'node-port', 'kube-proxy']);
    expect(t.hops[t.hops.length - 1]!.at).toMatch(/^ingress-nginx\/ingress-nginx-\d$/);
    // externalTrafficPolicy Local: the endpoint is on the member's own node, no kube-proxy SNAT.
    const member = t.hops.find((h) => h.step === 'lb-member')!.detail.match(/member (mgmt-\d)/)![1];
    expect(t.hops.find((h) => h.step === 'kube-proxy')!.at).toBe(member);
    expect(t.hops.filter((h) => h.step === 'nat')).toHaveLength(1);
  });

  it('treats a NodePort of a management host as inside the cluster', () => {
    const t = trace('203.0.113.5', 'mgmt-2', 30080);
    expect(t.disposition).toBe('delivered');
    expect(steps(t)).toContain('node-port');
    expect(t.hops[t.hops.length - 1]!.detail).toMatch(/ingress-nginx-\d/);
  });

  it('leads a tenant pod to the VIP through the load balancer instead of leaving the platform', () => {
    const t = trace('acme/shop/frontend-0', '203.0.113.10', 443);
    expect(t.disposition).toBe('delivered');
    expect(steps(t)).toContain('vip');
  });
});

describe('trace to a Service', () => {
  it('DNATs a ClusterIP to one of its endpoints (the target port) at the source node', () => {
    const t = trace('acme/shop/frontend-0', clusterIp('acme', 'api'), 80);
    expect(t.disposition).toBe('delivered');
    expect(steps(t)[0]).toBe('kube-proxy');
    expect(t.hops[0]!.detail).toMatch(/DNAT to shop\/api-\d .*:9000/);
    expect(t.hops[t.hops.length - 1]!.at).toMatch(/^shop\/api-\d$/);
  });

  it('drops when the Service has no such port', () => {
    expect(trace('acme/shop/frontend-0', clusterIp('acme', 'api'), 81).dropReason).toBe('no-such-endpoint');
  });
});

describe('the outer wall between the management cluster and a tenant', () => {
  const walled = edgeRun(editedScenario('deny-vms', [DENY_TENANT_VMS]));

  it('judges the controller pod → tenant pod packet at the tenant VM (GlobalNetworkPolicy order 1 denies it)', () => {
    expect(trace('mgmt/ingress-nginx/ingress-nginx-0', 'acme/shop/frontend-0', 8080).disposition).toBe('delivered');
    const t = trace('mgmt/ingress-nginx/ingress-nginx-0', 'acme/shop/frontend-0', 8080, walled);
    expect(t.disposition).toBe('dropped');
    expect(t.dropReason).toBe('denied-by-policy');
    expect(t.hops.find((h) => h.step === 'management-policy')!.policy).toBe('GlobalNetworkPolicy deny-tenant-vms');
  });

  it('makes the exposure check say the Ingress backends are unreachable', () => {
    expect(exposureAssertion(base.run, routeReaches(base.run, base.policies)).detail).toMatch(/acme\.example\.com\/ → shop\/frontend:8080 reachable/);
    expect(exposureAssertion(walled.run, routeReaches(walled.run, walled.policies)).detail).toMatch(/acme\.example\.com\/ → shop\/frontend:8080 unreachable from 3 of 3 controller pod\(s\)/);
  });
});

describe('the source address a tenant pod sees (one rule for trace, reach and check)', () => {
  it('sees the controller host’s address: the management pool masquerades (natOutgoing)', () => {
    const t = trace('mgmt/ingress-nginx/ingress-nginx-0', 'acme/shop/frontend-0', 8080);
    const pod = base.run.pods.pods.find((p) => p.name === 'ingress-nginx-0')!;
    expect(t.hops.find((h) => h.step === 'policy-ingress')!.outerSrc).toBe(formatIpv4(base.run.model.nodes[pod.node]!.ip));
  });

  it('with flannel --ip-masq, a tenant’s packet arrives from the host: trace and reach agree', () => {
    const masq = edgeRun(editedScenario('ip-masq', IP_MASQ_ON));
    const probe = { from: 'acme/shop/frontend-0', to: 'globex/shop/frontend-0', protocol: 'TCP', port: 8080 };
    const off = platformProbes(base.policies, [probe], 'probes.json', base.run.model).results[0]!;
    const on = platformProbes(masq.policies, [probe], 'probes.json', masq.run.model).results[0]!;
    // Without ipMasq globex's frontend sees acme's VM address and refuses it; with it, a management
    // host's address, which its policy admits.
    expect(off.verdict).toBe('deny');
    expect(on.verdict).toBe('allow');
    const t = trace(probe.from, probe.to, 8080, masq);
    const nat = t.hops.filter((h) => h.step === 'nat').map((h) => h.detail);
    expect(nat).toHaveLength(2);
    expect(nat[1]).toMatch(/flannel --ip-masq/);
    expect(t.hops.find((h) => h.step === 'policy-ingress')!.detail).toMatch(/^allow/);
  });
});

describe('check applies the same rule', () => {
  it('finds the breach flannel --ip-masq opens: tenants’ packets arrive from the hosts, which the outer wall trusts', async () => {
    const { runCheck } = await import('../../../src/verdict/check/run-check.js');
    const { buildModel } = await import('../../../src/model/build-model.js');
    const { loadScenarios } = await import('../../../src/scenario/load-scenario.js');
    const report = runCheck(buildModel(loadScenarios([editedScenario('ip-masq-check', IP_MASQ_ON)])));
    const failed = report.assertions.filter((a) => a.status === 'fail').map((a) => a.id);
    expect(failed).toContain('isolation/acme->globex');
    expect(failed).not.toContain('isolation/initech->acme'); // initech's pool does not masquerade: its pod addresses stay outside flannel's Network
  });
});
