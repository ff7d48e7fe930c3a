// engine: the hardware load balancers as a component on the timeline — monitors, operators' drains, the
// device (an HA pair failing over), and what follows from them per balancer: member state changes, outages
// (no member takes connections), the share of new connections per member, and blackhole windows (a member
// in service that cannot serve: e.g. externalTrafficPolicy Local with its endpoint gone). Records windows.
// A cluster-mode pool's members come and go as its controller (CIS) writes them (addMember, setInPool).
import { grow } from '../../lib/containers/growable.js';
import type { LbMethod } from '../../scenario/types.js';
import type { LivePod } from '../platform/pod-table.js';
import type { Simulation } from '../simulation.js';
import { HealthMonitors, type MonitorTiming } from './health-checks.js';
import { memberShares, type ShareMember } from './member-shares.js';
import type { LbBlackhole, LbFailover, LbOutage, LbShareChange, LbTransition, LbWindows } from './types.js';

/** A balancer as the runtime needs it: members (indices into the member table, growing in cluster mode), method and device. */
export interface LbPoolDef {
  readonly name: string;
  readonly members: number[];
  readonly monitors: readonly MonitorTiming[];
  readonly method: LbMethod;
  readonly minimumMembersActive: number;
  /** Failover time to the standby unit (ms); undefined for a single device. */
  readonly failover?: number;
}

/** A member: its balancer, `address:port` label and what the share needs; a cluster-mode member's pod. */
export interface LbMemberDef extends ShareMember {
  readonly lb: number;
  /** Unique in its pool: `address:port`, and a reused pod address also names its pod. */
  readonly label: string;
  readonly port: number;
  readonly pod?: LivePod;
}

/** Whether each member's address answers a ping (`reach`) and its port forwards to a ready endpoint (`serve`). */
export interface MemberHealth {
  readonly reach: Uint8Array;
  readonly serve: Uint8Array;
}

export class LoadBalancers {
  readonly transitions: LbTransition[] = [];
  readonly failovers: LbFailover[] = [];
  private readonly closed: { outages: LbOutage[]; blackholes: LbBlackhole[] } = { outages: [], blackholes: [] };
  private readonly shareLog: LbShareChange[][];
  private readonly monitors: HealthMonitors;
  private enabled: Uint8Array;
  /** Per member: in its pool (NodePort members always; cluster-mode ones while CIS lists them). */
  private inPool: Uint8Array;
  private health: MemberHealth;
  /** Per balancer: units up (2 with an HA peer), whether one is active, and open windows. */
  private readonly unitsUp: Int32Array;
  private readonly active: Uint8Array;
  private readonly openOutage: (LbOutage | undefined)[];
  private readonly openHoles: Map<number, LbBlackhole>;
  private readonly kFailover: number;
  private readonly shareMembers: ShareMember[][];

  constructor(
    readonly pools: readonly LbPoolDef[],
    readonly members: LbMemberDef[],
    private readonly measure: (members: readonly LbMemberDef[]) => MemberHealth,
    private readonly sim: Simulation,
  ) {
    this.health = measure(members);
    this.enabled = new Uint8Array(members.length).fill(1);
    this.inPool = new Uint8Array(members.length).fill(1);
    this.unitsUp = Int32Array.from(pools, (p) => (p.failover === undefined ? 1 : 2));
    this.active = new Uint8Array(pools.length).fill(1);
    this.openOutage = pools.map(() => undefined);
    this.openHoles = new Map();
    this.shareLog = pools.map(() => []);
    this.shareMembers = pools.map((p) => p.members.map((m) => members[m]!));
    const oracle = (m: number, icmp: boolean): boolean => (icmp ? this.health.reach[m] === 1 : this.health.serve[m] === 1);
    this.monitors = new HealthMonitors(pools, members.length, oracle, sim, (m, up) => this.onMonitor(m, up));
    this.kFailover = sim.defineKind('lb-failover', (lb) => this.onFailover(lb));
  }

  /** Starts the monitors and records the initial shares. */
  start(): void {
    this.monitors.start();
    this.pools.forEach((_, lb) => this.evaluate(lb));
  }

  /** Re-reads node and endpoint state after something changed (an event, an eviction). */
  refresh(): void {
    const before = this.health;
    this.health = this.measure(this.members);
    for (let m = 0; m < this.members.length; m++) {
      if (before.reach[m] !== this.health.reach[m] || before.serve[m] !== this.health.serve[m]) this.monitors.changed(m);
    }
    this.pools.forEach((_, lb) => this.evaluate(lb));
  }

  /** True when every monitor marks the member up. */
  isUp(member: number): boolean {
    return this.monitors.isUp(member);
  }

  /** True when the member takes new connections: in its pool, monitored up and not disabled by an operator. */
  inService(member: number): boolean {
    return this.inPool[member] === 1 && this.monitors.isUp(member) && this.enabled[member] === 1;
  }

  /** True while the member is in its pool. */
  listed(member: number): boolean {
    return this.inPool[member] === 1;
  }

  /** A new member joins its pool now (CIS added a pod): probed at once, up when that probe succeeds; a
   *  `settled` one was in the pool before t = 0 (its probes at a seeded phase). */
  addMember(def: LbMemberDef, settled = false): number {
    const m = this.members.length;
    this.members.push(def);
    this.pools[def.lb]!.members.push(m);
    this.shareMembers[def.lb]!.push(def);
    this.enabled = grow(this.enabled, m + 1, 1);
    this.inPool = grow(this.inPool, m + 1);
    this.health = this.measure(this.members);
    this.enterPool(m, settled);
    return m;
  }

  /** A member leaves its pool (no new connections, monitors stop) or returns to it (probed at once). */
  setInPool(member: number, on: boolean): void {
    if ((this.inPool[member] === 1) === on) return;
    if (on) return this.enterPool(member);
    this.inPool[member] = 0;
    this.monitors.leave(member);
    this.record(member, 'removed');
    this.evaluate(this.members[member]!.lb);
  }

  private enterPool(member: number, settled = false): void {
    this.inPool[member] = 1;
    const up = this.monitors.join(member, this.pools[this.members[member]!.lb]!.monitors, settled);
    this.record(member, 'added');
    this.record(member, up ? 'up' : 'down');
    this.evaluate(this.members[member]!.lb);
  }

  private record(member: number, state: LbTransition['state']): void {
    const def = this.members[member]!;
    this.transitions.push({ lb: this.pools[def.lb]!.name, member: def.label, at: this.sim.now, state });
  }

  /** True when a unit of the balancer is active (not failed, not mid-failover). */
  available(lb: number): boolean {
    return this.active[lb] === 1;
  }

  /** Current shares of new connections over the balancer's members (all 0 when it takes none). */
  shares(lb: number): number[] {
    const p = this.pools[lb]!;
    if (!this.active[lb]) return p.members.map(() => 0);
    return memberShares(this.shareMembers[lb]!, (i) => this.inService(p.members[i]!), p.method, p.minimumMembersActive);
  }

  /** An operator's drain (lb-member-disable) or its end: the member keeps being monitored but takes no new connections. */
  setEnabled(member: number, on: boolean): void {
    this.enabled[member] = on ? 1 : 0;
    this.record(member, on ? 'enabled' : 'disabled');
    this.evaluate(this.members[member]!.lb);
  }

  /** The active unit fails: the standby (if up) goes active after the failover time; established connections are lost. */
  deviceDown(lb: number): string {
    const p = this.pools[lb]!;
    if (this.unitsUp[lb] === 0) return `${p.name}: no unit left to fail`;
    const wasActive = this.active[lb] === 1;
    this.unitsUp[lb]!--;
    this.active[lb] = 0;
    this.evaluate(lb);
    if (this.unitsUp[lb]! > 0 && p.failover !== undefined) {
      this.sim.after(p.failover, this.kFailover, lb, 0);
      this.failovers.push({ lb: p.name, at: this.sim.now, gap: p.failover, connectionsLost: wasActive });
      return `${p.name}: active unit failed, standby takes over in ${p.failover / 1000}s (established connections are reset: no mirroring)`;
    }
    return `${p.name}: ${p.failover === undefined ? 'the device' : 'the last unit'} failed, its VIPs are down`;
  }

  /** A failed unit returns: it goes active at once when no unit is active, else it stays standby. */
  deviceUp(lb: number): string {
    const p = this.pools[lb]!;
    const max = p.failover === undefined ? 1 : 2;
    if (this.unitsUp[lb] === max) return `${p.name}: every unit is already up`;
    this.unitsUp[lb]!++;
    if (this.unitsUp[lb] === 1) {
      this.active[lb] = 1;
      this.evaluate(lb);
      return `${p.name}: a unit is back and active`;
    }
    return `${p.name}: a unit is back as standby`;
  }

  /** Windows so far, with the open ones reported without an end. */
  windows(): LbWindows {
    return {
      transitions: this.transitions,
      outages: [...this.closed.outages, ...this.openOutage.filter((o): o is LbOutage => o !== undefined)].sort((a, b) => a.from - b.from),
      blackholes: [...this.closed.blackholes, ...this.openHoles.values()].sort((a, b) => a.from - b.from || a.member.localeCompare(b.member)),
      failovers: this.failovers,
      shares: this.shareLog,
    };
  }

  private onMonitor(m: number, up: boolean): void {
    this.record(m, up ? 'up' : 'down');
    this.evaluate(this.members[m]!.lb);
  }

  private onFailover(lb: number): void {
    if (this.unitsUp[lb]! > 0 && !this.active[lb]) {
      this.active[lb] = 1;
      this.evaluate(lb);
    }
  }

  /** Re-derives a balancer's shares, outage and blackhole windows at the current time. */
  private evaluate(lb: number): void {
    const p = this.pools[lb]!;
    const now = this.sim.now;
    const shares = this.shares(lb);
    const log = this.shareLog[lb]!;
    const last = log[log.length - 1];
    if (!last || last.shares.length !== shares.length || last.shares.some((s, i) => s !== shares[i])) {
      if (last && last.at === now) log.pop();
      log.push({ at: now, shares });
    }
    const open = this.openOutage[lb];
    const out = shares.every((s) => s === 0);
    if (out && !open) this.openOutage[lb] = { lb: p.name, from: now, reason: this.active[lb] ? 'no member in service' : 'device down' };
    if (!out && open) {
      // A window that closes at the instant it opened (several changes at one time) is no window.
      if (open.from < now) this.closed.outages.push({ ...open, to: now });
      this.openOutage[lb] = undefined;
    }
    for (let i = 0; i < p.members.length; i++) {
      const m = p.members[i]!;
      const bad = shares[i]! > 0 && this.health.serve[m] === 0;
      const hole = bad || this.openHoles.size > 0 ? this.openHoles.get(m) : undefined;
      if (bad && !hole) this.openHoles.set(m, { lb: p.name, member: this.members[m]!.label, from: now, share: shares[i]! });
      if (!bad && hole) {
        if (hole.from < now) this.closed.blackholes.push({ ...hole, to: now });
        this.openHoles.delete(m);
      }
    }
  }
}
