// emit/viz: the page's facts at the cursor that read only the model and the pods and policies then in
// force, never routing: the reachability matrix (class cells, explained probes, isolation walls), the traces
// it asks for, each cluster's namespaces and the ingress controller's nodes. A run whose BGP is deferred
// has these as the full run has them (src/engine/platform/run-platform.ts), so the CLI computes them on a
// second thread while its own run simulates; runStateKey tells whether both runs' states agree.
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { ClusterPolicies } from '../../verdict/reach/platform-probes.js';
import { policyModelsOf } from '../../verdict/state/policy-models.js';
import { DEFAULT_MATRIX_LIMITS, buildMatrix, type MatrixLimits } from './build-matrix.js';
import { traceTable, type TraceWish } from './trace-table.js';
import type { VizCluster, VizMatrix } from './viz-data.js';

/** The cursor's facts that depend on the pods and policies alone (plain data: it crosses threads). */
export interface CursorPart {
  readonly matrix: VizMatrix;
  /** The probes the matrix wants traced, in trace-index order. */
  readonly wishes: readonly TraceWish[];
  /** Per cluster its namespaces and workloads with running pods. */
  readonly namespaces: readonly VizCluster['namespaces'][];
  /** The nodes running an ingress controller pod. */
  readonly ingressNodes: readonly number[];
}

export interface CursorOptions {
  readonly display: (file: string) => string;
  readonly limits?: MatrixLimits;
  /** Traces precomputed for the page, at most (default 400). */
  readonly traces?: number;
}

/** The cursor part of `run` now, with the policy models it was computed from. */
export function cursorPart(run: PlatformRun, options: CursorOptions): { readonly part: CursorPart; readonly policies: readonly ClusterPolicies[] } {
  const namespaces = namespacesOf(run);
  const ingressNodes = ingressNodesOf(run);
  const policies = policyModelsOf(run).clusters;
  const table = traceTable(options.traces ?? 400);
  const matrix = buildMatrix(run, policies, options.display, options.limits ?? DEFAULT_MATRIX_LIMITS, table.want);
  return { part: { matrix, wishes: table.wishes, namespaces, ingressNodes }, policies };
}

/** The nodes running an ingress controller pod (the pods the load balancers' health checks reach). */
function ingressNodesOf(run: PlatformRun): number[] {
  const ing = run.model.scenario.platform?.ingress;
  if (!ing || run.model.management < 0) return [];
  const on = run.pods.running(run.model.management).filter((p) => p.namespace === ing.namespace && p.base.owner?.name === ing.name && p.node >= 0);
  return [...new Set(on.map((p) => p.node))].sort((a, b) => a - b);
}

/** Per cluster its namespaces and workloads with running pods (owner, or the pod itself), sorted. */
function namespacesOf(run: PlatformRun): VizCluster['namespaces'][] {
  return run.model.clusters.map((c) => {
    const byNs = new Map<string, Map<string, { kind: string; pods: number }>>();
    for (const ns of c.spec.namespaces) byNs.set(ns.name, new Map());
    for (const p of run.pods.running(c.id)) {
      const ws = byNs.get(p.namespace) ?? new Map<string, { kind: string; pods: number }>();
      byNs.set(p.namespace, ws);
      const name = p.base.owner?.name ?? p.name;
      const w = ws.get(name) ?? { kind: p.base.owner?.kind ?? 'Pod', pods: 0 };
      w.pods++;
      ws.set(name, w);
    }
    return [...byNs]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, ws]) => ({ name, workloads: [...ws].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, v]) => ({ name: w, kind: v.kind, pods: v.pods })) }));
  });
}
