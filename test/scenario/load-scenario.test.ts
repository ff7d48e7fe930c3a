import { readFileSync } from 'node:fs';
// Loading the shipped scenarios: giantnetes.yaml (defaults, placeholders, templates) and large.yaml (size,
// speed), the default path, and determinism.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultScenarioPath, loadScenario } from '../../src/scenario/load-scenario.js';

const scenarios = fileURLToPath(new URL('../../scenarios/', import.meta.url));


/** 1-based line of the first line of the default scenario that contains `text`. */
function lineOf(text: string): number {
  return readFileSync(defaultScenarioPath(), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('giantnetes.yaml', () => {
  const s = loadScenario(defaultScenarioPath());

  it('is the default scenario and loads without warnings', () => {
    expect(existsSync(defaultScenarioPath())).toBe(true);
    expect(defaultScenarioPath().endsWith('scenarios/giantnetes.yaml')).toBe(true);
    expect(s.name).toBe('giantnetes');
    expect(s.seed).toBe(42);
    expect(s.horizon).toBe(15 * 60_000);
    expect(s.warnings).toEqual([]);
    expect(s.sourceFiles).toEqual([defaultScenarioPath()]);
  });

  it('expands the management node generator with {i} and {i+10}', () => {
    const mgmt = s.platform?.management;
    expect(mgmt?.nodes.map((n) => [n.name, n.ip])).toEqual([
      ['mgmt-1', '10.0.0.11'],
      ['mgmt-2', '10.0.0.12'],
      ['mgmt-3', '10.0.0.13'],
    ]);
    expect(mgmt?.underlay).toMatchObject({ kind: 'physical', cidr: '10.0.0.0/24', mtu: 1500 });
    expect(mgmt?.calico.asNumber).toBe(64500);
  });

  it('applies the template per tenant and resolves {tenant}', () => {
    expect(s.tenants.map((t) => [t.name, t.placement, t.nodes.length])).toEqual([
      ['acme', 'onprem', 4],
      ['globex', 'onprem', 6],
      ['initech', 'onprem', 3],
      ['umbrella', 'cloud', 5],
    ]);
    const acme = s.tenants[0];
    expect(acme?.ingresses[0]?.host).toBe('acme.example.com');
    expect(s.tenants[1]?.ingresses[0]?.host).toBe('globex.example.com');
    expect(acme?.workloads.map((w) => `${w.namespace}/${w.name}:${w.kind}x${w.replicas}`)).toEqual([
      'shop/frontend:Deploymentx3',
      'shop/api:Deploymentx2',
      'data/db:StatefulSetx2',
    ]);
    expect(acme?.policies.map((p) => `${p.kind}/${p.namespace ?? ''}/${p.name}`)).toContain('NetworkPolicy/data/api-to-db');
    // The cloud tenant has no template: its own lists only.
    expect(s.tenants[3]?.workloads.map((w) => w.name)).toEqual(['spark']);
  });

  it('fills Calico, flannel and Kubernetes defaults', () => {
    const acme = s.tenants[0];
    expect(acme?.underlay).toMatchObject({ kind: 'flannel', flannel: { vni: 101, port: 8472, subnetLen: 24, mtu: 1450, ipMasq: false } });
    expect(acme?.calico).toMatchObject({ asNumber: 64512, nodeToNodeMeshEnabled: true, strictAffinity: false, maxBlocksPerHost: 0 });
    expect(acme?.calico.ipPools[0]).toMatchObject({ cidr: '10.10.0.0/16', ipipMode: 'Always', vxlanMode: 'Never', nodeSelector: 'all()', allowedUses: ['Workload', 'Tunnel'], disabled: false });
    expect(acme?.nodes[0]).toMatchObject({ name: 'acme-1', labels: { zone: 'a' }, maxPods: 110 });
    expect(acme?.workloads[0]?.serviceAccount).toBe('default');
    expect(acme?.workloads[0]?.ports[0]).toEqual({ name: 'http', containerPort: 8080, protocol: 'TCP' });
    expect(acme?.services[1]?.ports[0]).toEqual({ port: 80, targetPort: 9000, protocol: 'TCP' });
    expect(acme?.services[0]?.externalTrafficPolicy).toBe('Cluster');
    expect(acme?.namespaces[0]?.labels).toEqual({ team: 'web', 'kubernetes.io/metadata.name': 'shop' });
    expect(s.tenants[3]?.underlay).toMatchObject({ kind: 'vpc', vpc: { cidr: '10.100.0.0/16', mtu: 9001, region: 'eu-central-1' } });
  });

  it('reads the platform with durations in ms', () => {
    const p = s.platform;
    expect(p?.ingress).toMatchObject({ replicas: 3, className: 'nginx', httpNodePort: 30080, externalTrafficPolicy: 'Local', hostNetwork: false });
    expect(p?.loadBalancers[0]?.monitors).toEqual([{ type: 'http', port: 10254, send: 'GET /healthz HTTP/1.0\r\n\r\n', receive: '200 OK', interval: 5000, timeout: 16000 }]);
    expect(p?.loadBalancers[0]?.vips[0]).toEqual({ address: '203.0.113.10', port: 443, protocol: 'TCP' });
    expect(p?.pki).toMatchObject({ caTTL: 8760 * 3_600_000, certTTL: 720 * 3_600_000, rotationPeriod: 24 * 3_600_000 });
  });

  it('reads events and expectations', () => {
    expect(s.events.map((e) => [e.at, e.kind])).toEqual([
      [90_000, 'node-down'],
      [180_000, 'policy-apply'],
      [300_000, 'scale'],
      [360_000, 'node-up'],
      [600_000, 'cert-rotate'],
    ]);
    expect(s.events[0]?.mode).toBe('silent');
    expect(s.events[1]?.policies?.[0]?.kind).toBe('NetworkPolicy');
    expect(s.events[1]?.policies?.[0]?.locate('spec.egress[0].destination.ports[0]').line).toBe(lineOf('destination: { ports: [53] }'));
    expect(s.expect).toMatchObject({ isolation: 'all', convergeWithin: 300_000, ipamHeadroom: 0.1, consistentMtu: true });
    expect(s.expect.reach[1]).toMatchObject({ protocol: 'TCP', port: 5432, expect: 'allow', from: { workload: 'api' } });
  });

  it('points records at their source lines', () => {
    expect(s.tenants[0]?.src).toMatchObject({ line: lineOf('  - name: acme'), col: 5 });
    // Template-provided records point into the template.
    expect(s.tenants[2]?.workloads[2]?.src.line).toBe(lineOf('      - name: db'));
  });

  it('is deterministic (same data, locators aside)', () => {
    const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    expect(plain(loadScenario(defaultScenarioPath()))).toEqual(plain(s));
  });
});

describe('large.yaml', () => {
  it('has 50 tenants, 2,000 VMs, 20,000 pods on 20 hosts and the outer wall from its manifest folder', () => {
    const s = loadScenario(`${scenarios}large.yaml`);
    expect(s.warnings).toEqual([]);
    expect(s.tenants).toHaveLength(50);
    expect(s.tenants.reduce((n, t) => n + t.nodes.length, 0)).toBe(2000);
    expect(s.tenants.reduce((n, t) => n + t.workloads.reduce((m, w) => m + w.replicas, 0), 0)).toBe(20_000);
    expect(s.platform?.management.nodes).toHaveLength(20);
    const vnis = s.tenants.map((t) => (t.underlay.kind === 'flannel' ? t.underlay.flannel.vni : 0));
    expect(new Set(vnis).size).toBe(50);
    expect(s.tenants[11]?.calico.ipPools[0]?.cidr).toBe('10.12.0.0/16');
    expect(s.tenants[11]?.nodes[2]?.name).toBe('t12-vm-03');
    const wall = s.platform?.management.policies ?? [];
    expect(wall.map((p) => `${p.kind}/${p.namespace ?? ''}/${p.name}`)).toEqual([
      'GlobalNetworkPolicy//tenant-vm-wall',
      ...s.tenants.map((t) => `NetworkPolicy/tenant-${t.name}/same-tenant`),
    ]);
  });
});
