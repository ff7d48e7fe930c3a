// emit/viz: the first level of a block matrix — workload cells counted by verdict per ordered namespace pair,
// from the class × class codes and how many workloads of each class each namespace holds. One pass per class
// row tallies the row against every namespace's classes, then scales it by the class's workloads in each of
// its namespaces: O(classes × (namespace, class) entries) typed-array adds instead of one per pair of pairs.
import { CODE } from './sweep-class-codes.js';

/** Each code's slot in VizBlockMatrix.counts (allow, some, deny, unknown); -1: not counted (S). */
const SLOT = new Int8Array(128).fill(-1);
[CODE.A, CODE.P, CODE.D, CODE.U].forEach((c, i) => (SLOT[c] = i));

/**
 * Counts (4 a pair: allow, some, deny, unknown) of the cells between workloads of namespace x (rows) and
 * namespace y (columns), at (x * nsCount + y) * 4; a workload with itself is never counted. `nsOf` and
 * `classes` give each workload's namespace and class; `codes` is the n × n class matrix, row-major.
 */
export function namespaceCounts(nsOf: readonly number[], classes: readonly number[], nsCount: number, codes: Uint8Array, n: number): number[] {
  const { starts, cls, mult } = entries(nsOf, classes, nsCount);
  // Where each class appears: its entries (namespace and multiplicity), by class.
  const byClass: number[][] = Array.from({ length: n }, () => []);
  for (let x = 0; x < nsCount; x++) for (let e = starts[x]!; e < starts[x + 1]!; e++) byClass[cls[e]!]!.push(x, mult[e]!);
  const out = new Float64Array(nsCount * nsCount * 4);
  const tally = new Float64Array(nsCount * 4);
  for (let a = 0; a < n; a++) {
    const at = byClass[a]!;
    if (at.length === 0) continue;
    tally.fill(0);
    const row = a * n;
    for (let y = 0; y < nsCount; y++) {
      for (let e = starts[y]!; e < starts[y + 1]!; e++) {
        const slot = SLOT[codes[row + cls[e]!]!]!;
        if (slot >= 0) tally[y * 4 + slot] += mult[e]!;
      }
    }
    const self = SLOT[codes[row + a]!]!;
    for (let k = 0; k < at.length; k += 2) {
      const x = at[k]!;
      const na = at[k + 1]!;
      const base = x * nsCount * 4;
      for (let i = 0; i < nsCount * 4; i++) out[base + i] += na * tally[i]!;
      // The class with itself in its own namespace: na × (na - 1) ordered pairs of distinct workloads, not na².
      if (self >= 0) out[base + x * 4 + self] -= na;
    }
  }
  return Array.from(out);
}

/** The (class, workload count) entries of each namespace, flat, namespace x's at starts[x] .. starts[x + 1]. */
function entries(nsOf: readonly number[], classes: readonly number[], nsCount: number): { starts: Int32Array; cls: Int32Array; mult: Float64Array } {
  const tallies: Map<number, number>[] = Array.from({ length: nsCount }, () => new Map());
  nsOf.forEach((x, w) => tallies[x]!.set(classes[w]!, (tallies[x]!.get(classes[w]!) ?? 0) + 1));
  const starts = new Int32Array(nsCount + 1);
  tallies.forEach((t, x) => (starts[x + 1] = starts[x]! + t.size));
  const cls = new Int32Array(starts[nsCount]!);
  const mult = new Float64Array(starts[nsCount]!);
  tallies.forEach((t, x) => {
    let e = starts[x]!;
    for (const [c, m] of t) {
      cls[e] = c;
      mult[e++] = m;
    }
  });
  return { starts, cls, mult };
}
