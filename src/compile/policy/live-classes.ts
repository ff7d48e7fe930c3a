// compile: which target classes a change of some policies may give another program — the filter a matrix's
// recompute applies before rebuilding rows (matrix-state.ts).
import type { CPolicy } from './compile-rules.js';
import { comparePolicies } from './target-policies.js';

/**
 * The classes whose program a change of the `changed` policies may alter: those for which some changed,
 * non-staged policy is not shadowed — its tier, in the class's last program (`terms`), did not end at a
 * policy ordered before it (a rule matching every peer). Felix's order is total, so within one tier the
 * earliest changed policy is the least shadowed: one comparison a tier per class, not one a policy.
 */
export function liveClasses(classes: readonly number[], terms: readonly (readonly (CPolicy | undefined)[] | undefined)[], changed: readonly CPolicy[]): number[] {
  const earliest = new Map<number, CPolicy>();
  for (const x of changed) {
    if (x.staged) continue;
    const e = earliest.get(x.tierPos);
    if (e === undefined || comparePolicies(x, e) < 0) earliest.set(x.tierPos, x);
  }
  const tiers = [...earliest];
  return classes.filter((c) => {
    const t = terms[c];
    // Not shadowed: no term in that tier, or the term is the policy itself or ordered after it.
    return tiers.some(([pos, x]) => {
      const term = t?.[pos];
      return term === undefined || comparePolicies(term, x) >= 0;
    });
  });
}
