// `calisim manifests` then every command on the written folder, as a user reads it back: the set's root (one
// cluster per folder, in the platform's order) and a single cluster folder give the scenario's connection list,
// matrix and routes again, and its platform; check agrees on every assertion but the expect section's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import type { Scenario } from '../../src/scenario/types.js';
import { runInProcess } from './run-in-process.js';

/** Records without their source positions (those differ between the scenario and the set). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'src' ? undefined : x)));

const dir = mkdtempSync(join(tmpdir(), 'calisim-read-back-'));
const set = join(dir, 'set');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const r = await runInProcess(['manifests', 'scenarios/giantnetes.yaml', '-o', set, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
});

/** The command's stdout on the scenario and on the read-back folder. */
async function both(args: readonly string[], folder = set): Promise<[string, string]> {
  const a = await runInProcess([args[0]!, 'scenarios/giantnetes.yaml', ...args.slice(1)]);
  const b = await runInProcess([args[0]!, folder, ...args.slice(1)]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  return [a.stdout, b.stdout];
}

describe('reading back a manifest set', () => {
  it('the root gives every cluster, in the platform order, with the same connection list', async () => {
    const [want, got] = await both(['reach', '--format', 'connlist']);
    expect(got).toBe(want);
    // The management cluster's tenant VMs come back from their KubeVirt VirtualMachines.
    expect(got).toMatch(/^# cluster mgmt\n/);
    expect(got).toContain('tenant-acme/acme-1[Pod]');
  });

  it('the same matrix and routes', async () => {
    const [m1, m2] = await both(['reach', '--matrix']);
    expect(m2).toBe(m1);
    const [r1, r2] = await both(['routes', '--format', 'json']);
    const nodes = (s: string): unknown => (JSON.parse(s) as { nodes: unknown }).nodes;
    expect(nodes(r2)).toEqual(nodes(r1));
  });

  // A manifest folder holds no expect section (reach/*, ipam-headroom/*, bgp-convergence: the README lists
  // them); the platform comes back from the management cluster's folder, so the platform verdicts
  // (ingress-route/*, ingress-conflict, lb-blackholes, lb-failover) are there and mgmt is no tenant of its own.
  it("check gives the scenario's verdicts but for those of its expect section", async () => {
    const [a, b] = await both(['check', '--format', 'json']);
    const status = (s: string): Map<string, string> =>
      new Map((JSON.parse(s) as { assertions: { id: string; status: string }[] }).assertions.map((x) => [x.id, x.status]));
    const want = status(a);
    const got = status(b);
    expect([...want.keys()].filter((id) => !got.has(id)).sort()).toEqual([
      'bgp-convergence',
      'ipam-headroom/acme/acme-pods',
      'ipam-headroom/globex/globex-pods',
      'ipam-headroom/initech/initech-pods',
      'ipam-headroom/mgmt/mgmt-pods',
      'ipam-headroom/umbrella/umbrella-pods',
      'reach/0',
      'reach/1',
      'reach/2',
    ]);
    expect([...got.keys()].filter((id) => !want.has(id))).toEqual([]);
    for (const [id, s] of got) expect(s, id).toBe(want.get(id));
    const ids = [...got.keys()];
    expect(ids.filter((id) => id.startsWith('ingress-route/'))).toHaveLength(3);
    expect(ids).toEqual(expect.arrayContaining(['ingress-conflict', 'lb-blackholes', 'lb-failover', 'lb-vip-routed', 'load-balancers']));
  });

  it('the platform: mgmt manages the on-premises tenants on their flannel networks, umbrella is in a VPC', () => {
    const scenario = loadScenario('scenarios/giantnetes.yaml');
    const back = loadScenario(set);
    expect(back.platform?.management.name).toBe('mgmt');
    const placed = (s: Scenario): unknown => s.tenants.map((t) => [t.name, t.placement, t.underlay.kind, t.underlay.kind === 'vpc' ? t.underlay.vpc.region : '']);
    expect(placed(back)).toEqual(placed(scenario));
    const flannel = (s: Scenario): unknown => plain(s.tenants.map((t) => (t.underlay.kind === 'flannel' ? t.underlay.flannel : undefined)));
    expect(flannel(back)).toEqual(flannel(scenario));
    expect(plain(back.platform?.ingress)).toEqual(plain(scenario.platform?.ingress));
    expect(plain(back.platform?.loadBalancers)).toEqual(plain(scenario.platform?.loadBalancers));
    // PKI lifetimes from the Vault script (CA) and the cert-manager Certificates (TTL, rotation period).
    const lifetimes = (s: Scenario): unknown => [s.platform?.pki.caTTL, s.platform?.pki.certTTL, s.platform?.pki.rotationPeriod];
    expect(lifetimes(back)).toEqual(lifetimes(scenario));
  });

  it('a request follows the same path through the F5, kube-proxy and ingress-nginx (only the files cited differ)', async () => {
    const [want, got] = await both(['request', '--url', 'https://acme.example.com/']);
    const cited = / \((?:scenarios\/giantnetes\.yaml|[^()]*\/kubernetes\/policies\.yaml):\d+\)$/gm;
    expect(got).toContain('[vip] f5-a: VIP 203.0.113.10:443 of f5-a');
    expect(got.replace(cited, '')).toBe(want.replace(cited, ''));
  });

  // A warning must be true: the IngressClass and the NetworkAttachmentDefinitions are read by the platform
  // read-back, so they are not called ignored; a kind really ignored is warned about once per kind per file.
  it('warns only about what it does not read, once per kind per file, and says what it reads', () => {
    const warnings = loadScenario(set).warnings.map((w) => `${relative(set, w.file)}: ${w.message}`);
    expect(warnings.filter((w) => w.includes('is not modelled'))).toEqual([
      'acme/kubernetes/service-cidr.yaml: kind ServiceCIDR is not modelled; 1 object ignored',
      'globex/kubernetes/service-cidr.yaml: kind ServiceCIDR is not modelled; 1 object ignored',
      'initech/kubernetes/service-cidr.yaml: kind ServiceCIDR is not modelled; 1 object ignored',
      'mgmt/install/ingress-nginx.yaml: kind ClusterRole is not modelled; 1 object ignored',
      'mgmt/install/ingress-nginx.yaml: kind ClusterRoleBinding is not modelled; 1 object ignored',
      'mgmt/install/ingress-nginx.yaml: kind Role is not modelled; 1 object ignored',
      'mgmt/install/ingress-nginx.yaml: kind RoleBinding is not modelled; 1 object ignored',
      'mgmt/install/ingress-nginx.yaml: kind ConfigMap is not modelled; 1 object ignored',
      'mgmt/kubernetes/service-cidr.yaml: kind ServiceCIDR is not modelled; 1 object ignored',
      'umbrella/kubernetes/service-cidr.yaml: kind ServiceCIDR is not modelled; 1 object ignored',
    ]);
    const summary = (cluster: string): string => warnings.find((w) => w.startsWith(`${cluster}/kustomization.yaml: `))!;
    expect(summary('acme')).toContain('read back from kubernetes, calico;');
    expect(summary('mgmt')).toContain('read back from kubernetes, calico, install/ingress-nginx.yaml, install/tenant-vms.yaml; the platform from');
    expect(summary('mgmt')).toContain('IngressClass');
    expect(summary('mgmt')).toContain('NetworkAttachmentDefinitions');
  });

  it('refuses a VNI out of range in a tenant\'s net-conf.json with file, line and field (exit 2)', async () => {
    const file = join(set, 'mgmt/install/flannel.yaml');
    const text = readFileSync(file, 'utf8');
    const from = text.indexOf('"VNI": ');
    const edited = `${text.slice(0, from)}"VNI": 16777216${text.slice(text.indexOf(',', from))}`;
    writeFileSync(file, edited);
    const r = await runInProcess(['check', set]).finally(() => writeFileSync(file, text));
    expect(r.code).toBe(2);
    const line = text.slice(0, text.lastIndexOf('net-conf.json', from)).split('\n').length;
    expect(r.stderr.split('\n').filter((l) => l.includes(': error: '))).toEqual([
      `${file}:${line}:18: error: ConfigMap kube-flannel-acme-cfg: data.net-conf.json: Backend.VNI: 16777216 is not a valid VNI in 1..16777215`,
    ]);
  });

  it('one cluster folder reads back as that cluster', async () => {
    const r = await runInProcess(['reach', join(set, 'acme'), '--format', 'connlist']);
    expect(r.code, r.stderr).toBe(0);
    const [full] = await both(['reach', '--format', 'connlist']);
    const acme = full.split('# cluster ')[2]!.split('\n').slice(1).join('\n');
    expect(r.stdout).toBe(acme);
    expect(r.stderr).toContain('was written by calisim manifests');
  });
});
