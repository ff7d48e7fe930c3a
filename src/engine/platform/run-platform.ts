// engine: runs a model on the discrete-event core — pods start (IPAM), certificates are issued, load
// balancer monitors probe, and the scenario's timeline (failures, rollouts, scale-ups, rotations) plays
// out, each protocol module reacting through its own event kinds. Returns the run for the verdicts.
import { LimitError, limits } from '../../lib/limits.js';
import type { Model } from '../../model/types.js';
import { schedulePods } from '../../model/schedule-pods.js';
import type { Manifest, NodeDownMode, TimelineEventSpec } from '../../scenario/types.js';
import { buildLoadBalancers } from '../lb/build-load-balancers.js';
import type { LoadBalancers } from '../lb/load-balancers.js';
import { applyLbEvent } from '../lb/apply-lb-event.js';
import { CisClusterPools } from '../lb/cis-cluster-pools.js';
import { MetalLbRuntime } from '../lb/metallb-runtime.js';
import { buildPki } from '../../model/pki/build-pki.js';
import { LEGACY_COMPONENTS } from '../../scenario/schema/pki-schema.js';
import { Pki } from '../pki/pki.js';
import { Simulation, type RunStats } from '../simulation.js';
import { BgpRuntime } from './bgp-runtime.js';
import { IpamRuntime } from './ipam-runtime.js';
import { PodTable, type LivePod } from './pod-table.js';
import { PolicyStore } from './policy-store.js';
import { terminationGraceMs } from './termination-grace.js';
import { evictPods, nodeLoad } from './evict-pods.js';
import type { TimelineRecord } from './timeline-record.js';

/** Kubernetes' default tolerationSeconds for node.kubernetes.io/unreachable: pods are evicted 300 s later. */
export const EVICTION_DELAY_MS = 300_000;
/** kube-controller-manager --node-monitor-grace-period: a node whose kubelet stops reporting is NotReady 40 s later. */
export const NODE_MONITOR_GRACE_MS = 40_000;

export interface RunOptions {
  readonly seed?: number;
  /** Stop at this simulated time (ms); default the scenario's horizon. */
  readonly until?: number;
  readonly progress?: (message: string) => void;
  /**
   * Called after a policy-apply or policy-delete event changed a cluster's policies, with the manifests in
   * force before and after; the lines it returns join the event's effects (the verdict stage uses it to
   * record which connections the change opened or closed).
   */
  readonly onPolicyChange?: (run: PlatformRun, cluster: number, before: readonly Manifest[], after: readonly Manifest[]) => string[];
  /**
   * For callers that read only pods, addresses and policies (reach, diff, validate): BGP is not built up
   * front (a third of their time on a large platform) but only when an event or a reader needs it, and
   * then its sessions start late — its state is not the run's.
   */
  readonly deferBgp?: boolean;
}

/** The state of a platform run at its end (or at `until`). */
export interface PlatformRun {
  readonly model: Model;
  readonly sim: Simulation;
  /** Stats of the last advance. */
  stats: RunStats;
  readonly pods: PodTable;
  readonly ipam: IpamRuntime;
  readonly nodeUp: Uint8Array;
  /** Called with a node just before it goes up or down, while a recorder asks for it (emit/viz); else null. */
  beforeNodeChange: ((node: number) => void) | null;
  readonly pki: Pki;
  readonly monitors: LoadBalancers;
  /** The MetalLB balancers (L2 ownership, BGP next hops) on the timeline. */
  readonly metallb: MetalLbRuntime;
  readonly policies: PolicyStore;
  readonly bgp: BgpRuntime;
  readonly timeline: readonly TimelineRecord[];
}

/** Simulates the model until the horizon (or `until`). Deterministic for a given seed. */
export function runPlatform(model: Model, options: RunOptions = {}): PlatformRun {
  const run = createPlatform(model, options);
  advancePlatform(run, options.until ?? model.scenario.horizon);
  return run;
}

/** Advances a run to simulated time `until` (events at exactly `until` are processed). */
export function advancePlatform(run: PlatformRun, until: number): RunStats {
  const max = limits().maxEvents;
  run.stats = run.sim.run(until, Math.max(0, max - run.sim.processed));
  if (run.stats.reason === 'event-limit') {
    throw new LimitError(`the simulation reached ${max} events at ${Math.floor(run.sim.now)} ms of simulated time (raise the limit with --max-events N)`);
  }
  return run.stats;
}

/** Pods of the initial state start at t = 0, in model order. A function of its own so that V8's on-stack
 *  compilation of this long loop compiles the loop, not all of createPlatform. */
function startInitialPods(model: Model, pods: PodTable, ipam: IpamRuntime): void {
  for (const p of model.pods) {
    const live = pods.add(p, p.name, p.node, 0);
    if (live.node >= 0) ipam.assign(live, 0);
    else live.reason = 'no node fits (Pending)';
  }
}

/** Sets up a run at time 0 (initial pods started, certificates issued, monitors and timeline scheduled). */
export function createPlatform(model: Model, options: RunOptions = {}): PlatformRun {
  const scenario = model.scenario;
  const seed = options.seed ?? scenario.seed;
  // Nothing reads a platform run's event log (no command prints or replays it): 184,533 appends into growing
  // typed arrays on scenarios/large.yaml, skipped.
  const sim = new Simulation({ seed, log: false });
  const pods = new PodTable();
  const ipam = new IpamRuntime(model, seed);
  const nodeUp = new Uint8Array(model.nodes.length).fill(1);
  const timeline: TimelineRecord[] = [];
  const policies = new PolicyStore(model.clusters.map((c) => c.spec.policies));

  ipam.claimTunnelAddresses();
  startInitialPods(model, pods, ipam);

  // BGP's seed is drawn here even when BGP is deferred, so the draws after it (monitor phases, certificate
  // renewals) and with them everything but BGP are the same in a deferred run as in a full one.
  const bgpSeed = sim.prng.nextU32() | 0;
  let bgp: BgpRuntime | undefined = options.deferBgp ? undefined : new BgpRuntime(model, ipam, sim, bgpSeed);
  const bgpOf = (): BgpRuntime => (bgp ??= new BgpRuntime(model, ipam, sim, bgpSeed));

  const pki = new Pki(
    buildPki(model),
    sim,
    model.clusters.map((c) => c.nodes),
    model.nodes.map((n) => n.name),
    { nodeNotReady: (node) => sim.after(NODE_MONITOR_GRACE_MS + EVICTION_DELAY_MS, kEvict, node, 0) },
  );
  ipam.blocked = (cluster) => pki.effects.ipamBlocked(cluster);
  pki.start();

  const monitors = buildLoadBalancers(model, sim, pods, nodeUp);
  monitors.start();
  const cis = new CisClusterPools(model, sim, pods, nodeUp, monitors, NODE_MONITOR_GRACE_MS);
  cis.start();
  const metallb = new MetalLbRuntime(model, model.metalLbs, sim, pods, nodeUp, (kind, target, effects) => timeline.push({ at: sim.now, kind, target, effects }));
  metallb.start();

  // A stopped pod keeps its address while it terminates: the CNI plugin's DEL, which releases it in Calico
  // IPAM, runs when the kubelet tears the pod's sandbox down after its containers exit (the grace period).
  // On a node that is down no kubelet runs it: the address is held until the node is back.
  const heldOnDownNode = new Map<number, LivePod[]>();
  const kRelease = sim.defineKind('release-address', (id) => {
    const p = pods.pods[id]!;
    if (p.node >= 0 && nodeUp[p.node] !== 1) heldOnDownNode.set(p.node, [...(heldOnDownNode.get(p.node) ?? []), p]);
    else ipam.release(p, sim.now);
  });
  const stop = (p: LivePod): void => {
    pods.terminate(p, sim.now);
    sim.after(terminationGraceMs(model, p), kRelease, p.id, 0);
  };

  const hostVms = new Map<number, number[]>();
  for (const n of model.nodes) {
    if (n.host < 0) continue;
    const vms = hostVms.get(n.host);
    if (vms === undefined) hostVms.set(n.host, [n.id]);
    else vms.push(n.id);
  }

  const setNode = (id: number, up: boolean, effects: string[], mode: NodeDownMode = 'silent'): void => {
    if ((nodeUp[id] === 1) === up) return;
    run.beforeNodeChange?.(id);
    nodeUp[id] = up ? 1 : 0;
    metallb.nodeChanged(id, up, mode);
    effects.push(`${model.nodes[id]!.name} ${up ? 'up' : `down (${mode})`}`);
    if (up) bgpOf().nodeUp(id);
    else bgpOf().nodeDown(id, mode);
    if (up) pki.nodeRestarted(id);
    if (up) for (const p of heldOnDownNode.get(id) ?? []) ipam.release(p, sim.now);
    if (up) heldOnDownNode.delete(id);
    // A management host carries the tenant VMs that run on it: they lose power with it.
    for (const vm of hostVms.get(id) ?? []) setNode(vm, up, effects);
    if (!up) sim.after(EVICTION_DELAY_MS, kEvict, id, 0);
  };

  const kEvict = sim.defineKind('evict-pods', (node) => {
    const ready = (id: number): boolean => nodeUp[id] === 1 && pki.effects.ready(id);
    if (ready(node)) return;
    // Node lifecycle controller: when every node of the zone is NotReady (full disruption) it evicts nothing
    // (kubernetes.io/docs/concepts/architecture/nodes/#rate-limits-on-eviction).
    if (nodeUp[node] && model.clusters[model.nodes[node]!.cluster]!.nodes.every((id) => !ready(id))) return;
    const effects: string[] = [];
    evictPods(model, node, pods, { ipam, stop }, ready, sim.now, effects);
    bgpOf().syncBlocks(model.nodes[node]!.cluster);
    monitors.refresh();
    cis.refresh();
    metallb.refresh(effects);
    if (effects.length) timeline.push({ at: sim.now, kind: 'eviction', target: model.nodes[node]!.name, effects });
  });

  const kTimeline = sim.defineKind('timeline', (index) => {
    const ev = scenario.events[index]!;
    const rec: TimelineRecord = { at: sim.now, kind: ev.kind, target: describeTarget(ev), src: ev.src, effects: [] };
    const cluster = ev.tenant !== undefined ? model.clusterByName.get(ev.tenant) : model.management;
    const before = cluster !== undefined && cluster >= 0 ? [...policies.of(cluster)] : [];
    applyEvent(ev, model, rec.effects, { setNode, pods, ipam, stop, pki, nodeUp, policies, bgp: bgpOf, now: sim.now, lbs: monitors });
    monitors.refresh();
    cis.refresh();
    metallb.refresh(rec.effects);
    if ((ev.kind === 'policy-apply' || ev.kind === 'policy-delete') && options.onPolicyChange && cluster !== undefined && cluster >= 0)
      rec.effects.push(...options.onPolicyChange(run, cluster, before, policies.of(cluster)));
    timeline.push(rec);
    options.progress?.(`t=${(sim.now / 1000).toFixed(0)}s ${ev.kind} ${rec.target}`);
  });
  scenario.events.forEach((ev, i) => sim.at(ev.at, kTimeline, i, 0));

  const stats: RunStats = { processed: 0, endTime: 0, reason: 'quiescent', pending: sim.queue.size };
  const run: PlatformRun = {
    model,
    sim,
    stats,
    pods,
    ipam,
    nodeUp,
    beforeNodeChange: null,
    pki,
    monitors,
    metallb,
    policies,
    get bgp(): BgpRuntime {
      return bgpOf();
    },
    timeline,
  };
  return run;
}

interface EventContext {
  readonly setNode: (id: number, up: boolean, effects: string[], mode?: NodeDownMode) => void;
  readonly bgp: () => BgpRuntime;
  readonly pods: PodTable;
  readonly ipam: IpamRuntime;
  /** Stops a pod: terminated now, its address released after its grace period. */
  readonly stop: (p: LivePod) => void;
  readonly pki: Pki;
  readonly nodeUp: Uint8Array;
  readonly policies: PolicyStore;
  readonly now: number;
  readonly lbs: LoadBalancers;
}

function describeTarget(ev: TimelineEventSpec): string {
  const parts = [ev.tenant, ev.node, ev.link?.join(' <-> '), ev.peer, ev.workload, ev.component, ev.lb, ev.member].filter((x) => x !== undefined);
  return parts.join(' ');
}

/** Qualified node name of an event (`tenant/node`, or a management host). */
export function eventNodeName(ev: TimelineEventSpec, name: string | undefined = ev.node): string {
  if (name === undefined) return '';
  return ev.tenant !== undefined && !name.includes('/') ? `${ev.tenant}/${name}` : name;
}

function applyEvent(ev: TimelineEventSpec, model: Model, effects: string[], ctx: EventContext): void {
  switch (ev.kind) {
    case 'node-down':
    case 'node-up': {
      const id = model.nodeByName.get(eventNodeName(ev));
      if (id !== undefined) ctx.setNode(id, ev.kind === 'node-up', effects, ev.mode ?? 'silent');
      return;
    }
    case 'link-down':
    case 'link-up': {
      const [a, b] = (ev.link ?? []).map((n) => model.nodeByName.get(eventNodeName(ev, n)));
      if (a === undefined || b === undefined) return;
      ctx.bgp().link(a, b, ev.kind === 'link-up');
      effects.push(`link ${model.nodes[a]!.name} <-> ${model.nodes[b]!.name} ${ev.kind === 'link-up' ? 'up' : 'down'}`);
      return;
    }
    case 'bgp-peer-down':
    case 'bgp-peer-up': {
      const id = model.nodeByName.get(eventNodeName(ev));
      if (id === undefined || ev.peer === undefined) return;
      ctx.bgp().peer(id, ev.peer, ev.kind === 'bgp-peer-up');
      effects.push(`BGP session ${model.nodes[id]!.name} → ${ev.peer} ${ev.kind === 'bgp-peer-up' ? 'enabled' : 'shut down'}`);
      return;
    }
    case 'scale': {
      const cluster = model.clusterByName.get(ev.tenant ?? '') ?? model.management;
      scaleWorkload(model, cluster, ev.workload ?? '', ev.replicas ?? 0, ctx, effects);
      ctx.bgp().syncBlocks(cluster);
      return;
    }
    case 'policy-apply':
    case 'policy-delete': {
      const cluster = ev.tenant !== undefined ? model.clusterByName.get(ev.tenant) : model.management;
      if (cluster === undefined || cluster < 0) return;
      if (ev.kind === 'policy-apply') effects.push(...ctx.policies.apply(cluster, ev.policies ?? []));
      else {
        const { deleted, missing } = ctx.policies.delete(cluster, ev.policyRefs ?? []);
        effects.push(...deleted, ...missing.map((r) => `${r}: not found (nothing deleted)`));
      }
      return;
    }
    case 'route-reflectors': {
      const cluster = model.clusterByName.get(ev.tenant ?? '');
      if (cluster === undefined) return;
      const nodes = (ev.reflectors ?? []).map((r) => (r.includes('/') ? r.slice(r.indexOf('/') + 1) : r));
      const clusterId = ev.clusterId ?? '244.0.0.1';
      ctx.bgp().routeReflectors(cluster, nodes, clusterId, ev.mesh ?? false, ev.src);
      effects.push(`route reflectors ${nodes.join(', ')} (cluster ID ${clusterId}), node-to-node mesh ${ev.mesh ? 'kept' : 'off'}`);
      return;
    }
    case 'cert-rotate': {
      const ci = ctx.pki.clusterIndex(ev.tenant ?? model.clusters[Math.max(0, model.management)]!.name);
      const steps = ev.overlap !== undefined || ev.order !== undefined ? { overlap: ev.overlap ?? 0, order: ev.order ?? (['trust-new', 'reissue', 'distrust-old'] as const) } : undefined;
      if (ci >= 0) ctx.pki.rotate(ci, ev.component, steps, LEGACY_COMPONENTS[ev.component ?? ''] ?? []);
      effects.push(`certificates of ${ev.tenant ?? 'the management cluster'} re-issued${ev.component ? ` (${ev.component})` : ''}`);
      return;
    }
    case 'lb-down':
    case 'lb-up':
    case 'lb-member-disable':
    case 'lb-member-enable':
      effects.push(...applyLbEvent(ev, model, ctx.lbs));
      return;
    default:
      return;
  }
}

/** Sets a workload's replica count: new pods are scheduled and addressed, surplus pods stop newest first. */
function scaleWorkload(model: Model, cluster: number, ref: string, replicas: number, ctx: EventContext, effects: string[]): void {
  const [ns, name] = ref.includes('/') ? ref.split('/', 2) : ['default', ref];
  const c = model.clusters[cluster]!;
  const wid = c.workloads.find((w) => model.workloads[w]!.spec.namespace === ns && model.workloads[w]!.spec.name === name);
  if (wid === undefined) return;
  const spec = model.workloads[wid]!.spec;
  const live = ctx.pods.ofWorkload(wid);
  if (replicas < live.length) {
    for (const p of live.slice(replicas).reverse()) ctx.stop(p);
    // Each stopped pod runs on for its grace period as a terminating endpoint (see verdict service-endpoints),
    // holding its address.
    effects.push(`${ref}: ${live.length} → ${replicas} replicas (${live.length - replicas} stopped, terminating for ${terminationGraceMs(model, live[replicas]!) / 1000} s, addresses held until then)`);
    return;
  }
  const load = nodeLoad(ctx.pods, c.nodes, cluster);
  const ordinal = Math.max(-1, ...live.map((p) => Number(p.name.slice(spec.name.length + 1)))) + 1;
  const placed = schedulePods(
    [{ ...spec, replicas: replicas - live.length }],
    c.nodes.map((id) => model.nodes[id]!),
    c.nodes.map((id) => model.nodes[id]!.shortName),
    load,
    c.nodes.map((id) => ctx.nodeUp[id] === 1),
    [ordinal],
  );
  const template = model.pods.find((p) => p.workload === wid);
  let noIp = 0;
  let pending = 0;
  for (const pp of placed) {
    if (!template) break;
    const node = pp.node >= 0 ? c.nodes[pp.node]! : -1;
    const p = ctx.pods.add(template, pp.name, node, ctx.now);
    if (node >= 0) {
      ctx.ipam.assign(p, ctx.now);
      if (p.ip < 0) noIp++;
    } else {
      p.reason = 'no node fits (Pending)';
      pending++;
    }
  }
  effects.push(`${ref}: ${live.length} → ${replicas} replicas${pending ? `, ${pending} pending` : ''}${noIp ? `, ${noIp} without an IP address` : ''}`);
}
