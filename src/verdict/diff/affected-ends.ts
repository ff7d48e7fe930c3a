// verdict: the ends a policy-only change can affect — when AFTER is BEFORE with some policies added, changed
// or deleted (diff --apply/--delete), a pair's verdict can change only where a changed policy may select its
// source (egress) or its destination (ingress): a side reads the rules of the policies selecting its
// endpoint and nothing else (evaluate-side.ts, as Felix's per-endpoint chains, felix/rules/endpoints.go).
import type { Policy, PolicyModel } from '../../model/policy/types.js';
import { inUndeclaredNamespace, maySelect } from '../policy/port-intervals.js';

/** Per endpoint index (the same in both models): 1 where the side may change. */
export interface AffectedEnds {
  readonly egress: Uint8Array;
  readonly ingress: Uint8Array;
}

/**
 * The endpoints whose egress or ingress side a policy-only change may affect, or undefined when the models
 * differ in more than their policies (then every pair must be compared).
 */
export function affectedEnds(before: PolicyModel, after: PolicyModel): AffectedEnds | undefined {
  if (!onlyPoliciesDiffer(before, after)) return undefined;
  const changed = changedPolicies(before.policies, after.policies);
  const n = before.endpoints.length;
  const egress = new Uint8Array(n);
  const ingress = new Uint8Array(n);
  for (const e of before.endpoints) {
    const undeclared = inUndeclaredNamespace(before, e);
    for (const p of changed) {
      if (!maySelect(p, e, undeclared)) continue;
      if (p.types.egress) egress[e.index] = 1;
      if (p.types.ingress) ingress[e.index] = 1;
    }
  }
  return { egress, ingress };
}

/** Every field but the policies is the same object (an incremental update keeps them). */
function onlyPoliciesDiffer(before: PolicyModel, after: PolicyModel): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof PolicyModel)[]);
  for (const k of keys) if (k !== 'policies' && before[k] !== after[k]) return false;
  return true;
}

/** Policies present on one side only, or whose two versions differ (the position `id` aside). */
function changedPolicies(before: readonly Policy[], after: readonly Policy[]): Policy[] {
  const key = (p: Policy): string => `${p.kind}|${p.namespace ?? ''}|${p.name}`;
  const byKey = new Map(before.map((p) => [key(p), p]));
  const out: Policy[] = [];
  const kept = new Set<Policy>();
  for (const a of after) {
    const b = byKey.get(key(a));
    if (b && samePolicy(b, a)) kept.add(b);
    else out.push(a);
  }
  for (const b of before) if (!kept.has(b)) out.push(b);
  return out;
}

/** The same policy object, or a renumbered copy of it (every field but `id` the same object). */
function samePolicy(a: Policy, b: Policy): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Policy)[]);
  for (const k of keys) if (k !== 'id' && a[k] !== b[k]) return false;
  return true;
}
