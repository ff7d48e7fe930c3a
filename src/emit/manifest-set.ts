// emit: the whole configuration of a run at its current instant as a tree of files, per cluster — the
// install (Calico in manifest and operator form, flannel and the tenant VMs on the management cluster), the
// Kubernetes objects (namespaces, ServiceAccounts, workloads at their current replicas, pods, Services with
// their cluster IPs, Ingresses, the policies in force), Calico resources, each node's BIRD configuration and
// flannel's host files, the load balancers' AS3 declarations or MetalLB resources, and a kustomization.yaml that orders the Kubernetes objects for `kubectl apply -k`.
import type { PlatformRun } from '../engine/platform/run-platform.js';
import { DEFAULT_SERVICE_CIDR } from '../model/allocate-service-ips.js';
import type { ModelNode } from '../model/types.js';
import { formatDiagnostic, InputError, type Diagnostic } from '../lib/diagnostics.js';
import { formatCidr } from '../lib/ipv4.js';
import { emitYaml } from '../lib/yaml-emit.js';
import type { JsonObject, WorkloadSpec } from '../scenario/types.js';
import { bgpConfigsOf } from '../verdict/state/bgp-configs.js';
import { renderBirdConfig } from './bird/render-bird-config.js';
import { buildCalicoObjects } from './calico/calico-objects.js';
import { renderNetConf, renderSubnetEnv } from './flannel/render-flannel-config.js';
import { clusterInstall, kustomization } from './install/cluster-install.js';
import { setMarker } from '../scenario/read-back/manifest-set-input.js';
import { platformRecordLines } from '../scenario/read-back/manifest-set-records.js';
import { as3Declaration } from './loadbalancer/as3-declaration.js';
import { metallbResources } from './loadbalancer/metallb-resources.js';
import { ingressNginxObjects } from './kubernetes/ingress-nginx-install.js';
import { certManagerObjects } from './pki/render-cert-manager.js';
import { renderVaultConfig } from './pki/render-vault-config.js';
import { kubernetesObjectFiles } from './kubernetes/render-kubernetes-manifests.js';

/** One output file: its path inside the output folder (`/`-separated) and its text. */
export interface SetFile {
  readonly path: string;
  readonly data: string;
}

export interface ManifestSetOptions {
  /** Object files as YAML (multi-document) or JSON (a `v1` List). */
  readonly format: 'yaml' | 'json';
  /** Only these clusters (all when absent). */
  readonly clusters?: ReadonlySet<string>;
  /** Receives BGP derivation problems (warnings), one line each. */
  readonly warn?: (line: string) => void;
}

/**
 * The files of every (selected) cluster, sorted by path. A BGP value Calico would refuse is an InputError and
 * nothing is returned: no value is written into a BIRD configuration without passing Calico's own rule.
 */
export function buildManifestSet(run: PlatformRun, options: ManifestSetOptions): SetFile[] {
  const out: SetFile[] = [];
  const errors: Diagnostic[] = [];
  run.model.clusters.forEach((c, ci) => {
    if (options.clusters && !options.clusters.has(c.name)) return;
    const base = safeSegment(c.name);
    const objectFiles: { file: string; objects: readonly JsonObject[] }[] = [];
    const derived = bgpConfigsOf(run, ci);
    for (const d of derived.diagnostics) {
      if (d.severity === 'error') errors.push(d);
      else options.warn?.(formatDiagnostic(d));
    }
    const spec = run.bgp.specOf(ci);
    const calico = buildCalicoObjects(spec, derived.configs);
    // The management cluster's controller is written as the real ingress-nginx installation, not as a workload.
    const ing = c.kind === 'management' ? run.model.scenario.platform?.ingress : undefined;
    const isController = (w: WorkloadSpec): boolean => ing !== undefined && w.namespace === ing.namespace && w.name === ing.name;
    const workloads = c.spec.workloads.map((w, i) => atReplicas(w, run, c.workloads[i]!)).filter((w) => !isController(w));
    const live = { ...c.spec, workloads };
    const isVm = (p: { labels: Readonly<Record<string, string>> }): boolean => c.kind === 'management' && p.labels['calisim.io/vm'] !== undefined;
    for (const f of kubernetesObjectFiles(live, c.services, run.policies.of(ci), isVm)) objectFiles.push({ file: `kubernetes/${f.file}`, objects: f.objects });
    const region = c.spec.underlay.kind === 'vpc' ? c.spec.underlay.vpc.region : undefined;
    objectFiles.push({ file: 'kubernetes/nodes.yaml', objects: c.nodes.map((id) => nodeObject(run.model.nodes[id]!, region)) });
    objectFiles.push({ file: 'kubernetes/service-cidr.yaml', objects: [serviceCidrObject()] });
    for (const f of clusterInstall(run.model, ci)) objectFiles.push(f);
    if (ing !== undefined) objectFiles.push({ file: 'install/ingress-nginx.yaml', objects: ingressNginxObjects(ing) });
    // The cluster's PKI as cert-manager reproduces it (a Vault Issuer, a Certificate per component) and the Vault
    // commands that create the mount, its root CA and roles.
    const pki = run.pki.model;
    const certObjects: JsonObject[] = certManagerObjects(pki.clusters[ci]!, pki.certs, (host) => c.spec.ingresses.find((i) => i.host === host)?.namespace) as JsonObject[];
    objectFiles.push({ file: 'pki/cert-manager.yaml', objects: certObjects });
    const certNamespaces = [...new Set(certObjects.map((o) => (o['metadata'] as { namespace: string }).namespace))];
    out.push({ path: `${base}/pki/vault-${safeSegment(pki.clusters[ci]!.mount)}.sh`, data: renderVaultConfig(pki.clusters[ci]!, pki.certs, certNamespaces) });
    dedupeObjects(objectFiles);
    for (const [file, objs] of [
      ['calico/bgpconfigurations.yaml', calico.bgpConfigurations],
      ['calico/bgppeers.yaml', calico.bgpPeers],
      ['calico/ippools.yaml', calico.ipPools],
      ['calico/nodes.yaml', calico.nodes],
    ] as const) {
      if (objs.length) objectFiles.push({ file, objects: objs });
    }
    const named = objectFiles.filter((f) => f.objects.length > 0).map((f) => ({ ...f, file: options.format === 'json' ? f.file.replace(/\.yaml$/, '.json') : f.file }));
    for (const f of named) out.push({ path: `${base}/${f.file}`, data: renderObjects(f.objects, options.format) });
    // kubectl applies the Kubernetes objects; projectcalico.org/v3 resources go through calicoctl (or the Calico
    // API server of the operator form), the operator form is an alternative to install/calico.yaml, and Nodes
    // register themselves (kubelet): nodes.yaml records them so that the folder reads back as the same cluster.
    const resources = named
      .map((f) => f.file)
      .filter((f) => !f.startsWith('calico/') && !f.startsWith('install/calico-operator.') && !f.startsWith('kubernetes/nodes.'))
      .sort(applyOrder);
    // The marker line lets calisim read the folder back as this cluster (scenario/manifest-set-input.ts).
    // The management cluster's header also records what no manifest of the set expresses (manifest-set-records.ts).
    const records = c.kind === 'management' ? platformRecordLines(run.model.scenario.platform?.loadBalancers ?? []) : [];
    const header = [setMarker(ci, run.model.clusters.length, c.name), ...records].join('\n');
    out.push({ path: `${base}/kustomization.yaml`, data: `${header}\n${emitYaml(kustomization(resources))}` });
    for (const cfg of derived.configs) out.push({ path: `${base}/bird/${safeSegment(cfg.node)}.cfg`, data: renderBirdConfig(cfg) });
    if (c.kind === 'management') {
      const hostIp = new Map(c.nodes.map((id) => [run.model.nodes[id]!.shortName, run.model.nodes[id]!.ipText]));
      // Each file name opens with the balancer's position in the scenario, so the read-back keeps the order.
      const file = balancerFileName(run.model.scenario.platform?.loadBalancers ?? []);
      run.model.loadBalancers.forEach((lb, li) => {
        // Cluster mode: the pods the pool lists now, as CIS declares them.
        const listed = run.monitors.pools[li]!.members.filter((m) => run.monitors.listed(m)).map((m) => run.monitors.members[m]!);
        const decl = as3Declaration(lb, (host) => hostIp.get(host) ?? host, listed.map((m) => ({ address: m.node, port: m.port })));
        out.push({ path: `${base}/loadbalancers/${file(lb.name)}.as3.json`, data: JSON.stringify(decl, null, 2) + '\n' });
      });
      for (const lb of run.model.metalLbs) {
        out.push({ path: `${base}/loadbalancers/${file(lb.name)}.metallb.${options.format}`, data: renderObjects(metallbResources(lb), options.format) });
      }
    }
    if (c.spec.underlay.kind === 'flannel') {
      const f = c.spec.underlay.flannel;
      out.push({ path: `${base}/flannel/net-conf.json`, data: renderNetConf(f) });
      for (const lease of c.underlay.flannel?.leases ?? []) {
        out.push({ path: `${base}/flannel/subnet-${safeSegment(lease.hostName)}.env`, data: renderSubnetEnv(f, formatCidr(lease.subnet)) });
      }
    }
  });
  if (errors.length > 0) throw new InputError(errors);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * An object written twice (the controller's namespace and ServiceAccount, which both the cluster's own objects and
 * an installation hold) is kept once: in the installation, which has the whole of it.
 */
function dedupeObjects(files: { file: string; objects: readonly JsonObject[] }[]): void {
  const keyOf = (o: JsonObject): string => {
    const m = (o['metadata'] ?? {}) as { name?: string; namespace?: string };
    return `${String(o['kind'])}/${m.namespace ?? ''}/${m.name ?? ''}`;
  };
  const installed = new Set(files.filter((f) => f.file.startsWith('install/')).flatMap((f) => f.objects.map(keyOf)));
  for (const f of files) if (!f.file.startsWith('install/')) f.objects = f.objects.filter((o) => !installed.has(keyOf(o)));
}

/** Install before the cluster's own objects; inside each group by name (namespaces and ServiceAccounts first). */
function applyOrder(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

const ORDER = ['kubernetes/namespaces', 'kubernetes/service-cidr', 'install/flannel', 'install/calico', 'install/ingress-nginx', 'kubernetes/service-accounts', 'kubernetes/workloads', 'kubernetes/pods', 'kubernetes/services', 'kubernetes/ingresses', 'install/tenant-vms', 'pki/cert-manager', 'kubernetes/policies'];
function rank(file: string): number {
  const i = ORDER.findIndex((o) => file.startsWith(o + '.'));
  return i < 0 ? ORDER.length : i;
}

/**
 * The cluster's Service range as kube-apiserver's default ServiceCIDR object `kubernetes` (networking.k8s.io/v1,
 * GA in Kubernetes 1.33) states it: every Service's cluster IP lies inside it (the model draws them there).
 */
function serviceCidrObject(): JsonObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', metadata: { name: 'kubernetes' }, spec: { cidrs: [DEFAULT_SERVICE_CIDR] } };
}

/**
 * A core Node as its kubelet registers it: the well-known labels kubelet sets (kubernetes.io/os, /arch,
 * /hostname, which node selectors such as the installations' `kubernetes.io/os: linux` match), in a cloud VPC
 * with a region the `topology.kubernetes.io/region` label the cloud provider sets, the node's own labels, its
 * InternalIP and allocatable pods.
 */
function nodeObject(n: ModelNode, region: string | undefined): JsonObject {
  const pods = String(n.maxPods);
  const cloud: Record<string, string> = region === undefined ? {} : { 'topology.kubernetes.io/region': region };
  const labels = { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': n.shortName, 'kubernetes.io/os': 'linux', ...cloud, ...n.labels };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.shortName, labels },
    status: { addresses: [{ type: 'InternalIP', address: n.ipText }], capacity: { pods }, allocatable: { pods, ...(n.cpu !== undefined ? { cpu: `${n.cpu}m` } : {}) } },
  };
}

/** A workload at the run's current instant: its replicas are its live (not terminated) pods. */
function atReplicas(w: WorkloadSpec, run: PlatformRun, id: number): WorkloadSpec {
  if (w.kind === 'DaemonSet' || w.kind === 'Pod') return w;
  const replicas = run.pods.ofWorkload(id).length;
  return replicas === w.replicas ? w : { ...w, replicas };
}

function renderObjects(objects: readonly JsonObject[], format: 'yaml' | 'json'): string {
  if (format === 'json') return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }, null, 2) + '\n';
  return objects.map(emitYaml).join('---\n');
}

/**
 * A balancer's file name without its extension: its position among `lbs` (from 1, zero-padded to a common width,
 * at least two digits) then its name, so that the files sort in the scenario's order (read back by
 * scenario/manifest-platform.ts, which strips the position).
 */
function balancerFileName(lbs: readonly { name: string }[]): (name: string) => string {
  const width = Math.max(2, String(lbs.length).length);
  return (name) => `${String(lbs.findIndex((lb) => lb.name === name) + 1).padStart(width, '0')}-${safeSegment(name)}`;
}

/** A name usable as one path segment: Kubernetes names already are; anything else is replaced. */
export function safeSegment(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return s === '' || s === '.' || s === '..' ? `_${s}` : s;
}
