// bench: B7 — 5,000 Calico nodes × 64 blocks (320,000 prefixes) behind 2 route reflectors: converge
// until every node holds every route. A dense RIB would be 1.6 G (node, prefix) entries; the engine keeps
// one path-set id per (node, prefix class) and shares identical sets, so it stays far below 4 GB.
import { Simulation } from '../src/engine/simulation.js';
import { reflectorConfigs } from '../test/engine/bgp/topology-gen.js';
import { buildTaking, type HeldConfigs } from './build-taking.js';
import { type Benchmark, type BenchResult, rssMb } from './harness.js';

const NODES = 5000;
const REFLECTORS = 2;
const BLOCKS = 64;

export const benchmarks: Benchmark[] = [
  {
    id: 'B7',
    title: `BGP ${NODES} nodes x ${BLOCKS} blocks with ${REFLECTORS} reflectors`,
    async run(): Promise<BenchResult[]> {
      const held: HeldConfigs = { cfgs: reflectorConfigs(NODES - REFLECTORS, REFLECTORS, { blocks: BLOCKS }) };
      const t0 = process.hrtime.bigint();
      const sim = new Simulation({ seed: 1, log: false });
      const net = buildTaking(sim, held);
      const stats = sim.run();
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      const total = NODES * BLOCKS;
      for (const name of ['node-0', `node-${NODES - REFLECTORS - 1}`, 'rr-0']) {
        const n = net.routeCounts(name).prefixes;
        if (n !== total) throw new Error(`B7: ${name} holds ${n} prefixes, expected ${total}`);
      }
      const rss = await rssMb();
      const core = net.core;
      const note = `one run; ${stats.processed} events; ${core.classes.count} classes, ${core.sets.setCount} distinct path sets for ${NODES}×${core.classes.count} cells`;
      return [
        { id: 'B7', metric: 'wall time (build + converge)', value: wall, unit: 's', floor: 60, goal: 20, note },
        { id: 'B7', metric: 'RSS after convergence', value: rss, unit: 'MB', floor: 4096 },
        { id: 'B7', metric: 'simulated convergence', value: net.convergence()[0]?.convergenceMs ?? NaN, unit: 'ms' },
      ];
    },
  },
];
