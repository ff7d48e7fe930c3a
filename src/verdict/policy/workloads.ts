// verdict: pods grouped into workloads as netpol-analyzer names them — `ns/<owner>[<OwnerKind>]`, or
// `ns/<pod>[Pod]` for a pod without owner — each with a representative pod (the first one).
import type { PolicyModel } from '../../model/policy/types.js';

export interface Workload {
  /** `ns/name[Kind]`. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  /** Endpoint indices of its pods, ascending; the first is the representative. */
  readonly endpoints: readonly number[];
}

/** Workloads sorted by id (byte order). */
export function groupWorkloads(model: PolicyModel): Workload[] {
  const byId = new Map<string, { namespace: string; name: string; kind: string; endpoints: number[] }>();
  for (const e of model.endpoints) {
    const name = e.owner?.name ?? e.name;
    const kind = e.owner?.kind ?? 'Pod';
    const id = `${e.namespace}/${name}[${kind}]`;
    const w = byId.get(id);
    if (w) w.endpoints.push(e.index);
    else byId.set(id, { namespace: e.namespace, name, kind, endpoints: [e.index] });
  }
  return [...byId.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, w]) => ({ id, ...w }));
}
