// model: what each certificate component is — per cluster, per node, per etcd member or per Ingress host;
// server or client; its subject organisation; which network function depends on it; and how the component
// picks up a renewed certificate, each default with its source.
import type { PkiComponent } from '../../scenario/schema/pki-schema.js';
import type { CertRole, KeyUsage } from './types.js';

export interface ComponentDefaults {
  readonly scope: 'cluster' | 'node' | 'member' | 'host';
  readonly usages: readonly KeyUsage[];
  readonly organisation: readonly string[];
  readonly role: CertRole;
  readonly reload: 'on-change' | 'on-restart';
  readonly reloadDelay: number;
  readonly reloadSource: string;
}

const SERVER: readonly KeyUsage[] = ['digital signature', 'key encipherment', 'server auth'];
const CLIENT: readonly KeyUsage[] = ['digital signature', 'key encipherment', 'client auth'];
const BOTH: readonly KeyUsage[] = ['digital signature', 'key encipherment', 'server auth', 'client auth'];

/** Kubernetes docs (Secrets, "Mounted Secrets are updated automatically"): up to the kubelet sync period (1m) plus the cache delay. */
const SECRET_VOLUME = { reload: 'on-change', reloadDelay: 60_000, reloadSource: 'mounted Secret, updated within the kubelet sync period (1m) — kubernetes.io/docs/concepts/configuration/secret' } as const;
/** kubernetes/kubernetes#102556 and kubeadm-certs docs: control-plane components must be restarted after a renewal. */
const RESTART = { reload: 'on-restart', reloadDelay: 0, reloadSource: 'read at start only — kubeadm-certs docs ("restart the control plane Pods"), kubernetes/kubernetes#102556' } as const;
/** kube-apiserver serves --tls-cert-file through dynamiccertificates: the file is watched and re-read (1m resync). */
const APISERVER = { reload: 'on-change', reloadDelay: 60_000, reloadSource: 'kube-apiserver re-reads --tls-cert-file (k8s.io/apiserver dynamiccertificates, file watch and 1m resync)' } as const;
/** etcd v3.2+ reads its certificate files on every new TLS connection (etcd-io/etcd#7784, pkg/transport). */
const ETCD = { reload: 'on-change', reloadDelay: 0, reloadSource: 'etcd reloads its certificate files on each new TLS handshake (etcd-io/etcd#7784, v3.2)' } as const;
/** tigera-operator puts the certificate Secret's hash on the pod template, so a renewal rolls calico-node and Typha. */
const CALICO = { reload: 'on-change', reloadDelay: 60_000, reloadSource: 'tigera-operator rolls the pods when the certificate Secret hash changes (hash.operator.tigera.io/node-cert, pkg/render/node.go)' } as const;

const d = (scope: ComponentDefaults['scope'], usages: readonly KeyUsage[], role: CertRole, reload: Pick<ComponentDefaults, 'reload' | 'reloadDelay' | 'reloadSource'>, organisation: readonly string[] = []): ComponentDefaults => ({
  scope, usages, organisation, role, ...reload,
});

export const COMPONENT_DEFAULTS: Readonly<Record<PkiComponent, ComponentDefaults>> = {
  api: d('cluster', BOTH, 'apiserver', APISERVER),
  'internal-api': d('cluster', SERVER, 'none', APISERVER),
  etcd: d('cluster', BOTH, 'none', ETCD),
  'etcd-member': d('member', BOTH, 'none', ETCD),
  'service-account': d('cluster', CLIENT, 'none', RESTART),
  worker: d('node', BOTH, 'kubelet', SECRET_VOLUME, ['system:nodes']),
  'calico-etcd-client': d('cluster', CLIENT, 'calico-etcd', SECRET_VOLUME),
  'flanneld-etcd-client': d('cluster', CLIENT, 'none', SECRET_VOLUME),
  'app-operator-api': d('cluster', CLIENT, 'none', SECRET_VOLUME),
  'cluster-operator-api': d('cluster', CLIENT, 'none', SECRET_VOLUME),
  'node-operator': d('cluster', CLIENT, 'none', SECRET_VOLUME),
  prometheus: d('cluster', CLIENT, 'none', SECRET_VOLUME),
  'prometheus-etcd-client': d('cluster', CLIENT, 'none', SECRET_VOLUME),
  apiserver: d('cluster', SERVER, 'apiserver', APISERVER),
  // kubernetes/kubernetes#102556: the loopback certificate lives in memory, made at start, never renewed.
  'apiserver-loopback': d('cluster', SERVER, 'apiserver', { reload: 'on-restart', reloadDelay: 0, reloadSource: 'generated in memory at start; only a restart replaces it (kubernetes/kubernetes#102556)' }),
  'apiserver-kubelet-client': d('cluster', CLIENT, 'none', RESTART, ['kubeadm:cluster-admins']),
  'apiserver-etcd-client': d('cluster', CLIENT, 'none', RESTART),
  'etcd-server': d('cluster', BOTH, 'none', ETCD),
  'etcd-peer': d('cluster', BOTH, 'none', ETCD),
  'etcd-healthcheck-client': d('cluster', CLIENT, 'none', ETCD),
  'front-proxy-client': d('cluster', CLIENT, 'none', RESTART),
  admin: d('cluster', CLIENT, 'none', RESTART, ['kubeadm:cluster-admins']),
  'super-admin': d('cluster', CLIENT, 'none', RESTART, ['system:masters']),
  'controller-manager': d('cluster', CLIENT, 'none', RESTART),
  scheduler: d('cluster', CLIENT, 'none', RESTART),
  'kubelet-client': d('node', CLIENT, 'kubelet', { reload: 'on-change', reloadDelay: 0, reloadSource: 'kubelet certificate manager swaps the rotated client certificate in memory (kubelet --rotate-certificates)' }, ['system:nodes']),
  'kubelet-serving': d('node', SERVER, 'none', RESTART),
  'typha-server': d('cluster', SERVER, 'typha', CALICO),
  'felix-client': d('cluster', CLIENT, 'felix', CALICO),
  'calico-kube-controllers': d('cluster', CLIENT, 'none', CALICO),
  'ingress-tls': d('host', SERVER, 'ingress', { reload: 'on-change', reloadDelay: 0, reloadSource: 'ingress-nginx watches TLS Secrets and swaps certificates without a reload (dynamic certificates)' }),
};

/** The components the admin's own credentials may carry `system:masters` on (kubeadm's break-glass super-admin.conf). */
export const ADMIN_COMPONENTS: readonly PkiComponent[] = ['super-admin'];
