// engine: hardware load-balancer health monitors on the timeline (BIG-IP semantics: a probe every
// `interval`; a member is marked down when no probe has succeeded for `timeout`, and up again on the
// first successful probe). Reports member transitions and windows in which a VIP had no member up.
import type { Simulation } from '../simulation.js';

/** One pool member as the monitor sees it. */
export interface LbMember {
  readonly lb: string;
  readonly member: string;
}

/** A health-monitored pool: its members' indices into the member table, interval and timeout (ms). */
export interface LbPool {
  readonly name: string;
  readonly members: readonly number[];
  readonly interval: number;
  readonly timeout: number;
}

/** A member state change. */
export interface LbTransition extends LbMember {
  readonly at: number;
  readonly state: 'up' | 'down';
}

/** A window [from, to) in which every member of a load balancer was down (its VIPs refuse connections). */
export interface LbOutage {
  readonly lb: string;
  readonly from: number;
  readonly to?: number;
}

/** Answers whether a probe to a member succeeds right now (member index). */
export type ProbeOracle = (member: number, now: number) => boolean;

/** Health monitors of every load balancer, driven by the simulation. */
export class HealthMonitors {
  private readonly up: Uint8Array;
  private readonly lastSuccess: Float64Array;
  private readonly deadlineGen: Int32Array;
  private readonly poolOf: Int32Array;
  readonly transitions: LbTransition[] = [];
  private readonly outageSince: Float64Array;
  readonly outages: LbOutage[] = [];
  private readonly kProbe: number;
  private readonly kDeadline: number;

  constructor(
    private readonly pools: readonly LbPool[],
    private readonly members: readonly LbMember[],
    private readonly probe: ProbeOracle,
    private readonly sim: Simulation,
  ) {
    const n = members.length;
    this.up = new Uint8Array(n).fill(1);
    this.lastSuccess = new Float64Array(n);
    this.deadlineGen = new Int32Array(n);
    this.poolOf = new Int32Array(n);
    pools.forEach((p, pi) => {
      for (const m of p.members) this.poolOf[m] = pi;
    });
    this.outageSince = new Float64Array(pools.length).fill(-1);
    this.kProbe = sim.defineKind('lb-probe', (m) => this.onProbe(m));
    this.kDeadline = sim.defineKind('lb-monitor-timeout', (m, gen) => this.onDeadline(m, gen));
  }

  /** Starts every monitor with a seeded phase in [0, interval), in whole milliseconds (so transition times are
   *  whole milliseconds too), so probes do not all fire together. */
  start(): void {
    this.pools.forEach((p) => {
      for (const m of p.members) {
        this.lastSuccess[m] = this.sim.now;
        this.sim.after(Math.floor(this.sim.prng.uniform(0, p.interval)), this.kProbe, m, 0);
      }
    });
  }

  /** True when the member is currently marked up. */
  isUp(member: number): boolean {
    return this.up[member] === 1;
  }

  /** Closes open outages at the end of the run. */
  finish(): { transitions: LbTransition[]; outages: LbOutage[] } {
    this.pools.forEach((p, pi) => {
      if (this.outageSince[pi]! >= 0) this.outages.push({ lb: p.name, from: this.outageSince[pi]! });
    });
    return { transitions: this.transitions, outages: this.outages };
  }

  private onProbe(m: number): void {
    const pool = this.pools[this.poolOf[m]!]!;
    if (this.probe(m, this.sim.now)) {
      this.lastSuccess[m] = this.sim.now;
      this.deadlineGen[m]!++;
      if (!this.up[m]) this.mark(m, 1);
    } else if (this.up[m]) {
      // The monitor gives up `timeout` after the last success; later successes cancel this deadline.
      const gen = ++this.deadlineGen[m]!;
      this.sim.at(Math.max(this.sim.now, this.lastSuccess[m]! + pool.timeout), this.kDeadline, m, gen);
    }
    this.sim.after(pool.interval, this.kProbe, m, 0);
  }

  private onDeadline(m: number, gen: number): void {
    if (gen === this.deadlineGen[m] && this.up[m]) this.mark(m, 0);
  }

  private mark(m: number, state: 0 | 1): void {
    this.up[m] = state;
    this.transitions.push({ ...this.members[m]!, at: this.sim.now, state: state ? 'up' : 'down' });
    const pi = this.poolOf[m]!;
    const pool = this.pools[pi]!;
    const anyUp = pool.members.some((x) => this.up[x] === 1);
    if (!anyUp && this.outageSince[pi]! < 0) this.outageSince[pi] = this.sim.now;
    if (anyUp && this.outageSince[pi]! >= 0) {
      this.outages.push({ lb: pool.name, from: this.outageSince[pi]!, to: this.sim.now });
      this.outageSince[pi] = -1;
    }
  }
}
