// emit: a cluster's Vault configuration as the CLI commands an operator would run — the PKI secrets engine
// `pki-<cluster>`, its root CA, one role per component (what cert-operator issues from), the roles and the
// Kubernetes-auth policy cert-manager's Vault Issuer signs through. Vault docs: secrets/pki, api-docs/secret/pki.
import type { CertModel, ClusterPki, VaultRole } from '../../model/pki/types.js';
import { formatSimTime } from '../check/format-sim-time.js';
import { issuerGroups } from './issuer-groups.js';

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const IP = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The shell script configuring one cluster's mount. */
export function renderVaultConfig(c: ClusterPki, certs: readonly CertModel[], namespaces: readonly string[]): string {
  const m = c.mount;
  const out = [
    '#!/bin/sh',
    `# Vault PKI of cluster ${c.name} (calisim manifests): mount, root CA, roles, and cert-manager's access.`,
    'set -eu',
    `vault secrets enable -path=${m} pki`,
    `vault secrets tune -max-lease-ttl=${formatSimTime(c.caTTL)} ${m}`,
    `vault write -field=certificate ${m}/root/generate/internal common_name=${quote(`${c.name} CA`)} ttl=${formatSimTime(c.caTTL)} > ${m}-ca.crt`,
    '',
    '# One role per component (cert-operator issues from pki-<cluster>/issue/<role>).',
    ...c.roles.map((r) => roleCommand(m, r)),
    '',
    "# cert-manager's Vault Issuers sign through these roles (pki-<cluster>/sign/<role>), one per subject organisation.",
  ];
  for (const g of issuerGroups(c, certs)) {
    const names = g.certs.flatMap((x) => [x.commonName, ...x.sans]);
    out.push(roleCommand(m, { name: g.role, allowedDomains: [...new Set(names)].sort(), organisation: g.organisation, maxTtl: Math.max(...g.certs.map((x) => x.ttl)), serverFlag: true, clientFlag: true }));
  }
  out.push(
    `vault policy write ${m}-cert-manager - <<'EOF'`,
    `path "${m}/sign/*" { capabilities = ["create", "update"] }`,
    'EOF',
    `vault write auth/kubernetes/role/cert-manager-${c.name} bound_service_account_names=cert-manager-vault bound_service_account_namespaces=${[...namespaces].sort().join(',')} policies=${m}-cert-manager ttl=20m`,
  );
  return out.join('\n') + '\n';
}

function roleCommand(mount: string, r: VaultRole): string {
  const names = r.allowedDomains.filter((d) => !IP.test(d));
  const hostnames = names.every((d) => /^[A-Za-z0-9.*-]+$/.test(d));
  const args = [
    `allowed_domains=${quote(names.join(','))}`,
    'allow_bare_domains=true',
    'allow_subdomains=false',
    `allow_ip_sans=${r.allowedDomains.some((d) => IP.test(d))}`,
    ...(hostnames ? [] : ['enforce_hostnames=false']),
    ...(r.organisation.length ? [`organization=${quote(r.organisation.join(','))}`] : []),
    `server_flag=${r.serverFlag}`,
    `client_flag=${r.clientFlag}`,
    `max_ttl=${formatSimTime(r.maxTtl)}`,
  ];
  return `vault write ${mount}/roles/${r.name} ${args.join(' ')}`;
}
