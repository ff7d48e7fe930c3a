// bench: B19 — 1,000 tenant clusters × their Giant Swarm inventory (10 nodes: about 30 certificates each)
// over ten simulated years: cert-operator's monthly rotations, cert-manager's renewals at two thirds, the
// reloads, the expiry checks, and one CA rotation per cluster (1h overlap, staggered from year five).
// Reports wall time and events/s, with a ratio to the bare engine's hold model at the same pending count.
import { Pki } from '../src/engine/pki/pki.js';
import { Simulation } from '../src/engine/simulation.js';
import { buildPkiOf, DEFAULT_PKI, type PkiClusterInput } from '../src/model/pki/build-pki.js';
import type { Benchmark, BenchResult } from './harness.js';
import { holdEngine, median } from './hold-model.js';

const CLUSTERS = 1000;
const NODES = 10;
const H = 3_600_000;
const YEARS = 10;
const HORIZON = YEARS * 8_760 * H;

interface B19Run {
  readonly wallMs: number;
  readonly events: number;
  readonly certs: number;
  readonly windows: number;
  readonly pending: number;
}

/** One run: build the inventories, issue, and simulate ten years. */
export function pkiRun(clusters: number): B19Run {
  const t0 = process.hrtime.bigint();
  const inputs: PkiClusterInput[] = [];
  for (let c = 0; c < clusters; c++)
    inputs.push({ name: `t${c}`, nodes: Array.from({ length: NODES }, (_, i) => ({ id: c * NODES + i, name: `t${c}-${i + 1}`, ip: `10.${c >> 8}.${c & 255}.${i + 10}` })), hosts: [`t${c}.example.com`] });
  const model = buildPkiOf({ ...DEFAULT_PKI, caTTL: 87_600 * H, certTTL: 8_760 * H, rotationPeriod: 720 * H }, inputs);
  const sim = new Simulation({ seed: 19, log: false });
  const pki = new Pki(model, sim, inputs.map((c) => c.nodes.map((n) => n.id)), inputs.flatMap((c) => c.nodes.map((n) => n.name)));
  const kRotateCa = sim.defineKind('b19-ca-rotation', (ci) => {
    pki.rotate(ci, 'ca', { overlap: H, order: ['trust-new', 'reissue', 'distrust-old'] });
  });
  for (let c = 0; c < clusters; c++) sim.at(5 * 8_760 * H + c * H, kRotateCa, c, 0);
  pki.start();
  const pending = sim.queue.size;
  const stats = sim.run(HORIZON);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { wallMs, events: stats.processed, certs: model.certs.length, windows: pki.windowsSoFar().length, pending };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B19',
    title: 'PKI: 1,000 tenant clusters × ~30 certificates, ten years, monthly rotations, a CA rotation each',
    run(): BenchResult[] {
      const runs = [pkiRun(CLUSTERS), pkiRun(CLUSTERS), pkiRun(CLUSTERS)];
      const wall = median(runs.map((r) => r.wallMs)) / 1000;
      const r = runs[0]!;
      // Every renewal comes in time; only kube-apiserver's in-memory loopback certificate (kubernetes#102556)
      // expires after a year in each cluster, since nothing restarts the API server in this run.
      if (r.windows !== CLUSTERS) throw new Error(`B19: ${r.windows} certificate windows, expected ${CLUSTERS} (one loopback per cluster)`);
      const rate = r.events / wall;
      const bare = holdEngine(r.pending, r.events);
      const note = `${r.certs} certificates, ${r.events} events, ${(r.events / r.certs).toFixed(0)} per certificate; median of 3`;
      return [
        { id: 'B19', metric: 'pki_10y_wall', value: wall, unit: 's', floor: 10, goal: 3, note },
        { id: 'B19', metric: 'pki_events_per_s', value: rate, unit: 'events/s', ratio: rate / bare, ratioTo: 'bare engine hold model, same pending count', note },
      ];
    },
  },
];
