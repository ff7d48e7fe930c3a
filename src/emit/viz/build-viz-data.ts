// emit/viz: a run into the page's viz data — records every state change while the command's one run
// advances, event time by event time; at the cursor's time reads the static facts (node facts, matrix,
// traces); lays the platform out with the seed. Deterministic: the same model, seed and options give the
// same document.
import { formatCidr } from '../../lib/ipv4.js';
import { createPlatform, type PlatformRun } from '../../engine/platform/run-platform.js';
import type { LivePod } from '../../engine/platform/pod-table.js';
import { KIND_NAMES } from '../../engine/bgp/tables/end-table.js';
import type { Model } from '../../model/types.js';
import type { CheckReport } from '../../verdict/check/types.js';
import { policyChangeEffects } from '../../verdict/diff/policy-change-effects.js';
import { policyModelsOf } from '../../verdict/state/policy-models.js';
import { linkTwins } from '../../verdict/state/cluster-twins.js';
import { DEFAULT_MATRIX_LIMITS, buildMatrix, type MatrixLimits } from './build-matrix.js';
import { vizCheck } from './viz-check.js';
import { layoutPlatform } from './layout-platform.js';
import { nodeFacts, type NodeFacts } from './node-facts.js';
import { recordHistory, type RunHistory } from './record-history.js';
import { traceTable } from './trace-table.js';
import { VIZ_SCHEMA, type VizCluster, type VizData, type VizIngress, type VizMatrix, type VizTrace } from './viz-data.js';
import { vizWindows } from './viz-windows.js';
import { ColumnTable } from './pack-json.js';

/**
 * The viz data as the emit stage builds it: the session ends (78k on a large platform) as a column table,
 * which the packer writes, and JSON.stringify writes, exactly as its rows.
 */
export type VizDocument = VizData<ColumnTable>;

/** The cursor's default start: 30 s, once BGP has converged (as `calisim trace` does). */
export const DEFAULT_AT = 30_000;

export interface VizOptions {
  /** buildVizData's seed (default the scenario's); recordViz is given its run's. */
  readonly seed?: number;
  /** Time (ms) of the static facts and the cursor's start; default 30 s, at most the run's end. */
  readonly at?: number;
  /** A source file as users should read it (relative to the working directory). */
  readonly display?: (file: string) => string;
  readonly check?: CheckReport;
  readonly limits?: MatrixLimits;
  /** Traces precomputed for the page, at most. */
  readonly traces?: number;
}

/** The page's recording of a run: advance it (as far as its command needs), then finish at its end. */
export interface VizRecording {
  /** Advances the run to `until` (ms), recording each state change. */
  advance(until: number): void;
  /** The viz data of the run as it stands (its end): `check` adds its results. */
  finish(check?: CheckReport): VizDocument;
}

/**
 * Starts recording a run just created (time 0) with `seed`, which will end at `end` (ms): the one
 * simulation of `run`, `check --viz` and `viz`.
 */
export function recordViz(run: PlatformRun, seed: number, end: number, options: VizOptions = {}): VizRecording {
  const model = run.model;
  const at = Math.min(options.at ?? DEFAULT_AT, end);
  const display = options.display ?? ((f: string) => f);
  let facts: NodeFacts[] = [];
  let matrix: VizMatrix = { tenants: [], clusters: [], blocks: [], sides: [], note: null };
  let traces: VizTrace[] = [];
  let namespaces: VizCluster['namespaces'][] = [];
  let ingressNodes: number[] = [];
  const recorder = recordHistory(run, at, (r) => {
    facts = nodeFacts(r);
    namespaces = namespacesOf(r);
    ingressNodes = ingressNodesOf(r);
    const built = policyModelsOf(r);
    // Tenants from one template share their matrix and their policy verdicts in traces.
    linkTwins(built.clusters);
    const table = traceTable(options.traces ?? 400);
    matrix = buildMatrix(r, built.clusters, display, options.limits ?? DEFAULT_MATRIX_LIMITS, table.want);
    traces = table.trace(r, built.clusters, display);
  });
  const finish = (check: CheckReport | undefined): VizDocument => {
    const history = recorder.finish();
    const layout = layoutPlatform(model, seed);
    const peers = peersOf(model);
    const speakerNode = new Map(model.nodes.map((n) => [run.bgp.speakerOf(n.id), n.id]));
    const peerIndex = new Map(peers.map((p, i) => [p.speaker, i]));
    return {
      schema: VIZ_SCHEMA,
      scenario: model.scenario.name,
      seed,
      horizon: end,
      at,
      stateNames: ['Idle', 'Connect', 'Active', 'OpenSent', 'OpenConfirm', 'Established'],
      clusters: model.clusters.map((c, ci) => ({
        name: c.name,
        kind: c.kind,
        placement: c.placement,
        underlay: { kind: c.underlay.kind, cidr: formatCidr(c.underlay.network), vni: c.underlay.flannel?.vni ?? null },
        namespaces: namespaces[ci] ?? [],
        ...layout.clusters[ci]!,
      })),
      nodes: model.nodes.map((n, i) => ({
        name: n.name,
        cluster: n.cluster,
        role: n.role,
        host: n.host,
        ip: n.ipText,
        reflector: (model.clusters[n.cluster]!.spec.calico.routeReflectors?.nodes ?? []).includes(n.shortName),
        ...layout.nodes[i]!,
        up: history.nodeUp[i]!,
        ...(facts[i] ?? { blocks: [], pods: [], routes: [] }),
      })),
      peers: peers.map((p, i) => ({ name: p.name, ip: p.ip, cluster: p.cluster, ...layout.peers[i]! })),
      sessions: sessionsOf(run, history, speakerNode, peerIndex),
      loadBalancers: loadBalancersOf(run, layout.clusters[Math.max(0, model.management)]),
      ingress: ingressOf(run, ingressNodes, layout.clusters[Math.max(0, model.management)], layout.extent),
      timeline: run.timeline.map((e) => ({ at: e.at, kind: e.kind, target: e.target, effects: e.effects, file: e.src ? display(e.src.file) : null, line: e.src?.line ?? null })),
      windows: vizWindows(run, end),
      matrix,
      traces,
      check: check ? vizCheck(check, display) : null,
      extent: layout.extent,
    };
  };
  return { advance: (until) => recorder.advance(until), finish: (check) => finish(check ?? options.check) };
}

/** Builds the viz data of a model: runs it to its horizon, recording. */
export function buildVizData(model: Model, options: VizOptions = {}): VizDocument {
  const seed = options.seed ?? model.scenario.seed;
  const end = model.scenario.horizon;
  const recording = recordViz(createPlatform(model, { seed, onPolicyChange: policyChangeEffects }), seed, end, options);
  recording.advance(end);
  return recording.finish();
}

function peersOf(model: Model): { name: string; ip: string; cluster: number; speaker: string }[] {
  const multi = model.clusters.length > 1;
  return model.clusters.flatMap((c) => c.spec.calico.peers.map((p) => ({ name: p.name, ip: p.peerIP, cluster: c.id, speaker: multi ? `${c.name}/${p.name}` : p.name })));
}

/** Session ends as `calisim bgp` lists them, sorted by node then peer (then first seen). */
function sessionsOf(run: PlatformRun, h: RunHistory, speakerNode: ReadonlyMap<string, number>, peerIndex: ReadonlyMap<string, number>): ColumnTable {
  const net = run.bgp.net;
  // Each speaker's node (>= 0), external peer (-1 - its index) or neither (NONE), looked up once per speaker.
  const NONE = -0x40000000;
  const refs = Int32Array.from({ length: net.core.spk.count }, (_, y): number => {
    const name = net.nameOf(y);
    const node = speakerNode.get(name);
    if (node !== undefined) return node;
    const p = peerIndex.get(name);
    return p === undefined ? NONE : -1 - p;
  });
  const ref = (y: number): number => (y >= 0 && y < refs.length ? (refs[y] as number) : NONE);
  // Sorted by speaker name, then remote name: each speaker's rank in name order stands for its name.
  const rank = nameRanks(net);
  const { end, speaker, remote, kind, states } = h.ends;
  const kept: number[] = [];
  for (let k = 0; k < end.length; k++) if (ref(speaker[k] as number) >= 0 && ref(remote[k] as number) !== NONE) kept.push(k);
  const ra = (k: number): number => rank[speaker[k] as number] as number;
  const rb = (k: number): number => rank[remote[k] as number] as number;
  kept.sort((x, y) => ra(x) - ra(y) || rb(x) - rb(y) || x - y);
  return new ColumnTable(['node', 'peer', 'kind', 'states'], kept.length, [
    kept.map((k) => ref(speaker[k] as number)),
    kept.map((k) => ref(remote[k] as number)),
    kept.map((k) => KIND_NAMES[kind[k] as number] as string),
    { group: Int32Array.from(kept, (k) => states.group[k] as number), arrays: states.arrays },
  ]);
}

/** Each speaker's position among all speakers' names sorted (equal names, equal ranks). */
function nameRanks(net: PlatformRun['bgp']['net']): Int32Array {
  const count = net.core.spk.count;
  const names = Array.from({ length: count }, (_, y) => net.nameOf(y));
  const order = names.map((_, y) => y).sort((x, y) => (names[x]! < names[y]! ? -1 : names[x]! > names[y]! ? 1 : 0));
  const rank = new Int32Array(count);
  order.forEach((y, i) => (rank[y] = i > 0 && names[y] === names[order[i - 1]!] ? rank[order[i - 1]!]! : i));
  return rank;
}

function loadBalancersOf(run: PlatformRun, around: { x: number; y: number; r: number } | undefined): VizData['loadBalancers'] {
  const lbs = run.model.loadBalancers;
  return lbs.map((lb, i) => {
    const angle = Math.PI + ((i + 1) / (lbs.length + 1)) * Math.PI;
    const c = around ?? { x: 0, y: 0, r: 0 };
    return {
      name: lb.name,
      vips: lb.vips.map((v) => `${v.address}:${v.port}/${v.protocol}${v.memberPort === undefined ? '' : ` (members :${v.memberPort})`}`),
      // A cluster-mode member is a pod on its node, down while out of the pool.
      members: run.monitors.pools[i]!.members.map((m) => {
        const { label, pod } = run.monitors.members[m]!;
        const moves = run.monitors.transitions.filter((t) => t.lb === lb.name && t.member === label && (t.state === 'up' || t.state === 'down' || t.state === 'removed'));
        const up: number[] = [0, pod ? 0 : moves[0]?.state === 'up' ? 0 : 1];
        for (const t of moves) up.push(t.at, t.state === 'up' ? 1 : 0);
        return { label, host: pod ? pod.node : (run.model.nodeByName.get(label.slice(0, label.lastIndexOf(':'))) ?? -1), up };
      }),
      x: Math.round((c.x + Math.cos(angle) * (c.r + 40)) * 10) / 10,
      y: Math.round((c.y + Math.sin(angle) * (c.r + 40)) * 10) / 10,
    };
  });
}

/** The nodes running an ingress controller pod (the pods the load balancers' health checks reach). */
function ingressNodesOf(run: PlatformRun): number[] {
  const ing = run.model.scenario.platform?.ingress;
  if (!ing || run.model.management < 0) return [];
  const on = run.pods.running(run.model.management).filter((p) => p.namespace === ing.namespace && p.base.owner?.name === ing.name && p.node >= 0);
  return [...new Set(on.map((p) => p.node))].sort((a, b) => a - b);
}

/** The ingress controller, drawn left of the management cluster (load balancers sit above it). */
function ingressOf(run: PlatformRun, nodes: number[], around: { x: number; y: number; r: number } | undefined, extent: readonly [number, number]): VizIngress | null {
  const ing = run.model.scenario.platform?.ingress;
  if (!ing || run.model.management < 0) return null;
  const c = around ?? { x: 0, y: 0, r: 0 };
  const ports = ing.serviceType === 'NodePort' ? `http ${ing.httpNodePort}, https ${ing.httpsNodePort}` : 'http 80, https 443';
  return {
    name: ing.name,
    namespace: ing.namespace,
    className: ing.className,
    service: `${ing.serviceType} ${ports}, externalTrafficPolicy ${ing.externalTrafficPolicy}`,
    nodes,
    x: Math.round(Math.max(12, c.x - c.r - 30) * 10) / 10,
    y: Math.round(Math.min(extent[1] - 12, Math.max(12, c.y)) * 10) / 10,
  };
}

/** Per cluster its namespaces and workloads with running pods (owner, or the pod itself), sorted. */
function namespacesOf(run: PlatformRun): VizCluster['namespaces'][] {
  // Each cluster's running pods in creation order, from one pass over the pod table (not one per cluster).
  const running: LivePod[][] = run.model.clusters.map(() => []);
  for (const p of run.pods.pods) if (p.phase === 'running') running[p.cluster]?.push(p);
  return run.model.clusters.map((c) => {
    const byNs = new Map<string, Map<string, { kind: string; pods: number }>>();
    for (const ns of c.spec.namespaces) byNs.set(ns.name, new Map());
    for (const p of running[c.id] ?? []) {
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
