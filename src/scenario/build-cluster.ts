// scenario: one cluster from its scenario-form record plus its real manifests (inline `policies`, `include`d
// files and folders) — lists merged, Calico settings folded, referenced namespaces and the default pool added.
import type { SourceRef } from '../lib/diagnostics.js';
import { resolveFrom, type Loader } from './read/loader.js';
import { emptyParts, normaliseManifests, type ClusterParts } from './manifests/normalise-manifests.js';
import type { Ctx } from './provenance.js';
import type { PathRef, RawRef } from './schema/schema.js';
import type { CalicoSpec, ClusterSpec, IpPoolSpec, NamespaceSpec, TenantSpec } from './types.js';

/** A cluster as the schema read it: scenario-form lists, raw inline manifests, manifest includes. */
export type ClusterRec = Omit<ClusterSpec, 'calico' | 'policies' | 'ignored'> & {
  readonly calico: CalicoSpec;
  readonly policies?: RawRef;
  readonly include: readonly PathRef[];
  readonly placement?: TenantSpec['placement'];
};

/** The manifests of a cluster: its inline `policies` entries and every included file or folder. */
export function clusterManifests(rec: ClusterRec, loader: Loader): ClusterParts {
  const raw: RawRef[] = [];
  const inline = rec.policies?.node;
  if (inline?.kind === 'seq') inline.items.forEach((node, i) => raw.push({ node, path: `${rec.policies?.path ?? ''}[${i}]` }));
  for (const inc of rec.include) {
    raw.push(...loader.readManifests(resolveFrom(inc.src.file, inc.path), { path: inc.fieldPath, src: inc.src }));
  }
  return raw.length === 0 ? emptyParts() : normaliseManifests(raw, loader.manifestCtx, loader.ignored);
}

/** Calico's own default pool when none is configured (calico-node startup; IPIP Always as in calico.yaml). */
export function defaultPool(src: SourceRef): IpPoolSpec {
  return {
    name: 'default-ipv4-ippool',
    cidr: '192.168.0.0/16',
    blockSize: 26,
    ipipMode: 'Always',
    vxlanMode: 'Never',
    natOutgoing: true,
    disabled: false,
    disableBGPExport: false,
    nodeSelector: 'all()',
    allowedUses: ['Workload', 'Tunnel'],
    src,
  };
}

/** Merges a cluster record with its manifests into the ClusterSpec (a TenantSpec when it has a placement). */
export function assembleCluster(rec: ClusterRec, parts: ClusterParts, ctx: Ctx): ClusterSpec | TenantSpec {
  const s = parts.settings;
  const pools = [...rec.calico.ipPools, ...parts.ipPools];
  const calico: CalicoSpec = {
    ...rec.calico,
    ...(s.asNumber === undefined ? {} : { asNumber: s.asNumber }),
    ...(s.nodeToNodeMeshEnabled === undefined ? {} : { nodeToNodeMeshEnabled: s.nodeToNodeMeshEnabled }),
    peers: [...rec.calico.peers, ...parts.peers],
    ipPools: pools.length > 0 ? pools : [defaultPool(rec.calico.src)],
    ...(s.strictAffinity === undefined ? {} : { strictAffinity: s.strictAffinity }),
    ...(s.maxBlocksPerHost === undefined ? {} : { maxBlocksPerHost: s.maxBlocksPerHost }),
    serviceClusterIPs: s.serviceClusterIPs ?? rec.calico.serviceClusterIPs,
    serviceExternalIPs: s.serviceExternalIPs ?? rec.calico.serviceExternalIPs,
    serviceLoadBalancerIPs: s.serviceLoadBalancerIPs ?? rec.calico.serviceLoadBalancerIPs,
    resources: parts.resources,
  };
  const origin = ctx.prov.get(rec.calico);
  if (origin !== undefined) ctx.prov.set(calico, origin);
  const namespaces = [...rec.namespaces, ...parts.namespaces];
  addReferencedNamespaces(namespaces, parts, ctx);
  const cluster: ClusterSpec = {
    name: rec.name,
    nodes: [...rec.nodes, ...parts.nodes],
    underlay: rec.underlay,
    calico,
    namespaces,
    workloads: [...rec.workloads, ...parts.workloads],
    pods: [...rec.pods, ...parts.pods],
    services: [...rec.services, ...parts.services],
    ingresses: [...rec.ingresses, ...parts.ingresses],
    ...(parts.httpRoutes.length ? { httpRoutes: parts.httpRoutes } : {}),
    ...(parts.gateways.length ? { gateways: parts.gateways } : {}),
    ...(parts.referenceGrants.length ? { referenceGrants: parts.referenceGrants } : {}),
    policies: parts.policies,
    ignored: parts.ignored,
    src: rec.src,
  };
  const out = rec.placement === undefined ? cluster : { ...cluster, placement: rec.placement };
  const recOrigin = ctx.prov.get(rec);
  if (recOrigin !== undefined) ctx.prov.set(out, recOrigin);
  return out;
}

/** Namespaces that manifests use but nobody declared: labels unknown beyond the name label. */
function addReferencedNamespaces(namespaces: NamespaceSpec[], parts: ClusterParts, ctx: Ctx): void {
  const known = new Set(namespaces.map((n) => n.name));
  const users: readonly { readonly namespace?: string; readonly src: SourceRef }[] = [
    ...parts.workloads, ...parts.pods, ...parts.services, ...parts.ingresses, ...parts.httpRoutes, ...parts.gateways, ...parts.policies,
  ];
  for (const u of users) {
    const name = u.namespace;
    if (name === undefined || known.has(name)) continue;
    known.add(name);
    const ns: NamespaceSpec = { name, labels: { 'kubernetes.io/metadata.name': name }, declared: false, src: u.src };
    ctx.prov.set(ns, { path: '', locate: () => u.src, fromManifest: true });
    namespaces.push(ns);
  }
}
