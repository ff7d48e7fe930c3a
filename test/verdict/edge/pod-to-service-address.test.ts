// reach from a pod to its cluster's externalIP or LoadBalancer IP: kube-proxy on the pod's node DNATs it to
// one of the Service's cluster-wide endpoints (iptables proxier: a pod's packet to an external address skips
// externalTrafficPolicy Local's node-local chain and is not masqueraded), so each endpoint it may pick judges
// the pod's own address — not, as the policy model alone would, an egress to an address outside the cluster.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../src/lib/ipv4.js';
import type { ProbeResult } from '../../../src/verdict/policy/probes.js';
import { tracePacket } from '../../../src/verdict/trace/trace-packet.js';
import type { Trace } from '../../../src/verdict/trace/types.js';
import { platformProbes } from '../../../src/verdict/reach/platform-probes.js';
import { serviceAddressEntry } from '../../../src/verdict/reach/service-address-entry.js';
import { fastEvaluate } from '../../../src/verdict/state/fast-evaluate.js';
import { edgeRun, editedScenario } from '../trace/edge-fixtures.js';

const FIXTURE = 'test/fixtures/edge/services.yaml';
const dir = mkdtempSync(join(tmpdir(), 'calisim-pod-svc-'));
/** The web pods accept ingress only from pods of namespace `from` (a NetworkPolicy namespaceSelector). */
const only = (from: string): ReturnType<typeof edgeRun> => {
  const text = readFileSync(FIXTURE, 'utf8');
  const policy = `    policies:
      - apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: only-${from}, namespace: web }
        spec: { podSelector: {}, policyTypes: [Ingress], ingress: [{ from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ${from} } } }] }] }
    services:`;
  expect(text).toContain('    services:');
  const file = join(dir, `only-${from}.yaml`);
  writeFileSync(file, text.replace('    services:', policy));
  return edgeRun(file);
};
const probe = (r: ReturnType<typeof edgeRun>, to: string, port = 80): ProbeResult => {
  const out = platformProbes(r.policies, [{ from: 'ingress-nginx/ingress-nginx-0', to, protocol: 'TCP', port }], 'probes.json', r.run.model, fastEvaluate, serviceAddressEntry(r.run, r.policies, fastEvaluate));
  expect(out.diagnostics).toEqual([]);
  return out.results[0]!;
};

describe('reach from a pod to an externalIP or a LoadBalancer IP of its cluster', () => {
  const denied = only('web');
  const allowed = only('ingress-nginx');

  it("is judged at the endpoints kube-proxy picks: their ingress policy denies the pod's namespace", () => {
    for (const to of ['198.51.100.7', '203.0.113.0']) {
      const r = probe(denied, to);
      expect(r.verdict).toBe('deny');
      expect(r.ingress.endpoint).toMatch(/^web\/web-\d$/);
      expect(r.ingress.reasons!.join('\n')).toMatch(/DNATs it to web\/web-\d port 8080 \(cluster-wide for a pod's packet, internalTrafficPolicy Cluster: any of 2 usable endpoint\(s\)\)/);
    }
  });

  it("with externalTrafficPolicy Local every endpoint sees the pod's own address, which their policy admits", () => {
    const r = probe(allowed, '203.0.113.0');
    expect(r.verdict).toBe('allow');
    expect(r.ingress.reasons!.join('\n')).toContain('203.0.113.0 is the LoadBalancer IP of Service web/lb');
    expect(r.ingress.reasons!.join('\n')).toContain('source kept (externalTrafficPolicy Local)');
  });

  it("with externalTrafficPolicy Cluster an endpoint on another node sees the pod's node, which their policy does not admit", () => {
    // ingress-nginx-0 runs on mgmt-3, the two web pods on the other hosts.
    const r = probe(allowed, '198.51.100.7');
    expect(r.verdict).toBe('deny');
    expect(r.ingress.reasons).toEqual(['198.51.100.7 is the externalIP of Service web/ext', expect.stringMatching(/^kube-proxy on mgmt-3 DNATs it to web\/web-\d port 8080 \(.*\), masqueraded to 10\.0\.0\.13 \(externalTrafficPolicy Cluster\)$/)]);
  });

  it('trace agrees: the masquerade with Cluster, none with Local', () => {
    const go = (to: string): Trace => {
      const t = tracePacket(allowed.run, allowed.policies, { from: 'mgmt/ingress-nginx/ingress-nginx-0', to, protocol: 6, protocolName: 'TCP', port: 80 });
      if (typeof t === 'string') throw new Error(t);
      return t;
    };
    const cluster = go('198.51.100.7');
    expect([cluster.disposition, cluster.dropReason]).toEqual(['dropped', 'denied-by-policy']);
    expect(cluster.hops.map((h) => h.step)).toContain('nat');
    expect(go('203.0.113.0').disposition).toBe('delivered');
  });

  it('is denied when the Service has no usable endpoint (kube-proxy rejects), and left to the policy model on a port it lacks', () => {
    const file = join(dir, 'scaled-to-0.yaml');
    writeFileSync(file, `${readFileSync(FIXTURE, 'utf8')}events:\n  - { at: 1s, kind: scale, workload: web/web, replicas: 0 }\n`);
    const none = probe(edgeRun(file, '40s'), '198.51.100.7');
    expect(none.verdict).toBe('deny');
    expect(none.ingress.reasons).toEqual(['198.51.100.7 is the externalIP of Service web/ext, but it has no usable endpoint: kube-proxy rejects the connection']);
    expect(probe(denied, '198.51.100.7', 81).ingress.reasons!.join('\n')).not.toContain('DNAT');
  });
});

describe("reach from a pod to another cluster's externalIP", () => {
  // The management cluster advertises 198.51.100.0/24 to a ToR peer and serves the controller pods on 198.51.100.7.
  const file = editedScenario('mgmt-external-ip', [
    ['      asNumber: 64500\n      ipPools:', '      asNumber: 64500\n      peers: [{ name: tor, peerIP: 10.0.0.254, asNumber: 65001 }]\n      serviceExternalIPs: [198.51.100.0/24]\n      ipPools:'],
    ['  ingress:\n    name: ingress-nginx', '    services:\n      - { name: edge, namespace: ingress-nginx, externalIPs: [198.51.100.7], selector: { app.kubernetes.io/name: ingress-nginx }, ports: [{ port: 443, targetPort: 443 }] }\n  ingress:\n    name: ingress-nginx'],
  ]);

  it('leaves by routing and enters as outside traffic, from the address it arrives with', () => {
    const r = edgeRun(file);
    const out = platformProbes(r.policies, [{ from: 'acme/shop/frontend-0', to: '198.51.100.7', protocol: 'TCP', port: 443 }], 'probes.json', r.run.model, fastEvaluate, serviceAddressEntry(r.run, r.policies, fastEvaluate));
    expect(out.diagnostics).toEqual([]);
    const p = out.results[0]!;
    expect([p.verdict, p.egress.endpoint, p.ingress.endpoint]).toEqual(['allow', 'shop/frontend-0', expect.stringMatching(/^ingress-nginx\/ingress-nginx-\d$/)]);
    const frontend = r.run.pods.pods.find((x) => x.name === 'frontend-0' && x.namespace === 'shop' && r.run.model.clusters[x.cluster]!.name === 'acme')!;
    expect(p.ingress.reasons).toEqual([
      '198.51.100.7 is the externalIP of Service ingress-nginx/edge in mgmt: Calico advertises 198.51.100.0/24 from every node (3 up) (serviceExternalIPs)',
      expect.stringMatching(/^via mgmt-\d: externalTrafficPolicy Cluster: any of 3 usable endpoint\(s\); DNAT to ingress-nginx\/ingress-nginx-\d port 443, seen from 10\.0\.0\.1\d$/),
      // Calico natOutgoing on the tenant VM: the pod's address leaves its pools, so the VM's address arrives.
      `the packet leaves acme by routing and arrives from ${formatIpv4(r.run.model.nodes[frontend.node]!.ip)}`,
    ]);
  });
});
