// engine: F5's Kubernetes controller (CIS) in cluster mode on the timeline — for each cluster-mode balancer it
// writes the ingress controller Service's ready endpoints (pod IP, target port) as the pool's members, as
// k8s-bigip-ctlr's processService does: the Endpoints' ready `addresses` only, on nodes in its node cache
// (the Ready nodes it lists every --node-poll-interval), posted --as3-post-delay after a change.
import { formatIpv4 } from '../../lib/ipv4.js';
import type { Model } from '../../model/types.js';
import type { F5ClusterSpec } from '../../scenario/types.js';
import type { LivePod, PodTable } from '../platform/pod-table.js';
import type { Simulation } from '../simulation.js';
import { ingressCandidates } from './ingress-endpoints.js';
import type { LbMemberDef, LoadBalancers } from './load-balancers.js';

/** The container port behind the ingress controller Service's `servicePort` on pod `p` (its targetPort resolved by name). */
export function ingressTargetPort(model: Model, p: LivePod, servicePort: number): number {
  const ing = model.scenario.platform?.ingress;
  const svc = model.clusters[p.cluster]?.services.find((s) => s.namespace === ing?.namespace && s.name === `${ing?.name}-controller`);
  const target = svc?.ports.find((x) => x.port === servicePort)?.targetPort ?? servicePort;
  return typeof target === 'number' ? target : (p.base.ports.find((c) => c.name === target)?.containerPort ?? servicePort);
}

/** A stopped pod's grace period (its workload's terminationGracePeriodSeconds, PodSpec default 30 s), in ms. */
export function graceMs(model: Model, p: LivePod): number {
  return (p.workload >= 0 ? (model.workloads[p.workload]!.spec.terminationGracePeriodSeconds ?? 30) : 0) * 1000;
}

/** One cluster-mode balancer's controller state. */
interface Cis {
  readonly lb: number;
  readonly spec: F5ClusterSpec;
  /** Its node cache: the nodes Ready at its last poll. */
  readonly cache: Uint8Array;
  /** Its node polls run at phase + k × nodePollInterval. */
  readonly phase: number;
  readonly memberOf: Map<number, number>;
  pollAt: number;
  postAt: number;
}

export class CisClusterPools {
  /** Per model node: Ready as the API server says (false from node-monitor-grace-period after a failure). */
  private readonly ready: Uint8Array;
  private readonly seenUp: Uint8Array;
  private readonly downGen: Int32Array;
  private readonly cis: Cis[];
  private readonly kNotReady: number;
  private readonly kPoll: number;
  private readonly kPost: number;
  private readonly kGrace: number;

  constructor(
    private readonly model: Model,
    private readonly sim: Simulation,
    private readonly pods: PodTable,
    private readonly nodeUp: Uint8Array,
    private readonly lbs: LoadBalancers,
    /** kube-controller-manager's node-monitor-grace-period: a failed node turns NotReady (its pods not ready) this late. */
    private readonly notReadyAfter: number,
  ) {
    this.ready = Uint8Array.from(nodeUp);
    this.seenUp = Uint8Array.from(nodeUp);
    this.downGen = new Int32Array(nodeUp.length);
    this.cis = model.loadBalancers.flatMap((lb, i) =>
      lb.cluster ? [{ lb: i, spec: lb.cluster, cache: Uint8Array.from(nodeUp), phase: Math.floor(sim.prng.uniform(0, lb.cluster.nodePollInterval)), memberOf: new Map(), pollAt: -1, postAt: -1 }] : [],
    );
    this.kNotReady = sim.defineKind('cis-node-not-ready', (node, gen) => this.onNotReady(node, gen));
    this.kPoll = sim.defineKind('cis-node-poll', (i) => this.onPoll(i));
    this.kPost = sim.defineKind('cis-as3-post', (i) => this.onPost(i));
    this.kGrace = sim.defineKind('cis-pod-exits', () => lbs.refresh());
  }

  /** CIS was running before t = 0: each pool starts with the endpoints ready now. */
  start(): void {
    this.cis.forEach((_, i) => this.apply(i, true));
  }

  /** Re-reads nodes and pods after something changed: a failed node turns NotReady later, a returning one is Ready at once. */
  refresh(): void {
    if (this.cis.length === 0) return;
    for (let n = 0; n < this.nodeUp.length; n++) {
      if (this.nodeUp[n] === this.seenUp[n]) continue;
      this.seenUp[n] = this.nodeUp[n]!;
      if (this.nodeUp[n] === 1) this.ready[n] = 1;
      else this.sim.after(this.notReadyAfter, this.kNotReady, n, ++this.downGen[n]!);
    }
    this.cis.forEach((_, i) => this.sync(i));
  }

  private onNotReady(node: number, gen: number): void {
    if (gen !== this.downGen[node] || this.nodeUp[node] === 1) return;
    this.ready[node] = 0;
    this.cis.forEach((_, i) => this.sync(i));
  }

  /** The members CIS would write now: ready ingress endpoints (running, addressed, node Ready) on cached nodes. */
  private desired(c: Cis): LivePod[] {
    return ingressCandidates(this.model, this.pods).filter((p) => p.phase === 'running' && p.ip >= 0 && p.node >= 0 && this.ready[p.node] === 1 && c.cache[p.node] === 1);
  }

  /** Schedules what follows a change: a node poll when the cache is stale, a post when the pool is. */
  private sync(i: number): void {
    const c = this.cis[i]!;
    const interval = c.spec.nodePollInterval;
    if (c.pollAt < this.sim.now && this.ready.some((r, n) => r !== c.cache[n])) {
      c.pollAt = c.phase + (Math.floor((this.sim.now - c.phase) / interval) + 1) * interval;
      this.sim.at(c.pollAt, this.kPoll, i, 0);
    }
    if (c.postAt >= this.sim.now || !this.stale(c)) return;
    if (c.spec.as3PostDelay === 0) return this.apply(i);
    // Once the delay ends CIS posts the latest declaration (CIS docs, troubleshooting: as3-post-delay).
    c.postAt = this.sim.now + c.spec.as3PostDelay;
    this.sim.at(c.postAt, this.kPost, i, 0);
    // A stopped pod still listed serves out its grace period; the pool learns when it stops serving.
    for (const m of c.memberOf.values()) {
      const p = this.lbs.members[m]!.pod!;
      const end = p.terminatedAt === undefined ? -1 : p.terminatedAt + graceMs(this.model, p);
      if (this.lbs.listed(m) && end > this.sim.now && end < c.postAt) this.sim.at(end, this.kGrace, 0, 0);
    }
  }

  private stale(c: Cis): boolean {
    const want = new Set(this.desired(c).map((p) => p.id));
    for (const [pod, m] of c.memberOf) if (this.lbs.listed(m) !== want.has(pod)) return true;
    for (const pod of want) if (!c.memberOf.has(pod)) return true;
    return false;
  }

  private onPoll(i: number): void {
    const c = this.cis[i]!;
    c.cache.set(this.ready);
    this.sync(i);
  }

  private onPost(i: number): void {
    this.apply(i);
    this.lbs.refresh();
  }

  /** A pod's member: BIG-IP names it address:port; a pod on an address an earlier member's pod held is named too. */
  private memberDef(c: Cis, p: LivePod): LbMemberDef {
    const port = ingressTargetPort(this.model, p, c.spec.servicePort);
    const address = `${formatIpv4(p.ip)}:${port}`;
    const taken = this.lbs.pools[c.lb]!.members.some((m) => this.lbs.members[m]!.label === address);
    return { lb: c.lb, label: taken ? `${address} (${p.name})` : address, port, ratio: 1, priorityGroup: 0, node: formatIpv4(p.ip), pod: p };
  }

  /** Writes the pool: members of pods no longer ready leave it, ready pods join (a pod back after a node returned keeps its member). */
  private apply(i: number, settled = false): void {
    const c = this.cis[i]!;
    const want = this.desired(c);
    const ids = new Set(want.map((p) => p.id));
    for (const [pod, m] of c.memberOf) if (!ids.has(pod)) this.lbs.setInPool(m, false);
    for (const p of want) {
      const m = c.memberOf.get(p.id);
      if (m !== undefined) this.lbs.setInPool(m, true);
      else c.memberOf.set(p.id, this.lbs.addMember(this.memberDef(c, p), settled));
    }
  }
}
