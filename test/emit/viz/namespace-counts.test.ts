// The block matrix's namespace × namespace counts (one tally per class row, scaled by each namespace's
// workloads of the class; by runs of equal codes when each namespace's classes are consecutive) equal the
// former count over every pair of (namespace, class) entries, kept here as the reference, on random
// workloads, classes and codes, and on random layouts where each class lies in one namespace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namespaceCounts } from '../../../src/emit/viz/namespace-counts.js';

const SLOTS: Record<number, number> = { 65: 0, 80: 1, 68: 2, 85: 3 };

/** The reference: for each namespace pair, each (class, count) entry of one against each of the other. */
function referenceCounts(nsOf: readonly number[], classes: readonly number[], nsCount: number, codes: Uint8Array, n: number): number[] {
  const tallies: Map<number, number>[] = Array.from({ length: nsCount }, () => new Map());
  nsOf.forEach((x, w) => tallies[x]!.set(classes[w]!, (tallies[x]!.get(classes[w]!) ?? 0) + 1));
  const lists = tallies.map((t) => [...t]);
  const out = new Array<number>(nsCount * nsCount * 4).fill(0);
  for (let x = 0; x < nsCount; x++) {
    for (let y = 0; y < nsCount; y++) {
      for (const [a, na] of lists[x]!) {
        for (const [b, nb] of lists[y]!) {
          const count = x === y && a === b ? na * (na - 1) : na * nb;
          const slot = SLOTS[codes[a * n + b]!];
          if (count > 0 && slot !== undefined) out[(x * nsCount + y) * 4 + slot] += count;
        }
      }
    }
  }
  return out;
}

const cases = fc
  .record({ nsCount: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 8 }) })
  .chain(({ nsCount, n }) =>
    fc.record({
      nsCount: fc.constant(nsCount),
      n: fc.constant(n),
      workloads: fc.array(fc.tuple(fc.integer({ min: 0, max: nsCount - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 40 }),
      codes: fc.array(fc.constantFrom(65, 68, 80, 83, 85), { minLength: n * n, maxLength: n * n }),
    }),
  );

describe('namespace counts of a block matrix', () => {
  it('equal the count over every pair of namespace entries', () => {
    fc.assert(
      fc.property(cases, ({ nsCount, n, workloads, codes }) => {
        const nsOf = workloads.map(([x]) => x);
        const classes = workloads.map(([, c]) => c);
        const bytes = Uint8Array.from(codes);
        expect(namespaceCounts(nsOf, classes, nsCount, bytes, n)).toEqual(referenceCounts(nsOf, classes, nsCount, bytes, n));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('equal it when each class lies in one namespace, counted by runs of equal codes', () => {
    // Workloads by namespace, classes numbered by first appearance (as class-matrix.ts numbers them); some
    // namespaces hold no workload, rows are runs of a few codes.
    const layouts = fc
      .array(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }), { minLength: 1, maxLength: 6 })
      .chain((perNs) => {
        const n = perNs.flat().length;
        return fc.record({ perNs: fc.constant(perNs), runs: fc.array(fc.tuple(fc.constantFrom(65, 68, 80, 83, 85), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: Math.max(1, n * n) }) });
      });
    let some = 0;
    fc.assert(
      fc.property(layouts, ({ perNs, runs }) => {
        const nsOf: number[] = [];
        const classes: number[] = [];
        let c = 0;
        perNs.forEach((sizes, x) =>
          sizes.forEach((size) => {
            for (let k = 0; k < size; k++) {
              nsOf.push(x);
              classes.push(c);
            }
            c++;
          }),
        );
        const n = c;
        const codes = new Uint8Array(n * n).fill(68);
        let at = 0;
        for (const [code, length] of runs) for (let k = 0; k < length && at < n * n; k++) codes[at++] = code;
        if (n > 1) some++;
        expect(namespaceCounts(nsOf, classes, perNs.length, codes, n)).toEqual(referenceCounts(nsOf, classes, perNs.length, codes, n));
      }),
      { numRuns: 400, seed: 15 },
    );
    expect(some).toBeGreaterThan(100);
  });
});
