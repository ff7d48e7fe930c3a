// engine: the policies in force in each cluster over time — the scenario's own, plus policy-apply events
// (create or replace by kind, namespace and name, as `kubectl apply` does) and minus policy-delete events.
import type { Manifest } from '../../scenario/types.js';

/** Kinds a `Kind/name` or `Kind/namespace/name` reference may start with. */
const POLICY_KINDS = new Set([
  'NetworkPolicy',
  'GlobalNetworkPolicy',
  'StagedNetworkPolicy',
  'StagedGlobalNetworkPolicy',
  'StagedKubernetesNetworkPolicy',
  'Tier',
  'NetworkSet',
  'GlobalNetworkSet',
  'HostEndpoint',
  'Profile',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
]);

/** Identity of an object for apply: API group, kind, namespace, name. */
export function manifestKey(m: Manifest): string {
  const group = m.apiVersion.includes('/') ? m.apiVersion.slice(0, m.apiVersion.indexOf('/')) : '';
  return `${group}|${m.kind}|${m.namespace ?? ''}|${m.name}`;
}

/** True when `ref` (`name`, `namespace/name`, `Kind/name` or `Kind/namespace/name`) names `m`. */
export function refMatches(ref: string, m: Manifest): boolean {
  const parts = ref.split('/');
  let kind: string | undefined;
  if (parts.length > 1 && POLICY_KINDS.has(parts[0]!)) kind = parts.shift();
  const name = parts.pop();
  const namespace = parts.length ? parts.join('/') : undefined;
  return m.name === name && (kind === undefined || m.kind === kind) && (namespace === undefined || m.namespace === namespace);
}

/** Policies in force per cluster; `version` counts changes so verdict caches can be invalidated. */
export class PolicyStore {
  private readonly current: Manifest[][];
  /** Changes over all clusters. */
  version = 0;
  private readonly versions: Int32Array;

  constructor(initial: readonly (readonly Manifest[])[]) {
    this.current = initial.map((l) => [...l]);
    this.versions = new Int32Array(initial.length);
  }

  /** Changes to one cluster's policies so far. */
  versionOf(cluster: number): number {
    return this.versions[cluster] ?? 0;
  }

  /** The manifests in force in a cluster, in apply order. */
  of(cluster: number): readonly Manifest[] {
    return this.current[cluster] ?? [];
  }

  /** Creates or replaces each manifest; returns `created`/`configured` per object, kubectl style. */
  apply(cluster: number, manifests: readonly Manifest[]): string[] {
    const list = this.current[cluster]!;
    const out: string[] = [];
    for (const m of manifests) {
      const i = list.findIndex((x) => manifestKey(x) === manifestKey(m));
      if (i >= 0) list[i] = m;
      else list.push(m);
      out.push(`${m.kind} ${m.namespace ? `${m.namespace}/` : ''}${m.name} ${i >= 0 ? 'configured' : 'created'}`);
    }
    this.version++;
    this.versions[cluster]!++;
    return out;
  }

  /** Deletes the objects each reference names; returns what was deleted and the references that named nothing. */
  delete(cluster: number, refs: readonly string[]): { deleted: string[]; missing: string[] } {
    const list = this.current[cluster]!;
    const deleted: string[] = [];
    const missing: string[] = [];
    for (const ref of refs) {
      const hits = list.filter((m) => refMatches(ref, m));
      if (hits.length === 0) missing.push(ref);
      for (const h of hits) {
        list.splice(list.indexOf(h), 1);
        deleted.push(`${h.kind} ${h.namespace ? `${h.namespace}/` : ''}${h.name} deleted`);
      }
    }
    this.version++;
    this.versions[cluster]!++;
    return { deleted, missing };
  }
}
