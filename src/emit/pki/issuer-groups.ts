// emit: the certificates cert-manager manages in one cluster, grouped by subject organisation — Vault's
// sign endpoint takes the organisation from the role, so each group gets its own role and Issuer.
import type { CertModel, ClusterPki } from '../../model/pki/types.js';

export interface IssuerGroup {
  /** Vault role and Issuer suffix: `cert-manager`, or `cert-manager-<organisation>`. */
  readonly role: string;
  readonly issuer: string;
  readonly organisation: readonly string[];
  readonly certs: readonly CertModel[];
}

/** Certificates a cert-manager Certificate reproduces: those cert-operator or cert-manager renew by time, before expiry. */
function managedByTime(c: CertModel): boolean {
  return (c.issuer === 'cert-operator' || c.issuer === 'cert-manager') && c.renewAfter !== undefined && c.renewAfter < c.ttl;
}

const slug = (orgs: readonly string[]): string => orgs.join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');

/** Groups in a stable order (no organisation first, then by name). */
export function issuerGroups(c: ClusterPki, certs: readonly CertModel[]): IssuerGroup[] {
  const groups = new Map<string, CertModel[]>();
  for (const i of c.certs) {
    const x = certs[i]!;
    if (!managedByTime(x)) continue;
    const key = slug(x.organisation);
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, cs]) => ({ role: key ? `cert-manager-${key}` : 'cert-manager', issuer: key ? `vault-${c.name}-${key}` : `vault-${c.name}`, organisation: cs[0]!.organisation, certs: cs }));
}
