// Real manifests (a kubectl-dump-like folder, plain manifest files, several paths) into a single-cluster
// scenario: normalisation of each kind, owners, referenced namespaces, ignored kinds, locators.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarios } from '../../src/scenario/load-scenario.js';
import { brief, diagnosticsOf, tempTree } from './helpers.js';

const folder = fileURLToPath(new URL('../fixtures/scenario/manifests', import.meta.url));

describe('a folder of manifests', () => {
  const s = loadScenario(folder);
  const t = s.tenants[0];

  it('becomes one on-premises tenant on a plain network, without a platform', () => {
    expect(s.name).toBe('manifests');
    expect(s.platform).toBeUndefined();
    expect(s.tenants).toHaveLength(1);
    expect(t).toMatchObject({ name: 'manifests', placement: 'onprem', underlay: { kind: 'physical', cidr: '10.0.0.0/16', mtu: 1500 } });
    expect(s.expect).toMatchObject({ isolation: 'all', reach: [], consistentMtu: true });
    expect(s.events).toEqual([]);
  });

  it('is named after the folder a relative `.` or `..` stands for', () => {
    const cwd = process.cwd();
    try {
      process.chdir(`${folder}/apps`);
      expect(loadScenario('..').tenants[0]!.name).toBe('manifests');
      process.chdir(folder);
      expect(loadScenario('.').name).toBe('manifests');
    } finally {
      process.chdir(cwd);
    }
  });

  it('reads the files recursively in sorted order', () => {
    expect(s.sourceFiles.map((f) => f.slice(folder.length + 1))).toEqual([
      'apps/deploy.yaml',
      'apps/pods.json',
      'namespaces.yaml',
      'other.yaml',
      'policies.yaml',
      'service.yaml',
    ]);
  });

  it('takes nodes from the pods node names, sorted', () => {
    expect(t?.nodes.map((n) => n.name)).toEqual(['worker-1', 'worker-2']);
  });

  it('normalises namespaces, adding undeclared ones that pods use', () => {
    expect(t?.namespaces).toEqual([
      expect.objectContaining({ name: 'shop', declared: true, labels: { team: 'web', 'kubernetes.io/metadata.name': 'shop' } }),
      expect.objectContaining({ name: 'data', declared: true }),
      expect.objectContaining({ name: 'batch', declared: false, labels: { 'kubernetes.io/metadata.name': 'batch' } }),
    ]);
  });

  it('reads the Deployment and folds its ReplicaSet into it', () => {
    expect(t?.workloads).toEqual([
      expect.objectContaining({
        name: 'frontend', namespace: 'shop', kind: 'Deployment', replicas: 2, labels: { app: 'frontend' },
        serviceAccount: 'web', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], hostNetwork: false,
      }),
    ]);
  });

  it('keeps pods from a PodList as static pods, owner resolved through the ReplicaSet hash', () => {
    expect(t?.pods).toEqual([
      expect.objectContaining({ name: 'frontend-7d9c8-abcde', namespace: 'shop', podIP: '10.244.1.5', nodeName: 'worker-2', owner: { kind: 'Deployment', name: 'frontend' } }),
      expect.objectContaining({ name: 'loader', namespace: 'batch', podIP: '10.244.0.7', ports: [] }),
    ]);
    expect(t?.pods[1]?.owner).toBeUndefined();
  });

  it('reads a kind: List with a Service and an Ingress (rule and default backend)', () => {
    expect(t?.services).toEqual([
      expect.objectContaining({ name: 'frontend', type: 'ClusterIP', ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] }),
    ]);
    expect(t?.ingresses.map((i) => [i.host, i.className, i.paths])).toEqual([
      ['shop.example.com', 'nginx', [{ path: '/', pathType: 'Prefix', service: 'frontend', port: 'http' }]],
      [undefined, 'nginx', [{ path: '/', pathType: 'Prefix', service: 'frontend', port: 80, defaultBackend: true }]],
    ]);
  });

  it('keeps policies whole, with a working locator', () => {
    const np = t?.policies.find((p) => p.name === 'default-deny');
    expect(np).toMatchObject({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', namespace: 'data' });
    expect(np?.locate('spec.ingress[0].ports[0].port')).toEqual({ file: `${folder}/policies.yaml`, line: 8, col: 23 });
    expect(np?.locate('spec.ingress[0].nothing')).toEqual({ file: `${folder}/policies.yaml`, line: 7, col: 7 });
    expect(np?.body).toMatchObject({ spec: { podSelector: {} } });
    const gnp = t?.policies.find((p) => p.kind === 'GlobalNetworkPolicy');
    expect(gnp?.namespace).toBeUndefined();
  });

  it('folds Calico resources into the cluster', () => {
    expect(t?.calico).toMatchObject({ asNumber: 65010, nodeToNodeMeshEnabled: false, serviceClusterIPs: ['10.96.0.0/12'] });
    expect(t?.calico.ipPools).toEqual([expect.objectContaining({ name: 'pods', cidr: '10.244.0.0/16', blockSize: 24, vxlanMode: 'Always' })]);
    expect(t?.calico.peers).toEqual([expect.objectContaining({ name: 'tor', peerIP: '192.0.2.1', asNumber: 65000, nodeSelector: "rack == 'a'" })]);
  });

  it('ignores unmodelled kinds with one warning per kind', () => {
    expect(t?.ignored.map((m) => m.kind)).toEqual(['ConfigMap', 'ConfigMap', 'Secret']);
    expect(s.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, 'kind ConfigMap is not modelled; 2 objects ignored'],
      [10, 'kind Secret is not modelled; 1 object ignored'],
    ]);
  });

  it('is deterministic', () => {
    const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    expect(plain(loadScenario(folder))).toEqual(plain(s));
  });
});

describe('manifest inputs', () => {
  it('reads a single multi-document manifest file; no pods naming nodes gives node-1 and the default pool', () => {
    const dir = tempTree({ 'np.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: b }\n' });
    const s = loadScenario(`${dir}/np.yaml`);
    expect(s.name).toBe('np');
    expect(s.tenants[0]?.nodes.map((n) => n.name)).toEqual(['node-1']);
    expect(s.tenants[0]?.calico.ipPools).toEqual([expect.objectContaining({ name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', ipipMode: 'Always', natOutgoing: true })]);
  });

  it('takes nodes from Node objects (InternalIP, allocatable pods)', () => {
    const dir = tempTree({
      'nodes.yaml': [
        'apiVersion: v1',
        'kind: Node',
        'metadata: { name: n1, labels: { zone: a } }',
        'status:',
        '  addresses: [{ type: Hostname, address: n1 }, { type: InternalIP, address: 10.1.2.3 }]',
        '  allocatable: { pods: "250" }',
      ].join('\n'),
    });
    expect(loadScenario(dir).tenants[0]?.nodes).toEqual([expect.objectContaining({ name: 'n1', ip: '10.1.2.3', labels: { zone: 'a' }, maxPods: 250 })]);
  });

  it('merges several paths given together, and refuses a scenario file among them', () => {
    const dir = tempTree({ 'a/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n', 'b.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: { name: b }\n' });
    const s = loadScenarios([`${dir}/a`, `${dir}/b.yaml`]);
    expect(s.tenants[0]?.name).toBe('a');
    expect(s.tenants[0]?.namespaces.map((n) => n.name)).toEqual(['a', 'b']);
    const scenario = tempTree({ 's.yaml': 'name: s\n' });
    expect(() => loadScenarios([`${dir}/a`, `${scenario}/s.yaml`])).toThrow(/must be given alone/);
  });

  it('reports problems inside manifests with the manifest field path', () => {
    const dir = tempTree({
      'bad.yaml': [
        'apiVersion: projectcalico.org/v3',
        'kind: IPPool',
        'metadata: { name: p }',
        'spec: { cidr: 10.0.0.0/33 }',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata: { name: s }',
        'spec: { ports: [{ port: 99999 }] }',
        '---',
        'kind: Thing',
      ].join('\n'),
    });
    expect(brief(diagnosticsOf(`${dir}/bad.yaml`))).toEqual([
      '4:15 spec.cidr: 10.0.0.0/33 is not a CIDR',
      '9:25 spec.ports[0].port: 99999 is not a valid port in 1..65535',
      '11:1 : not a Kubernetes object: apiVersion and kind are required',
    ]);
    // Scanning a folder, a document that is no Kubernetes object is skipped with a warning instead.
    expect(() => loadScenario(dir)).toThrow(/99999/);
  });

  it('warns (not errors) about dangling references in manifests', () => {
    const dir = tempTree({
      'ing.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: i }\nspec:\n  defaultBackend: { service: { name: ghost, port: { number: 80 } } }\n',
    });
    expect(loadScenario(dir).warnings.map((w) => w.message)).toEqual(['service ghost does not exist in namespace default']);
  });
});
