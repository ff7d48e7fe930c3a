import { describe, expect, it } from 'vitest';
import { HealthMonitors, type MonitorTiming } from '../../../src/engine/lb/health-checks.js';
import { Simulation } from '../../../src/engine/simulation.js';

/**
 * Two members probed every 5 s with a 16 s timeout (BIG-IP defaults); member 0 (or both) stops answering
 * tcp/http probes during [down, back) — a ping still answers. Returns the member transitions and, for
 * reference, the probe times of member 0's instances.
 */
function scenario(down: number, back: number, bothFail = false, monitors: MonitorTiming[] = [{ interval: 5000, timeout: 16000, icmp: false }], seed = 3) {
  const sim = new Simulation({ seed });
  const failing = new Uint8Array(2);
  const transitions: { member: number; up: boolean; at: number }[] = [];
  const mon = new HealthMonitors([{ members: [0, 1], monitors }], 2, (m, icmp) => icmp || failing[m] === 0, sim, (member, up) => transitions.push({ member, up, at: sim.now }));
  const k = sim.defineKind('flip', (v) => {
    failing[0] = v;
    if (bothFail) failing[1] = v;
    mon.changed(0);
    mon.changed(1);
  });
  sim.at(down, k, 1, 0);
  sim.at(back, k, 0, 0);
  mon.start();
  sim.run(120_000);
  return transitions;
}

/** The same by brute force: every probe of one instance with phase `phase`, as BIG-IP sends them. */
function reference(phase: number, interval: number, timeout: number, down: number, back: number): { up: boolean; at: number }[] {
  const out: { up: boolean; at: number }[] = [];
  let up = true;
  let last = 0;
  for (let t = phase; t <= 120_000; t += interval) {
    const ok = t < down || t >= back;
    if (up && !ok && t >= last + timeout) {
      up = false;
      out.push({ up, at: last + timeout });
    }
    if (ok) {
      // A deadline between two probes fires before the next success.
      if (up && t > last + timeout) out.push({ up: false, at: last + timeout }, { up: true, at: t });
      else if (!up) out.push({ up: true, at: t });
      up = true;
      last = t;
    }
  }
  return out;
}

describe('HealthMonitors', () => {
  it('marks a member down 16 s after its last successful probe and up on the next success', () => {
    const transitions = scenario(30_000, 80_000);
    expect(transitions.map((t) => [t.member, t.up])).toEqual([[0, false], [0, true]]);
    const [down, up] = transitions;
    // Last success is the last probe before 30 s, at most one interval earlier.
    expect(down!.at).toBeGreaterThan(30_000 + 16_000 - 5_000);
    expect(down!.at).toBeLessThanOrEqual(30_000 + 16_000);
    expect(up!.at).toBeGreaterThan(80_000);
    expect(up!.at).toBeLessThanOrEqual(85_000);
  });

  it('agrees with probing every interval, for any phase and failure window (seeded sweep)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const [down, back] of [[30_000, 80_000], [31_337, 47_001], [12_000, 27_500], [50_000, 66_999]] as const) {
        const sim = new Simulation({ seed });
        const phase = Math.floor(sim.prng.uniform(0, 5000));
        const got = scenario(down, back, false, undefined, seed).map(({ up, at }) => ({ up, at }));
        // A probe at exactly the failure or recovery instant is counted before the change.
        const ref = reference(phase, 5000, 16_000, down + 0.5, back + 0.5);
        expect(got).toEqual(ref);
      }
    }
  });

  it('reports transition times in whole milliseconds', () => {
    for (const [down, back] of [[30_000, 80_000], [31_337, 77_777]] as const) {
      for (const t of scenario(down, back)) expect(Number.isInteger(t.at)).toBe(true);
    }
  });

  it('does not flap on a failure shorter than the timeout', () => {
    expect(scenario(30_000, 40_000)).toEqual([]);
  });

  it('takes a member down when any of its monitors fails (minimumMonitors all), and not for a ping that still answers', () => {
    expect(scenario(30_000, 80_000, true, [{ interval: 5000, timeout: 16000, icmp: true }])).toEqual([]);
    const both = scenario(30_000, 80_000, false, [{ interval: 5000, timeout: 16000, icmp: true }, { interval: 10_000, timeout: 31_000, icmp: false }]);
    expect(both.map((t) => [t.member, t.up])).toEqual([[0, false], [0, true]]);
    expect(both[0]!.at).toBeGreaterThan(30_000 + 31_000 - 10_000);
    expect(both[0]!.at).toBeLessThanOrEqual(30_000 + 31_000);
  });
});
