// bench: the engine's bare rate on the classic hold model (each handled event schedules one more), the reference
// other engine benchmarks print their ratio to, and the median the benchmarks report.
import { Simulation } from '../src/engine/simulation.js';

/** Events per second of Simulation.run holding `pending` events. */
export function holdEngine(pending: number, events: number): number {
  const sim = new Simulation({ seed: 1, log: false });
  const prng = sim.prng;
  const kind = sim.defineKind('hold', (_a, _b, s) => {
    s.queue.push(s.now + 1 + prng.nextU32() / 4294.967296, kind, 0, 0);
  });
  for (let i = 0; i < pending; i++) sim.queue.push(1 + prng.nextU32() / 4294.967296, kind, 0, 0);
  const t0 = process.hrtime.bigint();
  sim.run(Infinity, events);
  return events / (Number(process.hrtime.bigint() - t0) / 1e9);
}

/** The median of a list of figures (the upper one of an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
