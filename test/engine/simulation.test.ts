import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.js';

/** A small model: each ping schedules a pong after a PRNG-drawn delay, up to a count. */
function pingPong(seed: number): string {
  const sim = new Simulation({ seed });
  const trace: string[] = [];
  const pong = sim.defineKind('pong', (a, _b, s) => {
    trace.push(`pong ${a} @${s.now.toFixed(3)}`);
  });
  const ping = sim.defineKind('ping', (a, _b, s) => {
    trace.push(`ping ${a} @${s.now.toFixed(3)}`);
    s.after(s.prng.uniform(1, 10), pong, a, 0);
    if (a < 50) s.after(s.prng.uniform(0, 5), ping, a + 1, 0);
  });
  sim.at(0, ping, 0, 0);
  const stats = sim.run();
  return `${trace.join('\n')}\n${JSON.stringify(stats)}`;
}

describe('Simulation', () => {
  it('is deterministic: same seed, byte-identical trace', () => {
    expect(pingPong(7)).toBe(pingPong(7));
    expect(pingPong(7)).not.toBe(pingPong(8));
  });

  it('stops at the horizon with the clock at the horizon, and resumes', () => {
    const sim = new Simulation({ seed: 1 });
    let fired = 0;
    const k = sim.defineKind('tick', (a, _b, s) => {
      fired++;
      if (a < 9) s.after(10, k, a + 1, 0);
    });
    sim.at(0, k);
    const first = sim.run(45);
    expect(first).toEqual({ processed: 5, endTime: 45, reason: 'horizon', pending: 1 });
    const second = sim.run();
    expect(second.reason).toBe('quiescent');
    expect(fired).toBe(10);
    expect(sim.now).toBe(90);
    expect(sim.log.length).toBe(10);
    expect(sim.log.time(9)).toBe(90);
  });

  it('refuses to schedule in the past and to define a kind twice', () => {
    const sim = new Simulation({ seed: 1 });
    const k = sim.defineKind('x', () => undefined);
    sim.at(10, k);
    sim.run();
    expect(() => sim.at(5, k)).toThrow(/before now/);
    expect(() => sim.defineKind('x', () => undefined)).toThrow(/already defined/);
  });

  it('honours the event limit', () => {
    const sim = new Simulation({ seed: 1 });
    const k = sim.defineKind('loop', (_a, _b, s) => {
      s.after(1, k);
    });
    sim.at(0, k);
    expect(sim.run(Infinity, 100)).toMatchObject({ processed: 100, reason: 'event-limit' });
  });
});
