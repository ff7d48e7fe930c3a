// verdict: the two ends of a trace — a pod (`tenant/namespace/pod`, or `namespace/pod` when unambiguous),
// a node (`tenant/node`, or a management host), or an IPv4 address — with its cluster, node and address.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import { parseIpv4 } from '../../lib/ipv4.js';

/** A resolved end: `cluster`/`node` are -1 for an address outside every cluster. */
export interface TraceEnd {
  readonly text: string;
  readonly kind: 'pod' | 'node' | 'address';
  readonly cluster: number;
  readonly node: number;
  /** uint32 address, -1 when the pod has none. */
  readonly ip: number;
  readonly pod?: LivePod;
}

/** The pods not yet terminated named `namespace/name`, in the pod table's order. */
type PodsNamed = (namespace: string, name: string) => readonly LivePod[];

/** Resolves an end, or returns an error message; `named` finds pods by name (default: a scan of the pod table). */
export function resolveEnd(run: PlatformRun, text: string, named: PodsNamed = scanPods(run)): TraceEnd | string {
  const ip = parseIpv4(text);
  if (ip >= 0) {
    const pod = run.pods.pods.find((p) => p.phase === 'running' && p.ip === ip && !p.base.hostNetwork);
    if (pod) return { text, kind: 'pod', cluster: pod.cluster, node: pod.node, ip, pod };
    const node = run.model.nodes.find((n) => n.ip === ip);
    if (node) return { text, kind: 'node', cluster: node.cluster, node: node.id, ip };
    return { text, kind: 'address', cluster: -1, node: -1, ip };
  }
  const nodeId = run.model.nodeByName.get(text);
  if (nodeId !== undefined) {
    const n = run.model.nodes[nodeId]!;
    return { text, kind: 'node', cluster: n.cluster, node: nodeId, ip: n.ip };
  }
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3) return `"${text}" is not tenant/namespace/pod, a node name or an IPv4 address`;
  const [ns, name] = parts.slice(-2) as [string, string];
  const cluster = parts.length === 3 ? run.model.clusterByName.get(parts[0]!) : undefined;
  if (parts.length === 3 && cluster === undefined) {
    // `tenant/node` for a two-part name is handled above; three parts must start with a cluster.
    return `no cluster named "${parts[0]}"`;
  }
  const hits = named(ns, name).filter((p) => cluster === undefined || p.cluster === cluster);
  if (hits.length === 0) return `no pod ${text}`;
  const clusters = new Set(hits.map((p) => p.cluster));
  if (clusters.size > 1) return `"${text}" exists in several clusters: write tenant/namespace/pod`;
  const pod = hits[0]!;
  return { text, kind: 'pod', cluster: pod.cluster, node: pod.node, ip: pod.ip, pod };
}

/** Resolves many ends in one state of the run: the pods indexed by name once (the page traces hundreds). */
export function endResolver(run: PlatformRun): (text: string) => TraceEnd | string {
  // By name alone (no key text per pod), then filtered by namespace: the table's order is kept.
  const byName = new Map<string, LivePod[]>();
  for (const p of run.pods.pods) {
    if (p.phase === 'terminated') continue;
    const list = byName.get(p.name);
    if (list) list.push(p);
    else byName.set(p.name, [p]);
  }
  const named: PodsNamed = (ns, name) => (byName.get(name) ?? []).filter((p) => p.namespace === ns);
  return (text) => resolveEnd(run, text, named);
}

function scanPods(run: PlatformRun): PodsNamed {
  return (ns, name) => run.pods.pods.filter((p) => p.phase !== 'terminated' && p.namespace === ns && p.name === name);
}

/** A live pod as a trace end. */
export function podEnd(p: LivePod): TraceEnd {
  return { text: `${p.namespace}/${p.name}`, kind: 'pod', cluster: p.cluster, node: p.node, ip: p.ip, pod: p };
}
