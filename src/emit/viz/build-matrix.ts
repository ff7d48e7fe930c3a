// emit/viz: the reachability matrix of the page — per cluster the workload × workload cells `calisim reach
// --matrix` computes (allow, some ports, deny, unknown) at identity-class level, a representative probe per cell explained on both
// sides exactly as `reach --format json` explains it (past the class limit, namespace blocks: block-matrix.ts),
// and the tenant × tenant isolation with its wall. Tenants from one template share one computation
// (shared-matrix.ts).
import type { PlatformRun } from '../../engine/platform/run-platform.js';
import type { SideExplanation } from '../../model/policy/eval/types.js';
import { checkIsolation } from '../../verdict/check/isolation.js';
import type { ClusterPolicies } from '../../verdict/reach/platform-probes.js';
import { platformProbes } from '../../verdict/reach/platform-probes.js';
import { fastClassOf, matrixVerdicts } from '../../verdict/state/fast-evaluate.js';
import { portSweepSides } from '../../verdict/state/port-sweep-summary.js';
import { matrixWorkloads } from '../connlist/matrix.js';
import { blockMatrix } from './block-matrix.js';
import { classMatrix } from './class-matrix.js';
import { reuseMatrix, type KeptMatrix, type KeptProbe } from './shared-matrix.js';
import { twinOf } from '../../verdict/state/cluster-twins.js';
import type { VizBlockMatrix, VizClusterMatrix, VizMatrix, VizProbe, VizSide, VizTenantCell } from './viz-data.js';

/** Limits that keep the page and its writing fast on large platforms. */
export interface MatrixLimits {
  /** Clusters with more workloads get no workload matrix (the page says so). */
  readonly workloads: number;
  /** Clusters whose workloads fall in more identity classes get namespace blocks instead of class cells... */
  readonly classes: number;
  /** ...and no matrix past this many classes. */
  readonly blockClasses: number;
  /** Probes (explained cells) over the whole page. */
  readonly probes: number;
}

export const DEFAULT_MATRIX_LIMITS: MatrixLimits = { workloads: 20_000, classes: 300, blockClasses: 5_000, probes: 20_000 };

/** A request to trace a probe later: the page's trace index is assigned by the caller. */
export type TraceRequest = (probe: Omit<VizProbe, 'trace' | 'egress' | 'ingress'>) => number;

/**
 * Builds the matrix at the run's current time. `display` turns a source file into what users see. Clusters
 * linked as twins (linkTwins) share one computation.
 */
export function buildMatrix(run: PlatformRun, policies: readonly ClusterPolicies[], display: (f: string) => string, limits: MatrixLimits, trace: TraceRequest): VizMatrix {
  const sides = sideTable();
  let budget = limits.probes;
  const notes: string[] = [];
  const clusters: VizClusterMatrix[] = [];
  const blocks: VizBlockMatrix[] = [];
  const tenantCount = run.model.clusters.filter((c) => c.kind === 'tenant').length;
  const kept = new Map<ClusterPolicies, KeptMatrix>();
  policies.forEach((c, ci) => {
    // A cluster whose policy input equals an earlier one's up to names and addresses (tenants from one
    // template: linkTwins) gets that one's matrix and explanations under its own name; its model is not built.
    const twin = twinOf(c);
    const reused = twin && kept.get(twin);
    if (reused) {
      const r = reuseMatrix(reused, c.name, ci, budget, trace);
      budget -= r.taken;
      clusters.push(r.matrix);
      return;
    }
    const ws = matrixWorkloads(c.model);
    const count = ws.length;
    if (count > limits.workloads) {
      notes.push(`${c.name}: ${count} workloads, more than the ${limits.workloads} drawn (calisim reach --matrix lists them)`);
      return;
    }
    // Verdicts alone (the class × class matrix per port, as `reach --matrix` reads them): no explanations.
    const m = classMatrix(c.model, matrixVerdicts(), fastClassOf(c.model), limits.classes, ws);
    if ('tooMany' in m) {
      // The isolation check (tenantCells) reads the management model's side rows: swept with its allow bits.
      if (ci === run.model.management && tenantCount > 1) portSweepSides(c.model);
      const b = blockMatrix(c.model, fastClassOf(c.model), ci, limits.blockClasses, ws);
      if ('tooMany' in b) notes.push(`${c.name}: ${count} workloads in ${b.tooMany} identity classes, more than the ${limits.blockClasses} drawn (calisim reach --matrix lists them)`);
      else blocks.push(b);
      return;
    }
    const n = m.workloads.length;
    const classCount = Math.round(Math.sqrt(m.codes.length));
    const reps = repsOf(c, m.workloads);
    const want: { cell: number; from: string; to: string; probe: { from: string; to: string; protocol: string; port: number } }[] = [];
    for (let i = 0; i < n && budget > 0; i++) {
      for (let j = 0; j < n && budget > 0; j++) {
        const a = reps[i];
        const b = reps[j];
        if (i === j || a === undefined || b === undefined) continue;
        budget--;
        want.push({ cell: i * n + j, from: a.ref, to: b.ref, probe: { from: `${c.name}/${a.ref}`, to: `${c.name}/${b.ref}`, protocol: 'TCP', port: b.port } });
      }
    }
    const { results, diagnostics } = platformProbes(policies, want.map((w) => w.probe), '<viz>', run.model);
    const probes: Record<string, VizProbe> = {};
    const asked: KeptProbe[] = [];
    results.forEach((r, i) => {
      const base = { from: r.from, to: r.to, protocol: r.protocol, port: r.port, verdict: r.verdict };
      const probe = { ...base, egress: sides.add(sideOf(r.egress, display)), ingress: sides.add(sideOf(r.ingress, display)), trace: trace(base) };
      probes[want[i]!.cell] = probe;
      asked.push({ cell: want[i]!.cell, from: want[i]!.from, to: want[i]!.to, protocol: r.protocol, port: r.port, verdict: r.verdict, egress: probe.egress, ingress: probe.ingress });
    });
    const matrix = { workloads: m.workloads, classes: m.classes, classCount, codes: m.codes, conns: m.conns };
    clusters.push({ cluster: ci, ...matrix, probes });
    // Kept only when every probe asked was answered: each then stands for the same probe of a twin.
    if (diagnostics.length === 0 && results.length === want.length) kept.set(c, { matrix, probes: asked });
  });
  if (budget <= 0) notes.push(`only the first ${limits.probes} cells carry an explanation`);
  const tenants = tenantCells(run, policies, sides, display, trace);
  return { tenants, clusters, blocks, sides: sides.list, note: notes.length ? notes.join('; ') : null };
}

/** The representative pod of each workload (its first endpoint with an address) and the port to probe. */
function repsOf(c: ClusterPolicies, workloads: readonly string[]): ({ ref: string; port: number } | undefined)[] {
  const byId = new Map<string, { ref: string; port: number }>();
  for (const e of c.model.endpoints) {
    const id = `${e.namespace}/${e.owner?.name ?? e.name}[${e.owner?.kind ?? 'Pod'}]`;
    if (byId.has(id) || e.ip === undefined) continue;
    const port = e.containerPorts.find((p) => (p.protocol ?? 'TCP') === 'TCP')?.containerPort ?? 80;
    byId.set(id, { ref: `${e.namespace}/${e.name}`, port });
  }
  return workloads.map((w) => byId.get(w));
}

/** Tenant × tenant: the isolation check's walls; a pair that is not isolated carries its counterexample. */
function tenantCells(run: PlatformRun, policies: readonly ClusterPolicies[], sides: SideTable, display: (f: string) => string, trace: TraceRequest): VizTenantCell[] {
  const model = run.model;
  const tenants = model.clusters.filter((c) => c.kind === 'tenant');
  const pairs = tenants.flatMap((a) => tenants.filter((b) => b !== a).map((b) => [a.name, b.name] as const));
  return checkIsolation(run, policies, pairs).map((r) => {
    const cx = r.counterexample;
    const rules = (cx?.rules ?? []).map((d) => ({
      side: d.side,
      index: sides.add({ action: d.action, decided: d.decided, endpoint: d.cluster, tier: d.tier ?? null, policy: d.policy ?? null, ruleIndex: d.ruleIndex ?? null, file: d.file !== undefined ? display(d.file) : null, line: d.line ?? null, reasons: [], trail: [] }),
    }));
    const side = (name: string): number => rules.find((x) => x.side === name)?.index ?? -1;
    let probe: VizProbe | null = null;
    if (cx) {
      const base = { from: cx.flow.from, to: cx.flow.to, protocol: cx.flow.protocol, port: cx.flow.port ?? null, verdict: 'allow' };
      probe = { ...base, egress: side('egress'), ingress: side('ingress'), trace: trace(base) };
    }
    const from = model.clusterByName.get(r.from)!;
    const to = model.clusterByName.get(r.to)!;
    return { from, to, verdict: r.isolated ? 'deny' : 'allow', wall: r.isolated ? r.stoppedBy.pods : null, probe, rules };
  });
}

interface SideTable {
  readonly list: VizSide[];
  add(s: VizSide): number;
}

/** A side explanation as the page shows it: the deciding tier, policy, rule and its file and line. */
function sideOf(s: SideExplanation, display: (f: string) => string): VizSide {
  return {
    action: s.action,
    decided: s.decided,
    endpoint: s.endpoint,
    tier: s.tier ?? null,
    policy: s.policy ? `${s.policy.kind} ${s.policy.namespace ? `${s.policy.namespace}/` : ''}${s.policy.name}` : s.profile ? `profile ${s.profile}` : null,
    ruleIndex: s.ruleIndex ?? null,
    file: s.rule ? display(s.rule.file) : null,
    line: s.rule?.line ?? null,
    reasons: s.reasons ?? [],
    trail: s.trail.map((t) => (t.policy ? `${t.tier}/${t.policy.kind} ${t.policy.namespace ? `${t.policy.namespace}/` : ''}${t.policy.name} (${display(t.policy.file)}:${t.policy.line}): ${t.result}` : `${t.tier}: ${t.result}`)),
  };
}

/** Interns side explanations (many cells share one decision). */
function sideTable(): SideTable {
  const list: VizSide[] = [];
  const index = new Map<string, number>();
  return {
    list,
    add(side) {
      const key = JSON.stringify(side);
      let i = index.get(key);
      if (i === undefined) {
        i = list.length;
        list.push(side);
        index.set(key, i);
      }
      return i;
    },
  };
}
