// emit/viz: one cluster's class matrix and explained probes, kept for the clusters whose policy input has the
// same key (verdict/state/policy-input-key.ts: equal up to the cluster's name, node names and addresses) —
// tenants from one template. Such a cluster's pods have the same names, labels, ports and policies, so its
// workloads, classes, cells, probes and their explanations are the kept ones; only its name and traces differ.
import type { VizClusterMatrix, VizProbe } from './viz-data.js';

/** A probe of a kept matrix: its cell, its ends without the cluster's name (`namespace/pod`), its verdict and sides. */
export interface KeptProbe extends Omit<VizProbe, 'trace'> {
  readonly cell: number;
}

/** A cluster's matrix as later clusters with its key reuse it: every probe it asked for, in asking order. */
export interface KeptMatrix {
  readonly matrix: Omit<VizClusterMatrix, 'cluster' | 'probes'>;
  readonly probes: readonly KeptProbe[];
}

/**
 * The matrix of cluster `name` (index `cluster`) from a kept one: the first `budget` of its probes, asked in
 * the same order under this cluster's name (each traced through `trace`, as buildMatrix asks), and how many
 * of the budget they took.
 */
export function reuseMatrix(kept: KeptMatrix, name: string, cluster: number, budget: number, trace: (probe: Omit<VizProbe, 'trace' | 'egress' | 'ingress'>) => number): { matrix: VizClusterMatrix; taken: number } {
  const taken = Math.max(0, Math.min(budget, kept.probes.length));
  const probes: Record<string, VizProbe> = {};
  for (let k = 0; k < taken; k++) {
    const p = kept.probes[k]!;
    const base = { from: `${name}/${p.from}`, to: `${name}/${p.to}`, protocol: p.protocol, port: p.port, verdict: p.verdict };
    probes[p.cell] = { ...base, egress: p.egress, ingress: p.ingress, trace: trace(base) };
  }
  const m = kept.matrix;
  return { matrix: { cluster, workloads: [...m.workloads], classes: [...m.classes], classCount: m.classCount, codes: m.codes, conns: { ...m.conns }, probes }, taken };
}
