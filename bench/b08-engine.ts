// bench: B8/B9 — the engine's hold model (a fixed number of pending events; each processed event
// schedules one more at now + uniform delay) at 100k and 10k pending, against the sorted-array
// reference queue and, when libns3-dev is installed, ns-3's default scheduler on the same machine.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReferenceQueue } from '../src/engine/reference-queue.js';
import { Prng } from '../src/lib/random/prng.js';
import type { Benchmark, BenchResult } from './harness.js';
import { holdEngine, median } from './hold-model.js';
import { projectRoot } from './project-root.js';

const here = join(projectRoot, 'bench');

/** Events per second of the sorted-array reference queue on the same hold model. */
function holdReference(pending: number, events: number): number {
  const prng = new Prng(1);
  const q = new ReferenceQueue();
  for (let i = 0; i < pending; i++) q.push(1 + prng.nextU32() / 4294.967296, 0, 0, 0);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < events; i++) {
    const e = q.pop();
    if (!e) break;
    q.push(e.time + 1 + prng.nextU32() / 4294.967296, 0, 0, 0);
  }
  return events / (Number(process.hrtime.bigint() - t0) / 1e9);
}

/** ns-3 events per second, or undefined when libns3-dev is not installed. */
function holdNs3(pending: number, events: number): number | undefined {
  if (!existsSync('/usr/include/ns3/core-module.h')) return undefined;
  const outDir = join(here, 'ns3', 'build');
  const bin = join(outDir, 'hold');
  if (!existsSync(bin)) {
    mkdirSync(outDir, { recursive: true });
    // Debian's ns3-core.pc lists libraries that are not installed; link the core library alone.
    execFileSync('g++', ['-O2', '-o', bin, join(here, 'ns3', 'hold.cc'), '-lns3-core'], { stdio: 'inherit' });
  }
  const runs = [0, 1, 2].map(() => Number(execFileSync(bin, [String(pending), String(events), '1']).toString().trim()));
  return median(runs);
}

function holdBench(id: string, pending: number, floor: number, goal: number): Benchmark {
  return {
    id,
    title: `engine hold model, ${pending} pending events`,
    run(): BenchResult[] {
      const events = 2_000_000;
      holdEngine(pending, events / 4); // warm-up
      const fast = median([0, 1, 2, 3, 4].map(() => holdEngine(pending, events)));
      const refEvents = pending >= 100_000 ? 50_000 : 200_000;
      const ref = median([0, 1, 2].map(() => holdReference(pending, refEvents)));
      const out: BenchResult[] = [
        { id, metric: `events_per_s_${pending / 1000}k_pending`, value: fast, unit: 'events/s', ratio: fast / ref, ratioTo: 'reference queue', floor, goal },
      ];
      let ns3: number | undefined;
      try {
        ns3 = holdNs3(pending, events);
      } catch (e) {
        process.stderr.write(`ns-3 comparison failed: ${e instanceof Error ? e.message : String(e)}\n`);
      }
      if (ns3 !== undefined) {
        out.push({ id, metric: `ns3_events_per_s_${pending / 1000}k_pending`, value: ns3, unit: 'events/s', note: 'ns-3 default scheduler, same hold model' });
        out.push({ id, metric: `events_per_s_${pending / 1000}k_pending_vs_ns3`, value: fast, unit: 'events/s', ratio: fast / ns3, ratioTo: 'ns-3' });
      } else {
        out.push({ id, metric: 'ns3_comparison', value: 0, unit: 'n/a', note: 'libns3-dev not installed (apt-get install -y libns3-dev)' });
      }
      return out;
    },
  };
}

export const benchmarks: Benchmark[] = [holdBench('B8', 100_000, 4e6, 6e6), holdBench('B9', 10_000, 6e6, 9e6)];
