// The manifest set of the default scenario: every core object validates against the Kubernetes OpenAPI schemas
// (kubernetes-models), every Calico object against Calico's CRDs (../shared/reference, in CI), every reference
// resolves, the install follows the scenario, and the Kubernetes objects read back give the same connections.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { buildManifestSet, safeSegment, type SetFile } from '../../../src/emit/manifest-set.js';
import { manifestSetDiff } from '../../../src/emit/manifest-set-diff.js';
import { manifestTyphaReplicas, operatorTyphaReplicas } from '../../../src/emit/install/calico-install-input.js';
import { checkReferences } from '../../../src/emit/validate/check-references.js';
import { hasCoreSchema, validateCore } from '../../../src/emit/validate/core-schemas.js';
import { buildModel } from '../../../src/model/build-model.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { checkOpenApi } from '../calico/openapi-check.js';
import { cidrContains, parseCidr, parseIpv4 } from '../../../src/lib/ipv4.js';

type Obj = Record<string, unknown>;
const CRDS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/calico/crds');
const ci = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';

function setOf(at = 0, format: 'yaml' | 'json' = 'yaml'): SetFile[] {
  const run = runPlatform(buildModel(loadScenario('scenarios/giantnetes.yaml')), { until: at });
  return buildManifestSet(run, { format });
}

function objectsOf(files: readonly SetFile[], cluster?: string): Obj[] {
  return files
    .filter((f) => (cluster === undefined || f.path.startsWith(cluster + '/')) && f.path.endsWith('.yaml') && !f.path.includes('/flannel/'))
    .flatMap((f) => parseAllDocuments(f.data).map((d) => d.toJSON() as Obj));
}

const set = setOf();
const all = objectsOf(set);
const clusters = [...new Set(set.map((f) => f.path.split('/')[0]!))];

describe('manifest set of the default scenario', () => {
  it('validates every core object against the Kubernetes schemas; only documented kinds have none', () => {
    const invalid = all.filter((o) => hasCoreSchema(String(o['apiVersion']), String(o['kind']))).map((o) => validateCore(o)).filter((m) => m !== undefined);
    expect(invalid).toEqual([]);
    // Calico's objects are validated against its CRDs below, cert-manager's in test/emit/pki, Multus's in
    // network-attachment-crd.test.ts.
    const elsewhere = (v: string): boolean => v.startsWith('projectcalico.org/') || v.startsWith('cert-manager.io/') || v.startsWith('k8s.cni.cncf.io/');
    const unvalidated = new Set(all.filter((o) => !hasCoreSchema(String(o['apiVersion']), String(o['kind'])) && !elsewhere(String(o['apiVersion']))).map((o) => `${String(o['apiVersion'])} ${String(o['kind'])}`));
    // Schemas the reference set and kubernetes-models do not carry (README: "What is validated").
    expect([...unvalidated].sort()).toEqual([
      'kubevirt.io/v1 VirtualMachine',
      'kustomize.config.k8s.io/v1beta1 Kustomization',
      'networking.k8s.io/v1 ServiceCIDR',
      'operator.tigera.io/v1 APIServer',
      'operator.tigera.io/v1 Installation',
    ]);
  });

  it('the schema check catches a broken object (a container without a name, a Service port as text)', () => {
    const ds = all.find((o) => o['kind'] === 'DaemonSet')!;
    const broken = structuredClone(ds) as { spec: { template: { spec: { containers: Obj[] } } } };
    delete broken.spec.template.spec.containers[0]!['name'];
    expect(validateCore(broken as unknown as Obj)).toMatch(/name/);
    expect(validateCore({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 'eighty' }] } })).toBeDefined();
  });

  it('validates every projectcalico.org/v3 object against Calico CRDs', () => {
    if (!existsSync(CRDS)) {
      if (ci) throw new Error(`${CRDS} is missing`);
      console.warn('skipping: ../shared/reference/calico/crds is absent');
      return;
    }
    const plural = (kind: string): string => kind.toLowerCase().replace(/y$/, 'ie') + 's';
    const problems: string[] = [];
    const kinds = new Set<string>();
    // Calico's Node has no CRD (the Calico API server serves it from the node's own record): not validated here.
    for (const o of all.filter((x) => String(x['apiVersion']).startsWith('projectcalico.org/') && x['kind'] !== 'Node')) {
      const kind = String(o['kind']);
      kinds.add(kind);
      const crd = parse(readFileSync(resolve(CRDS, `projectcalico.org_${plural(kind)}.yaml`), 'utf8')) as {
        spec: { versions: { name: string; schema: { openAPIV3Schema: Obj } }[] };
      };
      const schema = crd.spec.versions.find((v) => v.name === 'v3')!.schema.openAPIV3Schema;
      for (const p of checkOpenApi(schema, o)) problems.push(`${kind}: ${p.path}: ${p.message}`);
    }
    expect(problems).toEqual([]);
    expect([...kinds].sort()).toEqual(['BGPConfiguration', 'GlobalNetworkPolicy', 'IPPool', 'NetworkPolicy']);
  });

  it('every ServiceAccount, ConfigMap key, namespace, PriorityClass, role and network named exists or is built in', () => {
    for (const c of clusters) expect(checkReferences(objectsOf(set, c)), c).toEqual([]);
    // and the check finds a missing one
    const broken = objectsOf(set, 'acme').filter((o) => o['kind'] !== 'ServiceAccount');
    expect(checkReferences(broken).map((p) => p.missing)).toContain('ServiceAccount kube-system/calico-node');
  });

  it('calico-node is configured from the scenario: first pool, encapsulation, node network, AS; Typha by the formula', () => {
    const acme = objectsOf(set, 'acme');
    const node = acme.find((o) => o['kind'] === 'DaemonSet' && (o['metadata'] as Obj)['name'] === 'calico-node') as { spec: { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } } };
    const env = Object.fromEntries(node.spec.template.spec.containers[0]!.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));
    const pool = acme.find((o) => o['kind'] === 'IPPool') as { spec: { cidr: string; ipipMode?: string; vxlanMode?: string } };
    expect(env['CALICO_IPV4POOL_CIDR']).toBe(pool.spec.cidr);
    expect(env['CALICO_IPV4POOL_IPIP']).toBe(pool.spec.ipipMode ?? 'Never');
    expect(env['IP_AUTODETECTION_METHOD']).toBe('cidr=172.16.0.0/16');
    expect(env['CLUSTER_TYPE']).toBe('k8s,bgp');
    const typha = acme.find((o) => o['kind'] === 'Deployment' && (o['metadata'] as Obj)['name'] === 'calico-typha') as { spec: { replicas: number } };
    expect(typha.spec.replicas).toBe(2); // acme has four nodes
  });

  it('Typha replicas: the operator formula (GetExpectedTyphaScale) and the documented cap of 20', () => {
    expect([1, 2, 3, 4, 5, 199, 200, 399, 400, 1000, 3599, 3600, 4000].map(operatorTyphaReplicas)).toEqual([1, 1, 2, 2, 3, 3, 3, 3, 4, 7, 19, 20, 22]);
    expect(manifestTyphaReplicas(4000)).toBe(20);
  });

  it('the management cluster runs a flannel DaemonSet per tenant network and every tenant VM on its host', () => {
    const mgmt = objectsOf(set, 'mgmt');
    const flannels = mgmt.filter((o) => o['kind'] === 'DaemonSet' && String((o['metadata'] as Obj)['name']).startsWith('kube-flannel-'));
    const onprem = ['acme', 'globex', 'initech', 'umbrella'].filter((t) => set.some((f) => f.path === `${t}/flannel/net-conf.json`));
    expect(flannels.map((d) => (d['metadata'] as Obj)['name']).sort()).toEqual(onprem.map((t) => `kube-flannel-${t}`).sort());
    const cfg = mgmt.find((o) => o['kind'] === 'ConfigMap' && (o['metadata'] as Obj)['name'] === 'kube-flannel-acme-cfg') as { data: Record<string, string> };
    expect(JSON.parse(cfg.data['net-conf.json']!)).toEqual(JSON.parse(set.find((f) => f.path === 'acme/flannel/net-conf.json')!.data));
    const vms = mgmt.filter((o) => o['kind'] === 'VirtualMachine' && (o['metadata'] as Obj)['namespace'] === 'tenant-acme');
    expect(vms).toHaveLength(4);
    const run = runPlatform(buildModel(loadScenario('scenarios/giantnetes.yaml')), { until: 0 });
    for (const vm of vms as { metadata: { name: string }; spec: { template: { spec: { nodeSelector: Record<string, string> }; metadata: { annotations: Record<string, string> } } } }[]) {
      const n = run.model.nodes[run.model.nodeByName.get(`acme/${vm.metadata.name}`)!]!;
      expect(vm.spec.template.spec.nodeSelector['kubernetes.io/hostname']).toBe(run.model.nodes[n.host]!.shortName);
      expect(vm.spec.template.metadata.annotations['calisim.io/address']).toBe(n.ipText);
    }
  });

  it('the kustomization lists Calico\'s CRDs, then every Kubernetes object file, namespaces first, and no Calico resource or host file', () => {
    const text = set.find((f) => f.path === 'acme/kustomization.yaml')!.data;
    expect(text.split('\n')[0]).toBe('# Written by calisim manifests: cluster 2 of 5 (acme)');
    const all = (parse(text) as { resources: string[] }).resources;
    // Calico's CRDs of the installed release first (upstream's calico.yaml carries them inline), then the files.
    expect(all[0]).toBe('https://raw.githubusercontent.com/projectcalico/calico/v3.32.1/manifests/crds.yaml');
    const k = { resources: all.slice(1) };
    expect(k.resources[0]).toBe('kubernetes/namespaces.yaml');
    const objectFiles = set.filter((f) => f.path.startsWith('acme/') && /\/(kubernetes|install|pki)\//.test(f.path) && f.path.endsWith('.yaml') && !f.path.includes('calico-operator') && !f.path.endsWith('/nodes.yaml')).map((f) => f.path.slice('acme/'.length));
    expect([...k.resources].sort()).toEqual(objectFiles.sort());
    expect(k.resources.indexOf('install/calico.yaml')).toBeLessThan(k.resources.indexOf('kubernetes/workloads.yaml'));
  });

  it('JSON format writes the same objects as v1 Lists', () => {
    const json = setOf(0, 'json');
    const f = json.find((x) => x.path === 'acme/kubernetes/workloads.json')!;
    const list = JSON.parse(f.data) as { kind: string; items: Obj[] };
    expect(list.kind).toBe('List');
    expect(list.items).toEqual(objectsOf(set, 'acme').filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(String(o['kind'])) && String((o['metadata'] as Obj)['namespace']) !== 'kube-system' && String((o['metadata'] as Obj)['namespace']) !== 'kube-flannel'));
  });

  it('--diff between two instants lists exactly the objects that changed', () => {
    const before = set;
    const same = manifestSetDiff(before, before, '0s', '0s');
    expect(same).toMatch(/# 0 to create, 0 to change, 0 to delete\n$/);
    const after = before.map((f) => (f.path === 'acme/kubernetes/workloads.yaml' ? { ...f, data: f.data.replace(/replicas: 2/, 'replicas: 5') } : f));
    const d = manifestSetDiff(before, after, '0s', '5m');
    expect(d).toMatch(/# change: acme apps\/Deployment shop\/\w+/);
    expect(d).toMatch(/# 0 to create, 1 to change, 0 to delete/);
    expect(d).toMatch(/replicas: 5/);
  });

  it('a cluster name unusable as a path segment is made safe', () => {
    expect(['..', '.', '', '../evil', 'a/b', 'acme'].map(safeSegment)).toEqual(['_..', '_.', '_', '.._evil', 'a_b', 'acme']);
  });

  it('every Service cluster IP lies inside the cluster ServiceCIDR', () => {
    let checked = 0;
    for (const c of clusters) {
      const objs = objectsOf(set, c);
      const range = objs.find((o) => o['kind'] === 'ServiceCIDR') as { spec: { cidrs: string[] } };
      const cidr = parseCidr(range.spec.cidrs[0]!, true)!;
      const ips = objs.filter((o) => o['kind'] === 'Service' && (o['spec'] as Obj)['clusterIP'] !== undefined).map((o) => String((o['spec'] as Obj)['clusterIP']));
      for (const ip of ips) expect(cidrContains(cidr, parseIpv4(ip)), `${c} ${ip}`).toBe(true);
      checked += ips.length;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
