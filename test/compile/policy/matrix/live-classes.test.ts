// test: the classes a recompute keeps (one comparison a tier with the earliest changed policy) are those the
// plain rule picks — some changed, non-staged policy whose tier did not end, in the class's last program, at a
// policy ordered before it — on random tiers, orders, names, staged flags and terms (ties in order included).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CPolicy } from '../../../../src/compile/policy/rules/compile-rules.js';
import { liveClasses, liveTargets } from '../../../../src/compile/policy/matrix/live-classes.js';
import { comparePolicies } from '../../../../src/compile/policy/rules/target-policies.js';

/** The rule as recompute() applied it before: every changed policy tried for every class. */
function reference(classes: readonly number[], terms: readonly ((CPolicy | undefined)[] | undefined)[], changed: readonly CPolicy[]): number[] {
  const shadowed = (term: CPolicy | undefined, x: CPolicy): boolean => term !== undefined && term !== x && comparePolicies(term, x) < 0;
  return classes.filter((c) => !changed.every((x) => x.staged || shadowed(terms[c]?.[x.tierPos], x)));
}

const policyArb = fc.record({ tierPos: fc.nat(2), order: fc.constantFrom(0, 10, 10, 100, Infinity), name: fc.constantFrom('a', 'b', 'c', 'd'), staged: fc.boolean() });

describe('liveClasses', () => {
  it('keeps exactly the classes the per-policy rule keeps', () => {
    fc.assert(
      fc.property(
        fc.array(policyArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.option(fc.array(fc.option(fc.nat(7), { nil: undefined }), { maxLength: 3 }), { nil: undefined }), { maxLength: 12 }),
        fc.array(fc.nat(7), { maxLength: 8 }),
        (specs, termPicks, changedPicks) => {
          const policies = specs.map((p, i) => ({ key: `p${i}`, tierPos: p.tierPos, staged: p.staged, policy: { order: p.order, sortKey: `${p.name}${i % 2}` } }) as unknown as CPolicy);
          const pick = (i: number): CPolicy => policies[i % policies.length]!;
          const terms = termPicks.map((t) => t?.map((i) => (i === undefined ? undefined : pick(i))));
          const changed = changedPicks.map(pick);
          const classes = [...termPicks.keys(), termPicks.length];
          expect(liveClasses(classes, terms, changed)).toEqual(reference(classes, terms, changed));
        },
      ),
      { numRuns: 2000, seed: 14 },
    );
  });

  // liveTargets asks the same rule of each changed policy's own targets (a bitset per policy in one pool).
  it('liveTargets keeps the classes some changed policy selecting them keeps, a subset of liveClasses', () => {
    let narrower = 0;
    fc.assert(
      fc.property(
        fc.array(policyArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.option(fc.array(fc.option(fc.nat(7), { nil: undefined }), { maxLength: 3 }), { nil: undefined }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(7), { maxLength: 8 }),
        fc.array(fc.array(fc.nat(39), { maxLength: 12 }), { minLength: 8, maxLength: 8 }),
        (specs, termPicks, changedPicks, selects) => {
          const words = 2;
          const data = new Int32Array(specs.length * words);
          const policies = specs.map((p, i) => ({ key: `p${i}`, tierPos: p.tierPos, staged: p.staged, targets: i * words, policy: { order: p.order, sortKey: `${p.name}${i % 2}` } }) as unknown as CPolicy);
          policies.forEach((_, i) => {
            for (const c of selects[i]!) data[i * words + (c >>> 5)] |= 1 << (c & 31);
          });
          const pick = (i: number): CPolicy => policies[i % policies.length]!;
          const terms = termPicks.map((t) => t?.map((i) => (i === undefined ? undefined : pick(i))));
          const changed = changedPicks.map(pick);
          const selected = (p: CPolicy, c: number): boolean => selects[policies.indexOf(p)]!.includes(c);
          const all = Array.from({ length: 64 }, (_, c) => c);
          const want = all.filter((c) => reference([c], terms, changed.filter((p) => selected(p, c))).length > 0);
          const got = liveTargets(changed, terms, data, words);
          expect(got).toEqual(want);
          const union = all.filter((c) => changed.some((p) => selected(p, c)));
          const wide = liveClasses(union, terms, changed);
          expect(got.every((c) => wide.includes(c))).toBe(true);
          if (got.length < wide.length) narrower++;
        },
      ),
      { numRuns: 1000, seed: 15 },
    );
    expect(narrower).toBeGreaterThan(50);
  });
});
