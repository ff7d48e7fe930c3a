// model: lookups the reference evaluator repeats for every packet, computed once per model (policies per
// tier and direction, addresses to endpoints, undeclared namespaces). Pure indexes: no semantics here.
import type { HostEndpoint, WorkloadEndpoint } from '../../endpoints/types.js';
import type { Direction, Policy, PolicyModel } from '../types.js';

export interface ModelIndex {
  /** `tier` → `direction` → policies of that tier governing that direction, in model order. */
  readonly byTier: ReadonlyMap<string, Readonly<Record<Direction, readonly Policy[]>>>;
  /** Non-hostNetwork pods by IP. */
  readonly podsByIp: ReadonlyMap<number, readonly WorkloadEndpoint[]>;
  readonly hostsByIp: ReadonlyMap<number, readonly HostEndpoint[]>;
  readonly undeclared: ReadonlySet<string>;
}

const cache = new WeakMap<PolicyModel, ModelIndex>();

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The index of `model` (built on first use, then cached for the model object). */
export function modelIndex(model: PolicyModel): ModelIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const byTier = new Map<string, Record<Direction, Policy[]>>();
  for (const t of model.tiers) byTier.set(t.name, { ingress: [], egress: [] });
  for (const p of model.policies) {
    const entry = byTier.get(p.tier);
    if (!entry) continue;
    if (p.types.ingress) entry.ingress.push(p);
    if (p.types.egress) entry.egress.push(p);
  }
  const podsByIp = new Map<number, WorkloadEndpoint[]>();
  for (const e of model.endpoints) if (!e.hostNetwork && e.ip !== undefined) push(podsByIp, e.ip, e);
  const hostsByIp = new Map<number, HostEndpoint[]>();
  for (const h of model.hostEndpoints) for (const ip of h.ips) push(hostsByIp, ip, h);
  const undeclared = new Set(model.namespaces.filter((n) => !n.declared).map((n) => n.name));
  const index: ModelIndex = { byTier, podsByIp, hostsByIp, undeclared };
  cache.set(model, index);
  return index;
}
