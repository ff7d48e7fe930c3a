// model: Model → PkiModel — per cluster a Vault mount `pki-<cluster>` with its root CA, one role per
// component, and the layout's certificates with the scenario's additions and overrides applied, each
// given its issuer's renewal rule and its component's reload behaviour.
import { formatIpv4 } from '../../lib/ipv4.js';
import type { PkiCertificateSpec, PkiSpec } from '../../scenario/types.js';
import type { Model } from '../types.js';
import { COMPONENT_DEFAULTS } from './component-defaults.js';
import { inventory, type InventoryEntry } from './inventory.js';
import { renewalRule } from './renewal-rule.js';
import type { CertIssuer, CertModel, ClusterPki, PkiModel, VaultRole } from './types.js';

const HOUR = 3_600_000;
/** The lifetimes calisim used before `platform.pki` existed in a scenario. */
export const DEFAULT_PKI: PkiSpec = { caTTL: 87_600 * HOUR, certTTL: 8_760 * HOUR, rotationPeriod: 720 * HOUR, src: { file: '<defaults>', line: 0, col: 0 } };

/** One cluster as the PKI needs it: its nodes (model ids, names, addresses) and its Ingress hosts. */
export interface PkiClusterInput {
  readonly name: string;
  readonly nodes: readonly { readonly id: number; readonly name: string; readonly ip: string }[];
  readonly hosts: readonly string[];
}

/** Builds every cluster's PKI from the model. */
export function buildPki(model: Model): PkiModel {
  const spec = model.scenario.platform?.pki ?? { ...DEFAULT_PKI, src: { file: model.scenario.sourceFiles[0] ?? '<input>', line: 1, col: 1 } };
  return buildPkiOf(
    spec,
    model.clusters.map((c) => ({
      name: c.name,
      nodes: c.nodes.map((id) => ({ id, name: model.nodes[id]!.shortName, ip: formatIpv4(model.nodes[id]!.ip) })),
      hosts: [...new Set(c.spec.ingresses.map((i) => i.host).filter((h): h is string => h !== undefined))].sort(),
    })),
  );
}

/** Builds every cluster's PKI from the `pki` section and the clusters' nodes and hosts. */
export function buildPkiOf(spec: PkiSpec, inputs: readonly PkiClusterInput[]): PkiModel {
  const clusterIndex = new Map(inputs.map((c, i) => [c.name, i]));
  const certs: CertModel[] = [];
  const clusters = inputs.map((c, ci): ClusterPki => {
    const own = spec.clusters?.find((x) => x.cluster === c.name);
    const layout = own?.layout ?? spec.layout ?? 'giantswarm';
    const leaf: CertIssuer = own?.issuer ?? spec.issuer ?? (layout === 'kubeadm' ? 'kubeadm' : 'cert-operator');
    const threshold = own?.renewThreshold ?? spec.renewThreshold;
    const src = own?.src ?? spec.src;
    const domain = `k8s.${c.name}.internal`;
    const entries = inventory({ name: c.name, domain, nodes: c.nodes, hosts: c.hosts }, layout, leaf);
    const first = certs.length;
    const overrides = (spec.certificates ?? []).filter((x) => x.cluster === undefined || x.cluster === c.name);
    const merged = applyOverrides(entries, overrides, c);
    for (const { entry, over } of merged) {
      const d = COMPONENT_DEFAULTS[entry.component];
      const issuer = over?.issuer ?? entry.issuer;
      const ttl = over?.ttl ?? entry.ttl ?? spec.certTTL;
      const before = over?.renewBefore ?? (issuer === 'cert-operator' || issuer === 'cert-manager' ? threshold : undefined);
      const rule = renewalRule({ issuer, component: entry.component, ttl, rotationPeriod: spec.rotationPeriod, ...(before !== undefined && before < ttl ? { before } : {}) });
      const signer = over?.signedBy !== undefined ? (clusterIndex.get(over.signedBy) ?? ci) : issuer === 'self-signed' ? -1 : ci;
      certs.push({
        index: certs.length,
        name: entry.name,
        cluster: ci,
        clusterName: c.name,
        component: entry.component,
        node: entry.node,
        ...(entry.nodeName !== undefined ? { nodeName: entry.nodeName } : {}),
        ...(entry.host !== undefined ? { host: entry.host } : {}),
        commonName: entry.commonName,
        sans: over?.sans ?? entry.sans,
        organisation: over?.organisation ?? d.organisation,
        usages: d.usages,
        signedBy: signer,
        trusts: (over?.trusts ?? []).map((t) => clusterIndex.get(t) ?? ci),
        ttl,
        issuer,
        ...rule,
        reload: over?.reload ?? d.reload,
        reloadDelay: (over?.reload ?? d.reload) === 'on-change' ? d.reloadDelay : 0,
        reloadSource: over?.reload !== undefined ? 'set in the scenario' : d.reloadSource,
        role: d.role,
        sharedWith: over?.sharedWith ?? [],
        keyOnly: entry.component === 'service-account',
        src: over?.src ?? src,
      });
    }
    const mine = certs.slice(first);
    return {
      name: c.name,
      mount: `pki-${c.name}`,
      caTTL: spec.caTTL,
      layout,
      issuer: leaf,
      ...((own?.upgradeEvery ?? spec.upgradeEvery) !== undefined ? { upgradeEvery: (own?.upgradeEvery ?? spec.upgradeEvery)! } : {}),
      domain,
      roles: rolesOf(mine, domain),
      certs: mine.map((x) => x.index),
      etcdMode: mine.some((x) => x.component === 'calico-etcd-client'),
      src,
    };
  });
  return { clusters, certs };
}

/** Inventory entries with the scenario's entries applied: same name → override, new name → added. */
function applyOverrides(entries: readonly InventoryEntry[], overrides: readonly PkiCertificateSpec[], c: PkiClusterInput): { entry: InventoryEntry; over?: PkiCertificateSpec }[] {
  const out: { entry: InventoryEntry; over?: PkiCertificateSpec }[] = entries.map((entry) => ({ entry }));
  for (const over of overrides) {
    const at = out.findIndex((x) => x.entry.name === over.name);
    if (at >= 0) {
      out[at] = { entry: out[at]!.entry, over };
      continue;
    }
    const node = over.node !== undefined ? c.nodes.find((n) => n.name === over.node) : undefined;
    if (over.node !== undefined && node === undefined) continue;
    const entry: InventoryEntry = {
      name: over.name,
      component: over.component,
      node: node?.id ?? -1,
      ...(node !== undefined ? { nodeName: node.name } : {}),
      commonName: over.name,
      sans: over.sans ?? [],
      issuer: over.issuer ?? 'cert-manager',
    };
    out.push({ entry, over });
  }
  return out;
}

/** One Vault role per component: the domains it may request, its organisation, flags and max TTL. */
function rolesOf(certs: readonly CertModel[], domain: string): VaultRole[] {
  const byComponent = new Map<string, CertModel[]>();
  for (const c of certs) {
    if (c.issuer === 'self-signed') continue;
    const group = byComponent.get(c.component);
    if (group === undefined) byComponent.set(c.component, [c]);
    else group.push(c);
  }
  return [...byComponent.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, cs]) => ({
      name,
      allowedDomains: [...namesOf(domain, cs)].sort(),
      organisation: [...new Set(cs.flatMap((c) => c.organisation))].sort(),
      maxTtl: Math.max(...cs.map((c) => c.ttl)),
      serverFlag: cs.some((c) => c.usages.includes('server auth')),
      clientFlag: cs.some((c) => c.usages.includes('client auth')),
    }));
}

/** The domain, then every certificate's common name and SANs, each once, in that order. */
function namesOf(domain: string, certs: readonly CertModel[]): Set<string> {
  const names = new Set([domain]);
  for (const c of certs) {
    names.add(c.commonName);
    for (const san of c.sans) names.add(san);
  }
  return names;
}
