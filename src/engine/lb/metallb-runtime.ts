// engine: MetalLB on the timeline — per balancer, layer 2 (the elected speaker answers ARP for each VIP; a
// silently failed owner is replaced once memberlist declares it dead, with a gratuitous ARP) or BGP (every
// eligible speaker advertises the VIPs as /32s, the router spreads flows over them by ECMP and keeps a
// silently failed node until its hold timer expires). Records owner windows, failovers, rehashes and gaps.
import type { Model } from '../../model/types.js';
import type { LoadBalancerSpec, NodeDownMode } from '../../scenario/types.js';
import type { PodTable } from '../platform/pod-table.js';
import type { Simulation } from '../simulation.js';
import { ecmpMovedShare, resilientMovedShare } from './ecmp-rehash.js';
import { ingressPodsPerNode } from './ingress-endpoints.js';
import { l2Order, memberlistDetectionMs } from './metallb-election.js';
import type { MetalLbBlackhole, MetalLbFailover, MetalLbOutage, MetalLbOwnerWindow, MetalLbRehash, MetalLbWindows } from './metallb-types.js';

/** Something the runtime did on its own (a failover, a withdrawn route), for the run's timeline. */
export type MetalLbNotice = (kind: string, target: string, effects: string[]) => void;

const secs = (ms: number): string => `${+(ms / 1000).toFixed(3)}s`;

export class MetalLbRuntime {
  private readonly hosts: readonly number[];
  /** The speakers' memberlist view: 1 while the node counts as alive (layer 2). */
  private readonly view: Uint8Array;
  /** When each node failed (NaN while up) and the deadlines pending for it. */
  private readonly downAt: Float64Array;
  private readonly detectAt: Float64Array;
  /** BGP, per balancer and node: the router's session is up / the node's last advertisement. */
  private readonly session: Uint8Array[];
  private readonly advertised: Uint8Array[];
  private readonly holdAt: Float64Array[];
  /** Layer 2, per balancer and VIP: the owner (model node id, -1 none). BGP: per balancer, the next hops. */
  private readonly owner: Int32Array[];
  private readonly hops: number[][];
  /** BGP, per balancer: the nodes peering with one of its peers (BGPPeer nodeSelectors), and those with an open blackhole. */
  private readonly speaks: Uint8Array[];
  private readonly holeNodes: Set<number>[];
  /** Layer 2, per balancer and VIP: the management hosts in the speakers' ranking for that VIP. */
  private readonly ranking: (readonly number[])[][];
  private readonly open = { owners: new Map<string, MetalLbOwnerWindow>(), outages: new Map<string, MetalLbOutage>(), holes: new Map<string, MetalLbBlackhole>() };
  private readonly closed: { owners: MetalLbOwnerWindow[]; outages: MetalLbOutage[]; blackholes: MetalLbBlackhole[] } = { owners: [], outages: [], blackholes: [] };
  private readonly failovers: MetalLbFailover[] = [];
  private readonly rehashes: MetalLbRehash[] = [];
  private readonly nextHopLog: { at: number; nodes: string[] }[][];
  private readonly kDetect: number;
  private readonly kHold: number;

  constructor(
    readonly model: Model,
    readonly lbs: readonly LoadBalancerSpec[],
    private readonly sim: Simulation,
    private readonly pods: PodTable,
    private readonly nodeUp: Uint8Array,
    private readonly notice: MetalLbNotice,
  ) {
    const n = model.nodes.length;
    this.hosts = model.management >= 0 ? [...model.clusters[model.management]!.nodes].sort((a, b) => (model.nodes[a]!.ip >>> 0) - (model.nodes[b]!.ip >>> 0)) : [];
    this.view = new Uint8Array(n).fill(1);
    this.downAt = new Float64Array(n).fill(NaN);
    this.detectAt = new Float64Array(n).fill(NaN);
    this.session = lbs.map(() => new Uint8Array(n).fill(1));
    this.advertised = lbs.map(() => new Uint8Array(n));
    this.holdAt = lbs.map(() => new Float64Array(n).fill(NaN));
    this.owner = lbs.map((lb) => new Int32Array(lb.vips.length).fill(-1));
    this.hops = lbs.map(() => []);
    this.speaks = lbs.map((lb) => {
      const on = new Uint8Array(n);
      for (const h of this.hosts) on[h] = (lb.metallb?.peers ?? []).some((p) => p.nodes === undefined || p.nodes.includes(model.nodes[h]!.shortName)) ? 1 : 0;
      return on;
    });
    this.holeNodes = lbs.map(() => new Set());
    const byName = new Map(this.hosts.map((id) => [model.nodes[id]!.shortName, id]));
    this.ranking = lbs.map((lb) => (lb.metallb?.mode === 'bgp' ? [] : lb.vips.map((v) => l2Order([...byName.keys()], v.address).map((n) => byName.get(n)!))));
    this.nextHopLog = lbs.map(() => []);
    this.kDetect = sim.defineKind('metallb-memberlist-dead', (node) => this.onDetect(node));
    this.kHold = sim.defineKind('metallb-hold-expired', (lb, node) => this.onHoldExpired(lb, node));
  }

  /** Elects the owners and announces at t = 0. */
  start(): void {
    this.refresh([]);
  }

  /** A management host went down or up (`mode` as the node-down event has it). */
  nodeChanged(id: number, up: boolean, mode: NodeDownMode): void {
    if (!this.hosts.includes(id)) return;
    if (up) {
      // The speaker starts, rejoins memberlist and re-opens its BGP sessions.
      this.view[id] = 1;
      this.downAt[id] = NaN;
      this.detectAt[id] = NaN;
      this.lbs.forEach((_, lb) => ((this.session[lb]![id] = 1), (this.holdAt[lb]![id] = NaN)));
      return;
    }
    const now = this.sim.now;
    this.downAt[id] = now;
    // A clean stop leaves memberlist at once (the speaker's graceful Leave); otherwise the others must notice.
    if (mode === 'clean') this.view[id] = 0;
    else {
      this.detectAt[id] = now + memberlistDetectionMs(this.hosts.length);
      this.sim.at(this.detectAt[id]!, this.kDetect, id, 0);
    }
    this.lbs.forEach((lb, li) => {
      if (lb.metallb?.mode !== 'bgp') return;
      // The kernel closes the speaker's TCP sessions on a clean stop or a crash (BGPPeer enableGracefulRestart
      // defaults to false: the router drops the routes at once); a silent failure waits for the hold timer.
      if (mode !== 'silent') this.session[li]![id] = 0;
      else {
        this.holdAt[li]![id] = now + Math.min(...lb.metallb.peers.map((p) => p.holdTime));
        this.sim.at(this.holdAt[li]![id]!, this.kHold, li, id);
      }
    });
  }

  /** Re-reads endpoints and node state after a change; effects of the change are appended to `effects`. */
  refresh(effects: string[]): void {
    if (this.lbs.length === 0) return;
    const serves = this.eligible();
    this.lbs.forEach((_, li) => this.evaluate(li, serves, effects));
  }

  /** Layer 2: the node answering ARP for VIP `vip` of balancer `lb` now (model node id, -1 none). */
  ownerOf(lb: number, vip: number): number {
    return this.owner[lb]![vip]!;
  }

  /** BGP: the router's next hops for balancer `lb` now, in its order (model node ids). */
  nextHops(lb: number): readonly number[] {
    return this.hops[lb]!;
  }

  /** Windows so far, the open ones without an end. */
  windows(): MetalLbWindows {
    const byTime = <T extends { from: number }>(xs: T[]): T[] => xs.sort((a, b) => a.from - b.from);
    return {
      owners: byTime([...this.closed.owners, ...this.open.owners.values()]),
      failovers: this.failovers,
      rehashes: this.rehashes,
      blackholes: byTime([...this.closed.blackholes, ...this.open.holes.values()]),
      outages: byTime([...this.closed.outages, ...this.open.outages.values()]),
      nextHops: this.nextHopLog,
    };
  }

  /** Which nodes may announce (speaker alive in memberlist): with externalTrafficPolicy Local those with a ready ingress endpoint, else all while one exists. */
  private eligible(): (n: number) => boolean {
    const local = ingressPodsPerNode(this.model, this.pods, (n) => this.view[n] === 1);
    if (this.model.scenario.platform?.ingress.externalTrafficPolicy === 'Local') return (n) => local[n]! > 0;
    const someServe = local.some((x) => x > 0);
    return () => someServe;
  }

  private evaluate(li: number, serves: (n: number) => boolean, effects: string[]): void {
    if (this.lbs[li]!.metallb?.mode === 'bgp') this.evaluateBgp(li, serves, effects);
    else this.evaluateL2(li, serves, effects);
  }

  private name(id: number): string {
    return this.model.nodes[id]!.shortName;
  }

  private evaluateL2(li: number, serves: (n: number) => boolean, effects: string[]): void {
    const lb = this.lbs[li]!;
    const now = this.sim.now;
    lb.vips.forEach((v, vi) => {
      const id = this.ranking[li]![vi]!.find((n) => this.view[n] === 1 && serves(n)) ?? -1;
      const old = this.owner[li]![vi]!;
      const key = `${li}/${vi}`;
      if (id !== old || !this.open.owners.has(key)) {
        this.owner[li]![vi] = id;
        this.window(this.open.owners, this.closed.owners, key, undefined);
        this.open.owners.set(key, { lb: lb.name, vip: v.address, node: id < 0 ? null : this.name(id), from: now });
        if (old >= 0 && id !== old) {
          const at = Number.isNaN(this.downAt[old]!) ? now : this.downAt[old]!;
          this.failovers.push({ lb: lb.name, vip: v.address, at, movedAt: now, from: this.name(old), to: id < 0 ? null : this.name(id), gap: now - at });
          effects.push(`${lb.name}: ${v.address} moves from ${this.name(old)} to ${id < 0 ? 'no node' : `${this.name(id)} (gratuitous ARP)`}${now > at ? `, ${secs(now - at)} after ${this.name(old)} failed` : ''}; connections to ${this.name(old)} are lost`);
        }
      }
      const dark = id < 0 ? 'no node announces it' : this.nodeUp[id] !== 1 ? 'its owner failed (memberlist has not noticed)' : undefined;
      if (dark !== undefined && !this.open.outages.has(key)) effects.push(`${lb.name}: ${v.address} answers nowhere (${id < 0 ? 'no eligible speaker' : `${this.name(id)} still owns it until memberlist notices, ${secs(this.detectAt[id]! - now)} from now`})`);
      this.window(this.open.outages, this.closed.outages, key, dark === undefined ? undefined : { lb: lb.name, vip: v.address, from: now, reason: dark });
    });
    const first = this.owner[li]![0];
    this.logHops(li, first === undefined || first < 0 ? [] : [this.name(first)]);
  }

  private evaluateBgp(li: number, serves: (n: number) => boolean, effects: string[]): void {
    const lb = this.lbs[li]!;
    const now = this.sim.now;
    const speaks = this.speaks[li]!;
    // A failed node's last advertisement stays with the router while its session is up.
    for (const n of this.hosts) if (this.nodeUp[n] === 1) this.advertised[li]![n] = speaks[n] === 1 && serves(n) ? 1 : 0;
    const next = this.hosts.filter((n) => this.session[li]![n] === 1 && this.advertised[li]![n] === 1);
    const before = this.hops[li]!;
    if (this.nextHopLog[li]!.length === 0 || next.length !== before.length || next.some((n, i) => n !== before[i])) {
      const names = (xs: readonly number[]): string[] => xs.map((n) => this.name(n));
      if (this.nextHopLog[li]!.length > 0) {
        const moved = this.movedShare(lb, names(before), names(next));
        const [was, is] = [new Set(before), new Set(next)];
        const added = names(next.filter((n) => !was.has(n)));
        const removed = names(before.filter((n) => !is.has(n)));
        this.rehashes.push({ lb: lb.name, at: now, from: before.length, to: next.length, added, removed, moved });
        const change = [...removed.map((x) => `${x} withdrawn`), ...added.map((x) => `${x} added`)].join(', ');
        effects.push(`${lb.name}: the router's next hops ${before.length} → ${next.length} (${change}); ${+(moved * 100).toFixed(1)}% of existing flows rehash to another node (reset)`);
      }
      this.hops[li] = next;
      this.logHops(li, names(next));
    }
    // Blackholes: next hops that failed (few), and the windows still open for this balancer.
    const holes = this.holeNodes[li]!;
    const failed = next.filter((n) => this.nodeUp[n] !== 1);
    for (const n of new Set([...failed, ...holes])) {
      const hole = failed.includes(n);
      if (hole && !holes.has(n)) effects.push(`${lb.name}: the router keeps sending ${+(100 / next.length).toFixed(1)}% of new flows to ${this.name(n)}, which failed, until its session drops (hold timer at ${secs(this.holdAt[li]![n]!)})`);
      this.window(this.open.holes, this.closed.blackholes, `${li}/${n}`, hole ? { lb: lb.name, node: this.name(n), from: now, share: 1 / next.length } : undefined);
      if (hole) holes.add(n);
      else holes.delete(n);
    }
    lb.vips.forEach((v, vi) => this.window(this.open.outages, this.closed.outages, `${li}/${vi}`, next.length === 0 ? { lb: lb.name, vip: v.address, from: now, reason: 'no node announces it' } : undefined));
  }

  /**
   * The share of existing flows rehashed by the change: the router's modulo hash over the whole set; with a
   * resilient peer, each router over the speakers peering with it (its own ECMP), flows spread equally over them.
   */
  private movedShare(lb: LoadBalancerSpec, before: readonly string[], after: readonly string[]): number {
    const peers = lb.metallb?.peers ?? [];
    if (!peers.some((p) => p.ecmp === 'resilient')) return ecmpMovedShare(before, after);
    const shares = peers.map((p) => {
      const mine = (xs: readonly string[]): string[] => (p.nodes === undefined ? [...xs] : xs.filter((x) => p.nodes!.includes(x)));
      return (p.ecmp === 'resilient' ? resilientMovedShare : ecmpMovedShare)(mine(before), mine(after));
    });
    return shares.reduce((a, b) => a + b, 0) / shares.length;
  }

  /** Opens `start` under `key` if nothing is open there, or closes the open window when `start` is undefined. */
  private window<T extends { from: number; to?: number }>(open: Map<string, T>, closed: T[], key: string, start: T | undefined): void {
    const cur = open.get(key);
    if (start !== undefined && cur === undefined) open.set(key, start);
    if (start === undefined && cur !== undefined) {
      if (cur.from < this.sim.now) closed.push({ ...cur, to: this.sim.now });
      open.delete(key);
    }
  }

  private logHops(li: number, nodes: string[]): void {
    const log = this.nextHopLog[li]!;
    const last = log[log.length - 1];
    if (last && last.nodes.length === nodes.length && last.nodes.every((x, i) => x === nodes[i])) return;
    if (last && last.at === this.sim.now) log.pop();
    log.push({ at: this.sim.now, nodes });
  }

  private onDetect(node: number): void {
    if (this.detectAt[node] !== this.sim.now || this.nodeUp[node] === 1) return;
    this.view[node] = 0;
    const effects: string[] = [];
    this.refresh(effects);
    if (effects.length) this.notice('metallb-failover', this.name(node), [`memberlist marks ${this.name(node)} dead`, ...effects]);
  }

  private onHoldExpired(li: number, node: number): void {
    if (this.holdAt[li]![node] !== this.sim.now || this.nodeUp[node] === 1) return;
    this.session[li]![node] = 0;
    const effects: string[] = [];
    this.evaluate(li, this.eligible(), effects);
    if (effects.length) this.notice('metallb-withdraw', `${this.lbs[li]!.name} ${this.name(node)}`, [`the router's hold timer for ${this.name(node)} expired: its /32s are withdrawn`, ...effects]);
  }
}
