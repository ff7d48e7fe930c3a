// compile: which target classes a change of some policies may give another program — the filter a matrix's
// recompute applies before rebuilding rows (matrix-state.ts).
import type { CPolicy } from '../rules/compile-rules.js';
import { comparePolicies } from '../rules/target-policies.js';

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

/**
 * The classes whose program a change of `policies` (none removed) may alter, ascending: a changed, non-staged
 * policy selects the class (its targets, in the pool `data` of `words`-word sets) and its tier, in the class's
 * last program (`terms`), did not end at a policy ordered before it — liveClasses' rule asked of each policy's
 * own targets (B1's tier of 1,442 namespaced policies made every class live for the earliest changed one:
 * 80% of the rows a port sweep rebuilt came out unchanged).
 */
export function liveTargets(policies: Iterable<CPolicy>, terms: readonly (readonly (CPolicy | undefined)[] | undefined)[], data: Int32Array, words: number): number[] {
  const live = new Uint8Array(words * 32);
  for (const p of policies) {
    if (p.staged) continue;
    for (let w = 0; w < words; w++) {
      let word = data[p.targets + w] as number;
      while (word !== 0) {
        const low = word & -word;
        const c = w * 32 + 31 - Math.clz32(low);
        word ^= low;
        if (live[c] === 1) continue;
        const term = terms[c]?.[p.tierPos];
        if (term === undefined || comparePolicies(term, p) >= 0) live[c] = 1;
      }
    }
  }
  const out: number[] = [];
  for (let c = 0; c < live.length; c++) if (live[c] === 1) out.push(c);
  return out;
}
