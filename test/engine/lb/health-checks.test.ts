import { describe, expect, it } from 'vitest';
import { HealthMonitors } from '../../../src/engine/lb/health-checks.js';
import { Simulation } from '../../../src/engine/simulation.js';

/** Two members probed every 5 s with a 16 s timeout (BIG-IP defaults); member 0 fails during [down, back). */
function scenario(down: number, back: number, bothFail = false) {
  const sim = new Simulation({ seed: 3 });
  const failing = (m: number, now: number) => (m === 0 || bothFail) && now >= down && now < back;
  const mon = new HealthMonitors(
    [{ name: 'lb', members: [0, 1], interval: 5000, timeout: 16000 }],
    [{ lb: 'lb', member: 'a' }, { lb: 'lb', member: 'b' }],
    (m, now) => !failing(m, now),
    sim,
  );
  mon.start();
  sim.run(120_000);
  return mon.finish();
}

describe('HealthMonitors', () => {
  it('marks a member down 16 s after its last successful probe and up on the next success', () => {
    const { transitions, outages } = scenario(30_000, 80_000);
    expect(transitions.map((t) => [t.member, t.state])).toEqual([['a', 'down'], ['a', 'up']]);
    const [down, up] = transitions;
    // Last success is the last probe before 30 s, at most one interval earlier.
    expect(down!.at).toBeGreaterThan(30_000 + 16_000 - 5_000);
    expect(down!.at).toBeLessThanOrEqual(30_000 + 16_000);
    expect(up!.at).toBeGreaterThanOrEqual(80_000);
    expect(up!.at).toBeLessThan(85_000);
    expect(outages).toEqual([]);
  });

  it('reports transition times in whole milliseconds', () => {
    for (const [down, back] of [[30_000, 80_000], [31_337, 77_777]] as const) {
      for (const t of scenario(down, back).transitions) expect(Number.isInteger(t.at)).toBe(true);
    }
  });

  it('does not flap on a failure shorter than the timeout', () => {
    expect(scenario(30_000, 40_000).transitions).toEqual([]);
  });

  it('reports an outage while every member is down', () => {
    const { outages } = scenario(30_000, 80_000, true);
    expect(outages).toHaveLength(1);
    expect(outages[0]!.from).toBeGreaterThan(40_000);
    expect(outages[0]!.to).toBeGreaterThanOrEqual(80_000);
  });
});
