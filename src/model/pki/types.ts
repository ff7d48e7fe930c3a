// model: the PKI of every cluster — a Vault mount with its root CA and roles, and each certificate with
// its subject, usages, issuer, renewal rule, reload behaviour and the network consequence of its expiry.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { PkiComponent } from '../../scenario/schema/pki-schema.js';

/** Who issues and renews a certificate. `kubelet` rotates its own client certificate; `self-signed` never renews. */
export type CertIssuer = 'cert-operator' | 'kubeadm' | 'kubelet' | 'cert-manager' | 'self-signed';

/** What breaks when the certificate a component presents does not verify. */
export type CertRole = 'typha' | 'felix' | 'kubelet' | 'apiserver' | 'calico-etcd' | 'ingress' | 'none';

export type KeyUsage = 'digital signature' | 'key encipherment' | 'server auth' | 'client auth';

/** One certificate of the inventory. Times are ms. */
export interface CertModel {
  readonly index: number;
  /** Unique within its cluster: `api`, `worker-acme-1`, `etcd-member-2`, `ingress-tls-acme.example.com`. */
  readonly name: string;
  readonly cluster: number;
  readonly clusterName: string;
  readonly component: PkiComponent;
  /** Model node id for per-node certificates (-1 otherwise). */
  readonly node: number;
  readonly nodeName?: string;
  /** Ingress host served with it. */
  readonly host?: string;
  readonly commonName: string;
  readonly sans: readonly string[];
  readonly organisation: readonly string[];
  readonly usages: readonly KeyUsage[];
  /** Cluster whose CA signs it; -1 for a self-signed certificate. */
  readonly signedBy: number;
  /** Further clusters whose CA the component trusts. */
  readonly trusts: readonly number[];
  readonly ttl: number;
  readonly issuer: CertIssuer;
  /** Fixed renewal delay after issuance (undefined: no time-based renewal). */
  readonly renewAfter?: number;
  /** Renewal at a random point of this fraction range of the lifetime (kubelet: 70–90%). */
  readonly renewFraction?: readonly [number, number];
  /** kubeadm re-issues it on a control-plane upgrade (and restarts the component). */
  readonly renewOnUpgrade: boolean;
  /** The rule in words, with its source. */
  readonly rule: string;
  readonly reload: 'on-change' | 'on-restart';
  /** Time from a renewed secret to the component serving it (on-change). */
  readonly reloadDelay: number;
  readonly reloadSource: string;
  readonly role: CertRole;
  readonly sharedWith: readonly PkiComponent[];
  /** Only the key pair matters (service-account token signing): expiry has no effect. */
  readonly keyOnly: boolean;
  /** Where it is defined: the certificate entry, or the layout that implies it. */
  readonly src: SourceRef;
}

/** A Vault role of a cluster's mount: what one component may request. */
export interface VaultRole {
  readonly name: string;
  readonly allowedDomains: readonly string[];
  readonly organisation: readonly string[];
  readonly maxTtl: number;
  readonly serverFlag: boolean;
  readonly clientFlag: boolean;
}

/** One cluster's PKI. */
export interface ClusterPki {
  readonly name: string;
  /** The Vault PKI secrets engine path, `pki-<cluster>`. */
  readonly mount: string;
  readonly caTTL: number;
  readonly layout: 'giantswarm' | 'kubeadm';
  readonly issuer: CertIssuer;
  readonly upgradeEvery?: number;
  readonly domain: string;
  readonly roles: readonly VaultRole[];
  readonly certs: readonly number[];
  /** Calico stores its data in etcd (a calico-etcd-client certificate exists): IPAM needs that certificate. */
  readonly etcdMode: boolean;
  readonly src: SourceRef;
}

/** The PKI of the whole platform. */
export interface PkiModel {
  readonly clusters: readonly ClusterPki[];
  readonly certs: readonly CertModel[];
}
