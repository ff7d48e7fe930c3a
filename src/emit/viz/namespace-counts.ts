// emit/viz: the first level of a block matrix — workload cells counted by verdict per ordered namespace pair,
// from the class × class codes and how many workloads of each class each namespace holds. One pass per class
// row tallies the row against every namespace's classes, then scales it by the class's workloads in each of
// its namespaces: when each class lies in one namespace (B1, large.yaml), by the row's runs of equal codes;
// else O(classes × (namespace, class) entries) typed-array adds. Never one per pair of workloads.
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
  const layout = namespaceRanges(nsOf, classes, nsCount, n);
  return layout ? countsByRuns(layout, nsCount, codes, n) : countsByEntries(nsOf, classes, nsCount, codes, n);
}

/** Each class in one namespace, the classes of namespace y numbered end[y - 1] .. end[y] - 1. */
interface NamespaceRanges {
  readonly nsOfClass: Int32Array;
  /** Workloads of classes below b, at b: a run's workloads in a namespace are two reads. */
  readonly prefix: Float64Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * The ranges when every class lies in one namespace and the classes of each namespace are consecutive (as
 * class-matrix.ts numbers them: by first appearance, workloads by namespace); undefined otherwise.
 */
function namespaceRanges(nsOf: readonly number[], classes: readonly number[], nsCount: number, n: number): NamespaceRanges | undefined {
  const nsOfClass = new Int32Array(n).fill(-1);
  const mult = new Float64Array(n);
  for (let w = 0; w < nsOf.length; w++) {
    const c = classes[w]!;
    if (nsOfClass[c] !== -1 && nsOfClass[c] !== nsOf[w]) return undefined;
    nsOfClass[c] = nsOf[w]!;
    mult[c]!++;
  }
  const start = new Int32Array(nsCount).fill(n);
  const end = new Int32Array(nsCount).fill(0);
  const prefix = new Float64Array(n + 1);
  for (let c = 0; c < n; c++) {
    const x = nsOfClass[c]!;
    if (x < 0 || (c > 0 && x < nsOfClass[c - 1]!)) return undefined;
    start[x] = Math.min(start[x]!, c);
    end[x] = c + 1;
    prefix[c + 1] = prefix[c]! + mult[c]!;
  }
  return { nsOfClass, prefix, start, end };
}

/**
 * Counts from each class row's runs of equal codes: a run adds, in each namespace it spans, the workloads of
 * its classes there (a prefix-sum difference). B1's 1,890 classes have rows of a few dozen runs each.
 */
function countsByRuns(r: NamespaceRanges, nsCount: number, codes: Uint8Array, n: number): number[] {
  const { nsOfClass, prefix, start, end } = r;
  const out = new Float64Array(nsCount * nsCount * 4);
  const tally = new Float64Array(nsCount * 4);
  for (let a = 0; a < n; a++) {
    tally.fill(0);
    const row = a * n;
    let b = 0;
    while (b < n) {
      const code = codes[row + b]!;
      let j = b + 1;
      while (j < n && codes[row + j] === code) j++;
      const slot = SLOT[code]!;
      if (slot >= 0) {
        for (let y = nsOfClass[b]!; ; y++) {
          // A namespace without workloads (start n, end 0) adds nothing.
          if (start[y]! < end[y]!) tally[y * 4 + slot] += prefix[Math.min(j, end[y]!)]! - prefix[Math.max(b, start[y]!)]!;
          if (end[y]! >= j) break;
        }
      }
      b = j;
    }
    const x = nsOfClass[a]!;
    const na = prefix[a + 1]! - prefix[a]!;
    const base = x * nsCount * 4;
    for (let i = 0; i < nsCount * 4; i++) out[base + i] += na * tally[i]!;
    const self = SLOT[codes[row + a]!]!;
    if (self >= 0) out[base + x * 4 + self] -= na;
  }
  return Array.from(out);
}

/** The general count: each class row tallied against every (namespace, class) entry. */
function countsByEntries(nsOf: readonly number[], classes: readonly number[], nsCount: number, codes: Uint8Array, n: number): number[] {
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
