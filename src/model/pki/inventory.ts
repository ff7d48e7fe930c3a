// model: the certificates a cluster holds by layout — Giant Swarm's (giantswarm/certs pkg/certs/cert.go)
// or kubeadm's (kubernetes.io/docs/setup/best-practices/certificates) — plus Calico's own (Typha server,
// Felix client, kube-controllers) and one TLS certificate per Ingress host.
import type { PkiComponent } from '../../scenario/schema/pki-schema.js';
import type { CertIssuer } from './types.js';

/** One certificate the layout implies, before defaults are filled in. */
export interface InventoryEntry {
  readonly name: string;
  readonly component: PkiComponent;
  readonly node: number;
  readonly nodeName?: string;
  readonly host?: string;
  readonly commonName: string;
  readonly sans: readonly string[];
  readonly issuer: CertIssuer;
  /** A lifetime fixed by the component rather than the platform's certTTL. */
  readonly ttl?: number;
}

export interface InventoryCluster {
  readonly name: string;
  readonly domain: string;
  readonly nodes: readonly { readonly id: number; readonly name: string; readonly ip: string }[];
  readonly hosts: readonly string[];
}

const API_SANS = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'];
/** kube-apiserver's loopback certificate is valid for one year (kubernetes/kubernetes#102556). */
const LOOPBACK_TTL = 8_760 * 3_600_000;
/** Giant Swarm's etcd members: etcd1..etcd3 (giantswarm/certs). */
const ETCD_MEMBERS = 3;

/** The layout's certificates of one cluster; `leaf` is the issuer of the layout's own leaf certificates. */
export function inventory(c: InventoryCluster, layout: 'giantswarm' | 'kubeadm', leaf: CertIssuer): InventoryEntry[] {
  const out: InventoryEntry[] = [];
  const one = (component: PkiComponent, commonName: string, sans: readonly string[] = [], issuer: CertIssuer = leaf, name: string = component): void => {
    out.push({ name, component, node: -1, commonName, sans, issuer });
  };
  const gs = (component: PkiComponent, sans: readonly string[] = []): void => one(component, `${component}.${c.domain}`, [`${component}.${c.domain}`, ...sans]);
  if (layout === 'giantswarm') {
    gs('api', API_SANS);
    gs('internal-api', API_SANS);
    gs('etcd', ['localhost', '127.0.0.1']);
    for (let m = 1; m <= ETCD_MEMBERS; m++) one('etcd-member', `etcd${m}.${c.domain}`, [`etcd${m}.${c.domain}`], leaf, `etcd${m}`);
    gs('service-account');
    for (const n of c.nodes) out.push({ name: `worker-${n.name}`, component: 'worker', node: n.id, nodeName: n.name, commonName: `worker.${c.domain}`, sans: [`worker.${c.domain}`, n.name, n.ip], issuer: leaf });
    for (const k of ['calico-etcd-client', 'flanneld-etcd-client', 'app-operator-api', 'cluster-operator-api', 'node-operator', 'prometheus', 'prometheus-etcd-client'] as const) gs(k);
  } else {
    one('apiserver', 'kube-apiserver', [...API_SANS, ...c.nodes.slice(0, 1).map((n) => n.name)]);
    one('apiserver-kubelet-client', 'kube-apiserver-kubelet-client');
    one('apiserver-etcd-client', 'kube-apiserver-etcd-client');
    one('etcd-server', c.nodes[0]?.name ?? 'etcd', ['localhost', '127.0.0.1', ...c.nodes.slice(0, 1).map((n) => n.name)]);
    one('etcd-peer', c.nodes[0]?.name ?? 'etcd', ['localhost', '127.0.0.1', ...c.nodes.slice(0, 1).map((n) => n.name)]);
    one('etcd-healthcheck-client', 'kube-etcd-healthcheck-client');
    one('front-proxy-client', 'front-proxy-client');
    one('admin', 'kubernetes-admin');
    one('super-admin', 'kubernetes-super-admin');
    one('controller-manager', 'system:kube-controller-manager');
    one('scheduler', 'system:kube-scheduler');
    for (const n of c.nodes) {
      out.push({ name: `kubelet-client-${n.name}`, component: 'kubelet-client', node: n.id, nodeName: n.name, commonName: `system:node:${n.name}`, sans: [], issuer: 'kubelet' });
      out.push({ name: `kubelet-serving-${n.name}`, component: 'kubelet-serving', node: n.id, nodeName: n.name, commonName: `${n.name}@kubelet`, sans: [n.name, n.ip], issuer: 'self-signed' });
    }
  }
  // kube-apiserver's in-memory self-signed loopback certificate (one year).
  out.push({ name: 'apiserver-loopback', component: 'apiserver-loopback', node: -1, commonName: 'apiserver-loopback-client', sans: ['apiserver-loopback-client'], issuer: 'self-signed', ttl: LOOPBACK_TTL });
  // Calico's mutual TLS between Felix and Typha: the operator's defaults CN typha-server / typha-client.
  one('typha-server', 'typha-server', ['typha-server', `calico-typha.calico-system.svc`], 'cert-manager');
  one('felix-client', 'typha-client', [], 'cert-manager');
  one('calico-kube-controllers', 'calico-kube-controllers', [], 'cert-manager');
  for (const host of c.hosts) out.push({ name: `ingress-tls-${host}`, component: 'ingress-tls', node: -1, host, commonName: host, sans: [host], issuer: 'cert-manager' });
  return out;
}
