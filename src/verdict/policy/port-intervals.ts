// verdict: the destination-port intervals over which the rules that can apply to a pair of endpoints cannot
// tell two ports apart — the reference verdict is evaluated once per interval instead of once per port.
import type { WorkloadEndpoint } from '../../model/endpoints/types.js';
import type { Direction, Policy, PolicyModel, PortMatch, PortRange, Rule } from '../../model/policy/types.js';

const FAILSAFE_PORTS = [22, 53, 67, 68, 179, 2379, 2380, 5473, 6443, 6666, 6667];

function addMatch(cuts: Set<number>, m: PortMatch | undefined): void {
  for (const r of m?.ranges ?? []) {
    cuts.add(r.min);
    cuts.add(r.max + 1);
  }
}

/**
 * The rules that may judge traffic in `dir` at `e`: those of policies whose selector may select it (a pod of
 * an undeclared namespace counts as selected) and of its profiles. Without an endpoint: every rule.
 */
export function candidateRules(model: PolicyModel, e: WorkloadEndpoint | undefined, dir: Direction): Rule[] {
  const undeclared = e !== undefined && inUndeclaredNamespace(model, e);
  const out: Rule[] = [];
  for (const p of model.policies) {
    if (!p.types[dir]) continue;
    if (e && !maySelect(p, e, undeclared)) continue;
    out.push(...p[dir]);
  }
  const profiles = e ? e.profiles : [...model.profiles.keys()];
  for (const name of profiles) out.push(...(model.profiles.get(name)?.[dir] ?? []));
  return out;
}

/** True when `e`'s namespace was referenced but never declared (its labels are unknown). */
export function inUndeclaredNamespace(model: PolicyModel, e: WorkloadEndpoint): boolean {
  return model.namespaces.some((n) => n.name === e.namespace && !n.declared);
}

/**
 * True when policy `p` may apply to `e`: its selector matches, or the answer is open (a hostNetwork pod
 * is judged as its host; the labels of an undeclared namespace are unknown).
 */
export function maySelect(p: Policy, e: WorkloadEndpoint, undeclared: boolean): boolean {
  return e.hostNetwork || undeclared || p.selector.matches(e.labels);
}

/**
 * Sorted intervals covering 1..65535, cut at every destination-port bound of `rules`, at the numbers of the
 * endpoint ports their named ports name, and at Service target ports when a rule matches `services`.
 */
export function portIntervals(model: PolicyModel, rules: readonly Rule[]): PortRange[] {
  const cuts = new Set<number>([1, 65536]);
  const names = new Set<string>();
  let services = false;
  for (const r of rules) {
    addMatch(cuts, r.destination.ports);
    addMatch(cuts, r.destination.notPorts);
    for (const n of [...(r.destination.ports?.named ?? []), ...(r.destination.notPorts?.named ?? [])]) names.add(n);
    if (r.destination.services) services = true;
  }
  const add = (p: number): void => {
    cuts.add(p);
    cuts.add(p + 1);
  };
  if (names.size > 0) {
    for (const e of model.endpoints) for (const p of e.ports) if (names.has(p.name)) add(p.port);
    for (const h of model.hostEndpoints) for (const p of h.ports) if (names.has(p.name)) add(p.port);
  }
  if (services) {
    for (const s of model.services) for (const p of s.ports) if (typeof p.targetPort === 'number') add(p.targetPort);
    for (const e of model.endpoints) for (const p of e.containerPorts) add(p.containerPort);
  }
  if (model.hostEndpoints.length > 0) for (const p of FAILSAFE_PORTS) add(p);
  const sorted = [...cuts].filter((c) => c >= 1 && c <= 65536).sort((a, b) => a - b);
  const out: PortRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push({ min: sorted[i] as number, max: (sorted[i + 1] as number) - 1 });
  return out;
}
