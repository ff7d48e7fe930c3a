// bench: B17 — 100 virtual servers × 500 NodePort members (a member per node), an http monitor each at
// BIG-IP's 5 s / 16 s, over one simulated hour with a node failure every minute (back 30 s later): each
// failure takes 100 members down and up again. Probes are not events (health-checks.ts derives when a
// monitor notices from the probe times), so the figure is probes/s — the 36M probes the monitors send in the
// hour over the wall time — with a ratio to the bare engine's events/s at the same pending count (what
// simulating each probe as an event would cost at best), measured in the same process; and events/s.
import { LoadBalancers, type LbMemberDef, type LbPoolDef, type MemberHealth } from '../src/engine/lb/load-balancers.js';
import { Simulation } from '../src/engine/simulation.js';
import type { Benchmark, BenchResult } from './harness.js';
import { holdEngine, median } from './hold-model.js';

const POOLS = 100;
const NODES = 500;
const HOUR = 3_600_000;

interface B17Run {
  readonly wallMs: number;
  readonly events: number;
  readonly transitions: number;
}

/** One run: build the pools, start the monitors, fail node k at minute k for 30 s, simulate an hour. */
export function lbRun(pools: number, nodes: number, horizon: number): B17Run {
  const t0 = process.hrtime.bigint();
  const sim = new Simulation({ seed: 17, log: false });
  const members: LbMemberDef[] = [];
  const defs: LbPoolDef[] = Array.from({ length: pools }, (_, p) => ({
    name: `vs-${p}`,
    method: 'round-robin' as const,
    minimumMembersActive: 1,
    monitors: [{ interval: 5000, timeout: 16_000, icmp: false }],
    members: Array.from({ length: nodes }, (_, n) => members.push({ lb: p, label: `node-${n}:30443`, port: 30443, ratio: 1, priorityGroup: 0, node: `node-${n}` }) - 1),
  }));
  const nodeUp = new Uint8Array(nodes).fill(1);
  const measure = (): MemberHealth => {
    const up = Uint8Array.from(members, (_, i) => nodeUp[i % nodes]!);
    return { reach: up, serve: up };
  };
  const lbs = new LoadBalancers(defs, members, measure, sim);
  const kNode = sim.defineKind('b17-node', (n, up) => {
    nodeUp[n] = up;
    lbs.refresh();
  });
  for (let minute = 1; minute * 60_000 < horizon; minute++) {
    sim.at(minute * 60_000, kNode, minute % nodes, 0);
    sim.at(minute * 60_000 + 30_000, kNode, minute % nodes, 1);
  }
  lbs.start();
  const stats = sim.run(horizon);
  return { wallMs: Number(process.hrtime.bigint() - t0) / 1e6, events: stats.processed, transitions: lbs.transitions.length };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B17',
    title: 'load balancers: 100 virtual servers × 500 NodePort members, 5 s monitors, one hour, a node failure a minute',
    run(): BenchResult[] {
      const runs = [lbRun(POOLS, NODES, HOUR), lbRun(POOLS, NODES, HOUR), lbRun(POOLS, NODES, HOUR)];
      const wall = median(runs.map((r) => r.wallMs)) / 1000;
      const r = runs[0]!;
      // 59 failures, each taking the node's member of every pool down and back up.
      if (r.transitions !== 59 * POOLS * 2) throw new Error(`B17: ${r.transitions} member transitions, expected ${59 * POOLS * 2}`);
      const probes = (POOLS * NODES * HOUR) / 5000;
      const bare = holdEngine(POOLS * NODES, 5_000_000);
      const note = `${POOLS * NODES} members, ${probes} probes, ${r.events} events, ${r.transitions} member transitions; median of 3`;
      return [
        { id: 'B17', metric: 'lb_1h_wall', value: wall, unit: 's', floor: 20, goal: 5, note },
        { id: 'B17', metric: 'lb_probes_per_s', value: probes / wall, unit: 'probes/s', ratio: probes / wall / bare, ratioTo: 'bare engine hold model events/s, one pending event per member', note },
        { id: 'B17', metric: 'lb_events_per_s', value: r.events / wall, unit: 'events/s', note },
      ];
    },
  },
];
