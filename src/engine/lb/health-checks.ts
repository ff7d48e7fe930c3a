// engine: load-balancer health monitors on the timeline — one monitor instance per pool member and monitor
// (BIG-IP semantics: a probe every `interval`; an instance goes down when no probe has succeeded for
// `timeout`, and up again at the first success). A member is up when every monitor of its pool says so
// (AS3 Pool `minimumMonitors` default `all`). Probes are not events: a probe's answer changes only when the
// oracle does (`changed`), and then the instance's probe times (phase + k × interval) give when the monitor
// notices — a deadline `timeout` after the last success, or the first probe after a recovery.
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
  private readonly up: Uint8Array;
  private readonly answer: Uint8Array;
  private readonly phase: Float64Array;
  private readonly lastSuccess: Float64Array;
  /** Time of the first probe after a recovery, not yet reached (-1: none pending). */
  private readonly pendingSuccess: Float64Array;
  private readonly deadlineGen: Int32Array;
  private readonly successGen: Int32Array;
  private readonly memberOf: Int32Array;
  private readonly timingOf: MonitorTiming[] = [];
  private readonly instancesOf: number[][];
  /** Per member: how many of its instances are down. */
  private readonly downCount: Int32Array;
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
    this.instancesOf = Array.from({ length: memberCount }, () => []);
    let i = 0;
    for (const p of pools) {
      for (const m of p.members) {
        for (const t of p.monitors) {
          this.memberOf[i] = m;
          this.instancesOf[m]!.push(i++);
          this.timingOf.push(t);
        }
      }
    }
    this.kDeadline = sim.defineKind('lb-monitor-timeout', (x, gen) => this.onDeadline(x, gen));
    this.kSuccess = sim.defineKind('lb-probe-success', (x, gen) => this.onSuccess(x, gen));
  }

  /**
   * Gives every instance a seeded phase in [0, interval), in whole milliseconds, so probes spread out. The
   * balancer was running before t = 0: an instance whose probe fails now starts down (the monitors settled).
   */
  start(): void {
    for (let i = 0; i < this.memberOf.length; i++) {
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

  /** The oracle's answer for `member` may have changed now: schedules what its monitors will notice. */
  changed(member: number): void {
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
