// bench: B5 — BGP full mesh of 1,000 Calico nodes × 64 IPAM blocks (499,500 sessions, 64,000 prefixes):
// build the network from NodeBgpConfig and run it on the engine until quiescent; every node must end
// holding all 64,000 routes. Reports wall time (build + run), RSS and the simulated convergence time.
import { Simulation } from '../src/engine/simulation.js';
import { meshConfigs } from '../test/engine/bgp/topology-gen.js';
import { buildTaking, type HeldConfigs } from './build-taking.js';
import { type Benchmark, type BenchResult, rssMb } from './harness.js';

const NODES = 1000;
const BLOCKS = 64;

interface MeshRun {
  readonly wallMs: number;
  readonly convergenceMs: number;
  readonly rss: number;
  readonly events: number;
}

/** One measured run; the configuration is generated before the clock starts and not kept after the build
 *  (the engine retains nothing of it). */
export async function meshRun(nodes: number, blocks: number, seed: number): Promise<MeshRun> {
  const held: HeldConfigs = { cfgs: meshConfigs(nodes, { blocks }) };
  const t0 = process.hrtime.bigint();
  const sim = new Simulation({ seed, log: false });
  const net = buildTaking(sim, held);
  const stats = sim.run();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  for (const name of [`node-0`, `node-${nodes >> 1}`, `node-${nodes - 1}`]) {
    const n = net.routeCounts(name).prefixes;
    if (n !== nodes * blocks) throw new Error(`B5: ${name} holds ${n} prefixes, expected ${nodes * blocks}`);
  }
  const rss = await rssMb();
  return { wallMs, convergenceMs: net.convergence()[0]?.convergenceMs ?? NaN, rss, events: stats.processed };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B5',
    title: `BGP full mesh, ${NODES} nodes x ${BLOCKS} blocks`,
    async run(): Promise<BenchResult[]> {
      await meshRun(100, BLOCKS, 1); // warm-up
      const runs: MeshRun[] = [];
      for (const seed of [1, 2, 3, 4, 5]) runs.push(await meshRun(NODES, BLOCKS, seed));
      const r = runs[0] as MeshRun;
      const note = `${r.events} events; every node holds ${NODES * BLOCKS} prefixes; median of 5 runs`;
      return [
        { id: 'B5', metric: 'wall time (build + converge)', value: median(runs.map((x) => x.wallMs / 1000)), unit: 's', floor: 2, goal: 1, note },
        { id: 'B5', metric: 'RSS after convergence', value: Math.max(...runs.map((x) => x.rss)), unit: 'MB', floor: 1024 },
        { id: 'B5', metric: 'simulated convergence', value: median(runs.map((x) => x.convergenceMs)), unit: 'ms', note: 'connect delay 2 s + handshake and UPDATE latencies' },
      ];
    },
  },
];
