// Row spans: each speaker's scans of its RIB row (flush, stale marking, feeds, set collection, route
// counts) read only [cellLo, cellHi), which is exact only if no cell outside it is ever non-empty. Checked
// after random failures, block churn and class splits on two tenants' meshes and a reflector topology, and
// the bounded route counts compared with the former scan of every class.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import type { BgpChange } from '../../../../src/engine/bgp/types.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import type { NodeBgpConfig } from '../../../../src/model/bgp/types.js';
import { blockCidr, meshConfigs, reflectorConfigs } from '../topology-gen.js';

/** The former route count: every class of the platform. */
function fullRouteCounts(net: BgpNetwork, y: number): { prefixes: number; paths: number } {
  const core = net.core;
  const row = core.rows[y] as Int32Array;
  let prefixes = 0;
  let paths = 0;
  for (let c = 0; c < core.classes.count; c++) {
    const set = row[c] as number;
    if (set === 0) continue;
    const size = (core.classes.members[c] as number[]).length;
    prefixes += size;
    paths += size * (core.sets.len[set] as number);
  }
  return { prefixes, paths };
}

/** Cells outside their row's span that are not empty, as `speaker:class`. */
function outsideSpan(net: BgpNetwork): string[] {
  const core = net.core;
  const out: string[] = [];
  for (let y = 0; y < core.rows.length; y++) {
    const row = core.rows[y] as Int32Array;
    for (let c = 0; c < core.classes.count; c++) {
      if (row[c] !== 0 && (c < (core.cellLo[y] as number) || c >= (core.cellHi[y] as number))) out.push(`${y}:${c}`);
    }
  }
  return out;
}

const topologies: (() => NodeBgpConfig[])[] = [
  () => [...meshConfigs(4, { tenant: 'a', blocks: 2 }), ...meshConfigs(3, { tenant: 'b', blocks: 1 })],
  () => reflectorConfigs(4, 2, { blocks: 1 }),
];

const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('node-down' as const), i: fc.nat(), silent: fc.boolean() }),
  fc.record({ kind: fc.constant('node-up' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('link-down' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('link-up' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('blocks' as const), i: fc.nat(), blocks: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }) }),
);

interface Step {
  readonly kind: string;
  readonly i: number;
  readonly j?: number;
  readonly silent?: boolean;
  readonly blocks?: readonly number[];
}

function toChange(net: BgpNetwork, s: Step): BgpChange {
  const names = net.speakers();
  const a = names[s.i % names.length] as string;
  const b = names[(s.j ?? 0) % names.length] as string;
  switch (s.kind) {
    case 'node-down':
      return { kind: 'node-down', node: a, mode: s.silent === true ? 'silent' : 'clean' };
    case 'node-up':
      return { kind: 'node-up', node: a };
    case 'link-down':
      return { kind: 'link-down', a, b };
    case 'link-up':
      return { kind: 'link-up', a, b };
    default:
      // Blocks from a shared range: several nodes may announce one (class splits) or lose one.
      return { kind: 'blocks', node: a, blocks: [...new Set(s.blocks ?? [])].map((k) => blockCidr(k)) };
  }
}

describe('RIB row spans', () => {
  it('no cell outside its row span is ever non-empty, and bounded route counts equal the full scan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: topologies.length - 1 }), fc.array(fc.record({ step: changeArb, dt: fc.integer({ min: 1, max: 400_000 }) }), { maxLength: 10 }), (topo, steps) => {
        const sim = new Simulation({ seed: 5 });
        const net = new BgpNetwork(sim, (topologies[topo] as () => NodeBgpConfig[])());
        sim.run(10_000);
        let t = 10_000;
        for (const { step, dt } of steps) {
          t += dt;
          net.schedule(t, toChange(net, step));
          sim.run(t);
          expect(outsideSpan(net)).toEqual([]);
        }
        sim.run(t + 600_000);
        expect(outsideSpan(net)).toEqual([]);
        for (const name of net.speakers(false)) expect(net.routeCounts(name)).toEqual(fullRouteCounts(net, net.speaker(name)));
      }),
      { numRuns: 40, seed: 14 },
    );
  });
});
