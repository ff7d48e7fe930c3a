// emit: the cert-manager objects that reproduce a cluster's PKI — a Vault Issuer per namespace and subject
// organisation, signing through `pki-<cluster>/sign/<role>`, and a Certificate per certificate its
// issuer renews by time, with its duration and renewBefore (cert-manager.io/v1, as the CRDs define it).
import type { CertModel, ClusterPki } from '../../model/pki/types.js';
import { formatSimTime } from '../check/format-sim-time.js';
import { issuerGroups } from './issuer-groups.js';

/** Where the platform's Vault listens (the emitted Issuers point at it). */
export const VAULT_SERVER = 'https://vault.platform.internal:8200';
const IP = /^\d{1,3}(\.\d{1,3}){3}$/;
const PLATFORM_NAMESPACE = 'kube-system';

/** One Kubernetes object. */
export type Obj = Record<string, unknown>;

/** The objects, Issuers first. */
export function certManagerObjects(c: ClusterPki, certs: readonly CertModel[], namespaceOf: (host: string) => string | undefined): Obj[] {
  const issuers = new Map<string, Obj>();
  const out: Obj[] = [];
  const nsOf = (x: CertModel): string => (x.host !== undefined ? (namespaceOf(x.host) ?? PLATFORM_NAMESPACE) : PLATFORM_NAMESPACE);
  for (const g of issuerGroups(c, certs)) {
    for (const x of g.certs) {
      const ns = nsOf(x);
      const key = `${ns}/${g.issuer}`;
      if (!issuers.has(key)) issuers.set(key, issuer(c, g.issuer, g.role, ns));
      out.push(certificate(c, x, g.issuer, ns));
    }
  }
  return [...[...issuers.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, o]) => o), ...out];
}

function issuer(c: ClusterPki, name: string, role: string, namespace: string): Obj {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    metadata: { name, namespace, labels: { 'calisim.io/cluster': c.name } },
    spec: {
      vault: {
        server: VAULT_SERVER,
        path: `${c.mount}/sign/${role}`,
        auth: { kubernetes: { role: `cert-manager-${c.name}`, mountPath: '/v1/auth/kubernetes', serviceAccountRef: { name: 'cert-manager-vault' } } },
      },
    },
  };
}

function certificate(c: ClusterPki, x: CertModel, issuerName: string, namespace: string): Obj {
  const name = dnsName(`${c.name}-${x.name}`);
  const dns = x.sans.filter((s) => !IP.test(s));
  const ips = x.sans.filter((s) => IP.test(s));
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name, namespace, labels: { 'calisim.io/cluster': c.name, 'calisim.io/component': x.component } },
    spec: {
      secretName: `${name}-tls`,
      ...(x.commonName.length <= 64 ? { commonName: x.commonName } : {}),
      ...(dns.length ? { dnsNames: dns } : {}),
      ...(ips.length ? { ipAddresses: ips } : {}),
      duration: formatSimTime(x.ttl),
      // managedByTime: renewAfter is set and shorter than the lifetime's end.
      renewBefore: formatSimTime(Math.max(5 * 60_000, x.ttl - x.renewAfter!)),
      ...(x.organisation.length ? { subject: { organizations: [...x.organisation] } } : {}),
      usages: [...x.usages],
      privateKey: { algorithm: 'RSA', size: 2048, rotationPolicy: x.component === 'service-account' ? 'Never' : 'Always' },
      issuerRef: { name: issuerName, kind: 'Issuer', group: 'cert-manager.io' },
    },
  };
}

/** A DNS-1123 subdomain name from any text. */
function dnsName(s: string): string {
  const n = s.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return n.slice(0, 253) || 'certificate';
}

