// viz: the matrix of a cluster past the class limit (a VizBlockMatrix) — namespace × namespace cells from the
// counts written in Node, and, on drilling into one block, the class rows decoded into a class matrix the
// workload level reads like any other (decoded once per cluster, on first use).
import type { VizBlockMatrix, VizClusterMatrix, VizData } from './viz-data.js';

/** Cell counts of a namespace pair, in VizBlockMatrix.counts order. */
export const COUNTED = ['allow', 'some', 'deny', 'unknown'] as const;

const expanded = new WeakMap<VizBlockMatrix, VizClusterMatrix>();

/** The block matrix of cluster `ci`, if it has one. */
export function blockOf(data: VizData, ci: number): VizBlockMatrix | undefined {
  return data.matrix.blocks.find((b) => b.cluster === ci);
}

/** `D3A1` back into `DDDA`. */
export function decodeRow(row: string): string {
  let out = '';
  for (const m of row.matchAll(/([A-Z])(\d+)/g)) out += m[1]!.repeat(Number(m[2]));
  return out;
}

/** The block matrix as a class matrix (no port sets, no probes: cells past the class limit carry neither). */
export function expandBlock(b: VizBlockMatrix): VizClusterMatrix {
  let m = expanded.get(b);
  if (!m) {
    m = { cluster: b.cluster, workloads: b.workloads, classes: b.classes, classCount: b.classCount, codes: b.rows.map(decodeRow).join(''), conns: {}, probes: {} };
    expanded.set(b, m);
  }
  return m;
}

/** The counts of namespace pair (x, y), or of every pair when x is -1. */
export function blockCounts(b: VizBlockMatrix, x: number, y: number): Map<(typeof COUNTED)[number], number> {
  const out = new Map<(typeof COUNTED)[number], number>();
  const nsCount = b.namespaces.length;
  const pairs = x < 0 ? nsCount * nsCount : 1;
  const first = x < 0 ? 0 : x * nsCount + y;
  for (let p = first; p < first + pairs; p++) {
    COUNTED.forEach((v, s) => {
      const n = b.counts[p * 4 + s]!;
      if (n > 0) out.set(v, (out.get(v) ?? 0) + n);
    });
  }
  return out;
}
