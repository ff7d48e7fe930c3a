// reach from outside to a Service's externalIP or LoadBalancer IP: routed only where Calico advertises it,
// then kube-proxy's endpoints, judged by the endpoint's ingress policy on the source the packet carries
// there — the client's with externalTrafficPolicy Local, the entry node's with Cluster (Kubernetes docs,
// "Using Source IP": Type=NodePort/LoadBalancer with Cluster policy SNATs to the node; Local preserves it).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../src/verdict/policy/probes.js';
import { platformProbes } from '../../../src/verdict/reach/platform-probes.js';
import { serviceAddressProbe } from '../../../src/verdict/reach/service-address-probe.js';
import { fastEvaluate } from '../../../src/verdict/state/fast-evaluate.js';
import { exposureAssertion } from '../../../src/verdict/check/exposure.js';
import { edgeRun } from '../trace/edge-fixtures.js';

const FIXTURE = 'test/fixtures/edge/services.yaml';
const dir = mkdtempSync(join(tmpdir(), 'calisim-svc-reach-'));
/** The web pods accept ingress only from the client network 192.0.2.0/24 (a NetworkPolicy ipBlock). */
const CLIENTS_ONLY = `    policies:
      - apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: clients-only, namespace: web }
        spec: { podSelector: {}, policyTypes: [Ingress], ingress: [{ from: [{ ipBlock: { cidr: 192.0.2.0/24 } }] }] }
    services:`;
const edited = (name: string, edits: readonly (readonly [string, string])[]): ReturnType<typeof edgeRun> => {
  let text = readFileSync(FIXTURE, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return edgeRun(file);
};
const guarded = edited('clients-only', [['    services:', CLIENTS_ONLY]]);
const probe = (to: string, r = guarded, port = 80): ProbeResult => {
  const entry = (p: ProbeResult): ProbeResult | undefined => serviceAddressProbe(r.run, r.policies, p, fastEvaluate);
  const out = platformProbes(r.policies, [{ from: '192.0.2.9', to, protocol: 'TCP', port }], 'probes.json', r.run.model, fastEvaluate, entry);
  expect(out.diagnostics).toEqual([]);
  return out.results[0]!;
};

describe('reach to an externalIP or a LoadBalancer IP from outside', () => {
  it('LoadBalancer IP with externalTrafficPolicy Local: only nodes with an endpoint advertise it, and the endpoint sees the client, which its policy allows', () => {
    const r = probe('203.0.113.0');
    expect(r.verdict).toBe('allow');
    expect(r.ingress.endpoint).toMatch(/^web\/web-\d$/);
    expect(r.ingress.reasons!.join('\n')).toMatch(/203\.0\.113\.0\/32 from the 2 node\(s\) with a ready endpoint/);
  });

  it('externalIP or LoadBalancer IP with externalTrafficPolicy Cluster: an endpoint on another node sees the entry node, which the policy denies on that way', () => {
    const r = probe('198.51.100.7');
    // Three entry nodes, two endpoints: the ways to the local endpoint keep the client (policy before
    // POSTROUTING), the others arrive from a node address outside 192.0.2.0/24.
    expect(r.verdict).toBe('unknown');
    expect(r.ingress.reasons!.join('\n')).toMatch(/the ways disagree \(2 of 6 allow\)/);
    const cluster = edited('lb-cluster', [['    services:', CLIENTS_ONLY], ['type: LoadBalancer, externalTrafficPolicy: Local, ', 'type: LoadBalancer, ']]);
    expect(probe('203.0.113.0', cluster).verdict).toBe('unknown');
  });

  it('is denied when Calico does not advertise the address, or the Service has no such port', () => {
    const r = edited('no-lb-range', [['serviceLoadBalancerIPs: [203.0.113.0/28]', 'serviceLoadBalancerIPs: []']]);
    const off = probe('203.0.113.0', r);
    expect(off.verdict).toBe('deny');
    expect(off.ingress.reasons).toEqual([expect.stringMatching(/no BGPConfiguration serviceLoadBalancerIPs range holds it/)]);
    expect(probe('198.51.100.7', guarded, 81).ingress.reasons).toEqual(['Service web/ext has no TCP port 81']);
  });

  it('leaves a probe between two outside addresses alone', () => {
    expect(probe('192.0.2.77').ingress.decided).toBe('not-applicable');
    expect(probe('192.0.2.77').verdict).toBe('allow');
  });
});

describe('exposure of advertised Service addresses', () => {
  const detail = (r: ReturnType<typeof edgeRun>): string => exposureAssertion(r.run, []).detail;

  it('lists an advertised externalIP and LoadBalancer IP as undeclared exposure, and an ExternalName alias as none', () => {
    const d = detail(guarded);
    expect(d).toContain('Service web/ext (externalIP 198.51.100.7:80, advertised by Calico in mgmt)');
    expect(d).toContain('Service web/lb (LoadBalancer IP 203.0.113.0:80, advertised by Calico in mgmt)');
    expect(d).not.toContain('web/alias');
  });

  it('does not list an address no BGPConfiguration range advertises', () => {
    const r = edited('no-ranges', [['serviceExternalIPs: [198.51.100.0/24]', 'serviceExternalIPs: []'], ['serviceLoadBalancerIPs: [203.0.113.0/28]', 'serviceLoadBalancerIPs: []']]);
    expect(detail(r)).not.toMatch(/externalIP 198|LoadBalancer IP 203/);
  });
});
