// engine: load-balancer health monitors on the timeline — one monitor instance per pool member and monitor
// (BIG-IP semantics: a probe every `interval`; an instance goes down when no probe has succeeded for
// `timeout`, and up again at the first success). A member is up when every monitor of its pool says so
// (AS3 Pool `minimumMonitors` default `all`). Probes are not events: a probe's answer changes only when the
// oracle does (`changed`), and then the instance's probe times (phase + k × interval) give when the monitor
// notices — a deadline `timeout` after the last success, or the first probe after a recovery. Members can
// join later (a pool member CIS adds) and leave (their instances stop); a joining member is probed at once.
import { grow } from '../../lib/containers/growable.js';
import type { Simulation } from '../simulation.js';

/** A monitor's timing (ms) and the kind of probe, as the probe oracle needs it. */
export interface MonitorTiming {
  readonly interval: number;
  readonly timeout: number;
  /** gateway-icmp pings the member's address; the others open a connection to the member's port. */
  readonly icmp: boolean;
}

/** A monitored pool: its members' indices into the member table and its monitors. */
export interface MonitoredPool {
  readonly members: readonly number[];
  readonly monitors: readonly MonitorTiming[];
}

/** Answers whether a probe to a member succeeds right now (`icmp`: only a ping). */
export type ProbeOracle = (member: number, icmp: boolean) => boolean;

/** Health monitors of every pool, driven by the simulation. */
export class HealthMonitors {
  /** Per instance (member × monitor of its pool, in pool order). */
  private up: Uint8Array;
  private answer: Uint8Array;
  private phase: Float64Array;
  private lastSuccess: Float64Array;
  /** Time of the first probe after a recovery, not yet reached (-1: none pending). */
  private pendingSuccess: Float64Array;
  private deadlineGen: Int32Array;
  private successGen: Int32Array;
  private memberOf: Int32Array;
  private readonly timingOf: MonitorTiming[] = [];
  private readonly instancesOf: number[][] = [];
  /** Per member: how many of its instances are down, and whether it is being probed (in a pool). */
  private downCount: Int32Array;
  private probing: Uint8Array;
  private readonly kDeadline: number;
  private readonly kSuccess: number;

  constructor(
    pools: readonly MonitoredPool[],
    memberCount: number,
    private readonly probe: ProbeOracle,
    private readonly sim: Simulation,
    private readonly onChange: (member: number, up: boolean) => void,
  ) {
    const n = pools.reduce((s, p) => s + p.members.length * p.monitors.length, 0);
    this.up = new Uint8Array(n).fill(1);
    this.answer = new Uint8Array(n).fill(1);
    this.phase = new Float64Array(n);
    this.lastSuccess = new Float64Array(n);
    this.pendingSuccess = new Float64Array(n).fill(-1);
    this.deadlineGen = new Int32Array(n);
    this.successGen = new Int32Array(n);
    this.memberOf = new Int32Array(n);
    this.downCount = new Int32Array(memberCount);
    this.probing = new Uint8Array(memberCount).fill(1);
    for (let m = 0; m < memberCount; m++) this.instancesOf.push([]);
    for (const p of pools) for (const m of p.members) this.addInstances(m, p.monitors);
    this.kDeadline = sim.defineKind('lb-monitor-timeout', (x, gen) => this.onDeadline(x, gen));
    this.kSuccess = sim.defineKind('lb-probe-success', (x, gen) => this.onSuccess(x, gen));
  }

  /**
   * Gives every instance a seeded phase in [0, interval), in whole milliseconds, so probes spread out. The
   * balancer was running before t = 0: an instance whose probe fails now starts down (the monitors settled).
   */
  start(): void {
    for (let i = 0; i < this.timingOf.length; i++) {
      this.phase[i] = this.sim.now + Math.floor(this.sim.prng.uniform(0, this.timingOf[i]!.interval));
      this.lastSuccess[i] = this.sim.now;
      if (!this.probe(this.memberOf[i]!, this.timingOf[i]!.icmp)) {
        this.answer[i] = 0;
        this.mark(i, 0);
      }
    }
  }

  /** True when every monitor marks the member up. */
  isUp(member: number): boolean {
    return this.downCount[member] === 0;
  }

  /**
   * A member joins a pool now (its index is the next one): its monitors probe it at once and then every
   * interval; it is up when that first probe succeeds (BIG-IP sends no traffic to a member its monitor has not
   * marked up). Returns whether it is up.
   */
  join(member: number, monitors: readonly MonitorTiming[], settled = false): boolean {
    while (this.instancesOf.length <= member) this.instancesOf.push([]);
    this.downCount = grow(this.downCount, member + 1);
    this.probing = grow(this.probing, member + 1);
    if (this.instancesOf[member]!.length === 0) this.addInstances(member, monitors);
    return this.restart(member, settled);
  }

  /** A member leaves its pool: its monitors stop (a later `join` restarts them). */
  leave(member: number): void {
    this.probing[member] = 0;
    for (const i of this.instancesOf[member]!) {
      this.successGen[i]!++;
      this.deadlineGen[i]!++;
    }
  }

  /** Restarts a member's instances with a probe now (`settled`: a member already in the pool before t = 0,
   *  probed at a seeded phase as `start` does); returns whether every one succeeded. */
  private restart(member: number, settled: boolean): boolean {
    this.probing[member] = 1;
    let down = 0;
    for (const i of this.instancesOf[member]!) {
      this.successGen[i]!++;
      this.deadlineGen[i]!++;
      const ok = this.probe(member, this.timingOf[i]!.icmp) ? 1 : 0;
      this.phase[i] = this.sim.now + (settled ? Math.floor(this.sim.prng.uniform(0, this.timingOf[i]!.interval)) : 0);
      this.lastSuccess[i] = this.sim.now;
      this.pendingSuccess[i] = -1;
      this.answer[i] = ok;
      this.up[i] = ok;
      down += 1 - ok;
    }
    this.downCount[member] = down;
    return down === 0;
  }

  private addInstances(member: number, monitors: readonly MonitorTiming[]): void {
    const n = this.timingOf.length;
    const need = n + monitors.length;
    this.up = grow(this.up, need, 1);
    this.answer = grow(this.answer, need, 1);
    this.phase = grow(this.phase, need);
    this.lastSuccess = grow(this.lastSuccess, need);
    this.pendingSuccess = grow(this.pendingSuccess, need, -1);
    this.deadlineGen = grow(this.deadlineGen, need);
    this.successGen = grow(this.successGen, need);
    this.memberOf = grow(this.memberOf, need);
    monitors.forEach((t, k) => {
      this.memberOf[n + k] = member;
      this.instancesOf[member]!.push(n + k);
      this.timingOf.push(t);
    });
  }

  /** The oracle's answer for `member` may have changed now: schedules what its monitors will notice. */
  changed(member: number): void {
    if (this.probing[member] !== 1) return;
    for (const i of this.instancesOf[member]!) {
      const t = this.timingOf[i]!;
      const ok = this.probe(member, t.icmp) ? 1 : 0;
      if (ok === this.answer[i]) continue;
      this.answer[i] = ok;
      const gen = ++this.successGen[i]!;
      const now = this.sim.now;
      const k = Math.floor((now - this.phase[i]!) / t.interval);
      if (ok) {
        // The first probe after now succeeds (and cancels a pending deadline if it comes first).
        const next = k < 0 ? this.phase[i]! : this.phase[i]! + (k + 1) * t.interval;
        this.pendingSuccess[i] = next;
        this.sim.at(next, this.kSuccess, i, gen);
        continue;
      }
      // Every probe since the last recovery succeeded, up to the last one at or before now.
      if (this.pendingSuccess[i]! < 0 && k >= 0) this.lastSuccess[i] = Math.max(this.lastSuccess[i]!, this.phase[i]! + k * t.interval);
      this.pendingSuccess[i] = -1;
      if (this.up[i]) this.sim.at(Math.max(now, this.lastSuccess[i]! + t.timeout), this.kDeadline, i, ++this.deadlineGen[i]!);
    }
  }

  private onSuccess(i: number, gen: number): void {
    if (gen !== this.successGen[i]) return;
    this.pendingSuccess[i] = -1;
    this.lastSuccess[i] = this.sim.now;
    this.deadlineGen[i]!++;
    if (!this.up[i]) this.mark(i, 1);
  }

  private onDeadline(i: number, gen: number): void {
    if (gen === this.deadlineGen[i] && this.up[i]) this.mark(i, 0);
  }

  private mark(i: number, state: 0 | 1): void {
    this.up[i] = state;
    const m = this.memberOf[i]!;
    const wasUp = this.downCount[m] === 0;
    this.downCount[m]! += state ? -1 : 1;
    const isUp = this.downCount[m] === 0;
    if (wasUp !== isUp) this.onChange(m, isUp);
  }
}
