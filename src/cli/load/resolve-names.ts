// cli: the names users think in for `reach --from/--to` — a pod (`ns/pod`), a workload (`ns/deployment/name`,
// `deploy/ns/name`: its first pod), a Service (`svc/ns/name`: its backend pods, one per workload) — into the
// probe ends `[tenant/]ns/pod`; a name that matches nothing is refused with the closest name.
import type { WorkloadEndpoint } from '../../model/endpoints/types.js';
import { didYouMean } from '../../scenario/schema/did-you-mean.js';
import type { ClusterPolicies } from '../../verdict/reach/platform-probes.js';
import { UsageError } from '../usage-error.js';

/** kubectl's resource names and short names of the kinds a `--from`/`--to` may name. */
const KINDS: Readonly<Record<string, string>> = {
  po: 'Pod', pod: 'Pod', pods: 'Pod',
  deploy: 'Deployment', deployment: 'Deployment', deployments: 'Deployment',
  sts: 'StatefulSet', statefulset: 'StatefulSet', statefulsets: 'StatefulSet',
  ds: 'DaemonSet', daemonset: 'DaemonSet', daemonsets: 'DaemonSet',
  rs: 'ReplicaSet', replicaset: 'ReplicaSet', replicasets: 'ReplicaSet',
  rc: 'ReplicationController', replicationcontroller: 'ReplicationController', replicationcontrollers: 'ReplicationController',
  svc: 'Service', service: 'Service', services: 'Service',
};

interface Named {
  readonly cluster?: string;
  readonly kind?: string;
  readonly namespace: string;
  readonly name: string;
}

/** The probe ends `text` names (one for a pod or workload, one per backend workload for a Service). */
export function resolveNames(clusters: readonly ClusterPolicies[], text: string, flag: string): string[] {
  const named = parse(text, clusters);
  if (named === undefined) return [text];
  const multi = clusters.length > 1;
  const out: string[] = [];
  for (const c of clusters) {
    if (named.cluster !== undefined && named.cluster !== c.name) continue;
    const end = (e: WorkloadEndpoint): string => `${multi ? `${c.name}/` : ''}${e.namespace}/${e.name}`;
    const eps = c.model.endpoints.filter((e) => e.namespace === named.namespace);
    if (named.kind === 'Service') {
      const svc = c.model.services.find((s) => s.namespace === named.namespace && s.name === named.name);
      if (svc === undefined) continue;
      if (svc.backends.length === 0) throw new UsageError(`${flag} ${text}: Service ${named.namespace}/${named.name} has no backend pods`);
      const seen = new Set<string>();
      for (const i of svc.backends) {
        const e = c.model.endpoints[i]!;
        const w = `${e.owner?.kind ?? 'Pod'}/${e.owner?.name ?? e.name}`;
        if (!seen.has(w)) out.push(end(e));
        seen.add(w);
      }
      return out;
    }
    const hit = named.kind === undefined || named.kind === 'Pod'
      ? eps.find((e) => e.name === named.name)
      : eps.find((e) => e.owner !== undefined && e.owner.kind === named.kind && e.owner.name === named.name);
    if (hit !== undefined) return [named.kind === undefined ? text : end(hit)];
  }
  throw new UsageError(`${flag} ${text}: no ${describe(named)}${didYouMean(text, candidates(clusters, named))}`);
}

/** `[cluster/]ns/pod`, `[cluster/]ns/kind/name` or `[cluster/]kind/ns/name`; undefined for an address. */
function parse(text: string, clusters: readonly ClusterPolicies[]): Named | undefined {
  if (!text.includes('/')) return undefined;
  const parts = text.split('/');
  const cluster = parts.length >= 3 && clusters.some((c) => c.name === parts[0]) && (parts.length === 4 || KINDS[parts[1]!.toLowerCase()] === undefined) ? parts.shift() : undefined;
  const at = cluster === undefined ? {} : { cluster };
  if (parts.length === 2) return { ...at, namespace: parts[0]!, name: parts[1]! };
  if (parts.length !== 3) throw new UsageError(`"${text}": write namespace/pod, namespace/kind/name, kind/namespace/name or svc/namespace/name`);
  const middle = KINDS[parts[1]!.toLowerCase()];
  if (middle !== undefined) return { ...at, kind: middle, namespace: parts[0]!, name: parts[2]! };
  const first = KINDS[parts[0]!.toLowerCase()];
  if (first !== undefined) return { ...at, kind: first, namespace: parts[1]!, name: parts[2]! };
  throw new UsageError(`"${text}": ${parts[0]} and ${parts[1]} are not kinds (deploy, sts, ds, rs, rc, pod, svc)`);
}

function describe(n: Named): string {
  return `${n.kind === undefined || n.kind === 'Pod' ? 'pod' : n.kind} ${n.namespace}/${n.name}`;
}

/** What the user could have meant, written the way they wrote `n`. */
function candidates(clusters: readonly ClusterPolicies[], n: Named): string[] {
  const out = new Set<string>();
  const prefix = n.cluster === undefined ? '' : `${n.cluster}/`;
  for (const c of clusters) {
    for (const e of c.model.endpoints) {
      out.add(`${prefix}${e.namespace}/${e.name}`);
      if (e.owner !== undefined) out.add(`${prefix}${e.namespace}/${e.owner.kind.toLowerCase()}/${e.owner.name}`);
    }
    for (const s of c.model.services) out.add(`${prefix}svc/${s.namespace}/${s.name}`);
  }
  return [...out];
}
