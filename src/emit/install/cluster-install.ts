// emit: the install files of one cluster — Calico in both forms, and for the management cluster flannel for
// every on-premises tenant network and the tenant VMs — plus the ServiceAccounts its workloads name. Each file
// is a list of objects; write-manifests renders and orders them.
import type { Model, ModelCluster } from '../../model/types.js';
import type { FlannelSpec, StaticPodSpec, WorkloadSpec } from '../../scenario/types.js';
import { calicoInstallInput } from './calico-install-input.js';
import { calicoManifestInstall } from './calico-manifest.js';
import { calicoOperatorInstall } from './calico-operator.js';
import { flannelInstall } from './flannel-install.js';
import { CALICO_VERSION, serviceAccount, type K8sObject } from './k8s.js';
import { tenantVmObjects, type TenantVms } from './tenant-vms.js';

/** One file of objects, by its path inside the cluster's folder. */
export interface ObjectFile {
  readonly file: string;
  readonly objects: readonly K8sObject[];
}

/** The install files of cluster `ci` of `model`. */
export function clusterInstall(model: Model, ci: number): ObjectFile[] {
  const c = model.clusters[ci]!;
  const input = calicoInstallInput(c);
  const files: ObjectFile[] = [
    { file: 'install/calico.yaml', objects: calicoManifestInstall(input) },
    { file: 'install/calico-operator.yaml', objects: calicoOperatorInstall(input) },
  ];
  if (c.kind === 'management') {
    const onprem = model.clusters.filter((t) => t.kind === 'tenant' && t.placement === 'onprem' && t.spec.underlay.kind === 'flannel');
    const firstHost = c.nodes.length ? model.nodes[c.nodes[0]!]!.ipText : '127.0.0.1';
    const networks = onprem.map((t) => ({ tenant: t.name, flannel: (t.spec.underlay as { readonly flannel: FlannelSpec }).flannel }));
    files.push({ file: 'install/flannel.yaml', objects: flannelInstall(networks, `https://${firstHost}:2379`) });
    files.push({ file: 'install/tenant-vms.yaml', objects: onprem.flatMap((t) => tenantVmObjects(vmsOf(model, t))) });
  }
  const sas = serviceAccountsOf(c);
  if (sas.length) files.push({ file: 'kubernetes/service-accounts.yaml', objects: sas });
  return files.filter((f) => f.objects.length > 0);
}

function vmsOf(model: Model, t: ModelCluster): TenantVms {
  return {
    tenant: t.name,
    namespace: t.managementNamespace ?? `tenant-${t.name}`,
    mtu: t.underlay.flannel?.podMtu ?? t.underlay.mtu,
    vms: t.nodes.map((id) => {
      const n = model.nodes[id]!;
      return { name: n.shortName, host: n.host >= 0 ? model.nodes[n.host]!.shortName : '', address: n.ipText };
    }),
  };
}

/** A ServiceAccount for every (namespace, name) a workload or pod runs as, except each namespace's `default`. */
export function serviceAccountsOf(c: ModelCluster): K8sObject[] {
  const seen = new Set<string>();
  const out: K8sObject[] = [];
  const add = (w: Pick<WorkloadSpec | StaticPodSpec, 'namespace' | 'serviceAccount'>): void => {
    const key = `${w.namespace}/${w.serviceAccount}`;
    if (w.serviceAccount === 'default' || seen.has(key)) return;
    seen.add(key);
    out.push(serviceAccount(w.serviceAccount, w.namespace));
  };
  for (const w of c.spec.workloads) add(w);
  for (const p of c.spec.pods) add(p);
  return out.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

function keyOf(o: K8sObject): string {
  const m = o['metadata'] as { namespace?: string; name: string };
  return `${m.namespace ?? ''}/${m.name}`;
}

/**
 * Calico's CustomResourceDefinitions of the release the install runs, as that release publishes them: upstream's
 * calico.yaml carries them inline, so the kustomization names the same file (kustomize loads http(s) resources).
 */
export const CALICO_CRDS_URL = `https://raw.githubusercontent.com/projectcalico/calico/${CALICO_VERSION}/manifests/crds.yaml`;

/**
 * The kustomization of a cluster folder: Calico's CRDs, then every Kubernetes object file (not BIRD or flannel
 * host files). kustomize orders the output itself (namespaces and CRDs before the objects that need them).
 */
export function kustomization(resources: readonly string[]): K8sObject {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [CALICO_CRDS_URL, ...resources] };
}
