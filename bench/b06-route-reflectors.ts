// bench: B6 — 1,000 Calico clients and 2 route reflectors (one cluster id, Calico's recipe), 64 blocks
// each: converge, then one reflector loses power (silent failure: clients notice at hold-timer expiry,
// 180–240 s) and the network reconverges. Reports wall time for the whole run, RSS, simulated
// convergence of both phases and the blackhole windows (none expected: a reflector is never a next hop).
import { Simulation } from '../src/engine/simulation.js';
import { reflectorConfigs } from '../test/engine/bgp/topology-gen.js';
import { buildTaking, type HeldConfigs } from './build-taking.js';
import { type Benchmark, type BenchResult, rssMb } from './harness.js';

const CLIENTS = 1000;
const REFLECTORS = 2;
const BLOCKS = 64;

interface RrRun {
  readonly wallMs: number;
  readonly convergenceMs: number;
  readonly reconvergenceMs: number;
  readonly rss: number;
  /** Blackhole windows for destinations other than the failed reflector's own pods. */
  readonly holes: number;
  readonly ownHoles: number;
  readonly events: number;
}

/** One measured run of `clients` clients and `reflectors` reflectors; the failure hits rr-0 after
 *  convergence. The configuration is generated before the clock starts and dropped after the build. */
export async function reflectorRun(clients: number, reflectors: number, blocks: number, seed: number, fail: boolean): Promise<RrRun> {
  const held: HeldConfigs = { cfgs: reflectorConfigs(clients, reflectors, { blocks }) };
  const t0 = process.hrtime.bigint();
  const sim = new Simulation({ seed, log: false });
  const net = buildTaking(sim, held);
  let events = sim.run().processed;
  const total = (clients + reflectors) * blocks;
  const check = (name: string, want: number): void => {
    const n = net.routeCounts(name).prefixes;
    if (n !== want) throw new Error(`${name} holds ${n} prefixes, expected ${want}`);
  };
  check('node-0', total);
  check(`node-${clients - 1}`, total);
  if (fail) {
    net.apply({ kind: 'node-down', node: 'rr-0', mode: 'silent' });
    events += sim.run().processed;
    check('node-0', total - blocks);
  }
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const conv = net.convergence();
  const ownBlocks = new Set(net.core.spk.nodeConfig[net.speaker('rr-0')]?.blocks ?? []);
  return {
    wallMs,
    convergenceMs: conv[0]?.convergenceMs ?? NaN,
    reconvergenceMs: conv[1]?.convergenceMs ?? NaN,
    rss: await rssMb(),
    holes: net.blackholeWindows().filter((h) => !ownBlocks.has(h.prefixes[0] ?? '')).length,
    ownHoles: net.blackholeWindows().filter((h) => ownBlocks.has(h.prefixes[0] ?? '')).length,
    events,
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B6',
    title: `${CLIENTS} clients + ${REFLECTORS} route reflectors, one reflector fails`,
    async run(): Promise<BenchResult[]> {
      await reflectorRun(100, REFLECTORS, BLOCKS, 1, true); // warm-up
      const runs: RrRun[] = [];
      for (const seed of [1, 2, 3, 4, 5]) runs.push(await reflectorRun(CLIENTS, REFLECTORS, BLOCKS, seed, true));
      const r = runs[0] as RrRun;
      return [
        {
          id: 'B6',
          metric: 'wall time (build, converge, fail, reconverge)',
          value: median(runs.map((x) => x.wallMs / 1000)),
          unit: 's',
          floor: 4,
          goal: 2,
          note: `${r.events} events; median of 5 runs`,
        },
        { id: 'B6', metric: 'RSS', value: Math.max(...runs.map((x) => x.rss)), unit: 'MB' },
        { id: 'B6', metric: 'simulated convergence', value: median(runs.map((x) => x.convergenceMs)), unit: 'ms' },
        {
          id: 'B6',
          metric: 'simulated reconvergence after rr-0 fails',
          value: median(runs.map((x) => x.reconvergenceMs)),
          unit: 'ms',
          note: `hold 240 s, BIRD jitter; ${r.holes} blackhole windows for live pods, ${r.ownHoles} for rr-0's own (dead) pods until withdrawn`,
        },
      ];
    },
  },
];
