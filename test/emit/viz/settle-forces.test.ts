// The typed-array force simulation gives d3-force's floats exactly: random groups, radii and links (seeded,
// bounded by count) against d3's forceSimulation run as layout-platform.ts ran it, and the whole platform
// layout of the default scenario and large.yaml against the d3 layout it replaced, coordinate for coordinate.
import { forceCollide, forceLink, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { hierarchy, pack } from 'd3-hierarchy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutPlatform, NODE_RADIUS, type PlatformLayout } from '../../../src/emit/viz/layout-platform.js';
import { settleForces, type ForceInput } from '../../../src/emit/viz/settle-forces.js';
import { Prng } from '../../../src/lib/prng.js';
import { buildModel } from '../../../src/model/build-model.js';
import type { Model } from '../../../src/model/types.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';

interface Node extends SimulationNodeDatum {
  readonly id: number;
  readonly radius: number;
}

/** d3-force itself, configured as the input says. */
function d3Settle(input: ForceInput): { x: number[]; y: number[] } {
  const nodes: Node[] = Array.from(input.radius, (radius, id) => ({ id, radius }));
  const links = input.links.map((l) => ({ ...l }));
  forceSimulation<Node>(nodes)
    .randomSource(input.random)
    .force('collide', forceCollide<Node>((g) => g.radius).iterations(input.collideIterations))
    .force('link', forceLink<Node, (typeof links)[number]>(links).id((g) => g.id).strength((l) => l.strength).distance((l) => l.distance))
    .force('x', forceX<Node>(0).strength(input.centre))
    .force('y', forceY<Node>(0).strength(input.centre))
    .stop()
    .tick(input.ticks);
  return { x: nodes.map((n) => n.x!), y: nodes.map((n) => n.y!) };
}

const inputArb = fc
  .record({
    radius: fc.array(fc.double({ min: 5, max: 300, noNaN: true }), { minLength: 1, maxLength: 60 }),
    links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), strength: fc.double({ min: 0.1, max: 1, noNaN: true }), distance: fc.double({ min: 10, max: 600, noNaN: true }) }), { maxLength: 40 }),
    seed: fc.nat(),
    ticks: fc.integer({ min: 1, max: 300 }),
    iterations: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ radius, links, seed, ticks, iterations }) => ({
    radius,
    links: links.map((l) => ({ source: l.a % radius.length, target: l.b % radius.length, strength: l.strength, distance: l.distance })).filter((l) => l.source !== l.target),
    seed,
    ticks,
    iterations,
  }));

/** The platform layout as layout-platform.ts computed it with d3-force and one pack per cluster. */
function d3Layout(model: Model, seed: number): PlatformLayout {
  const inner = model.clusters.map((c) => {
    const root = hierarchy<{ id: number; children?: { id: number }[] }>({ id: -1, children: c.nodes.map((id) => ({ id })) }).sum((d) => (d.children ? 0 : 1));
    const packed = pack<{ id: number }>().padding(NODE_RADIUS * 0.6).radius(() => NODE_RADIUS)(root as never);
    const r = c.nodes.length === 0 ? NODE_RADIUS * 3 : packed.r + NODE_RADIUS * 2;
    return { r, offsets: new Map((packed.children ?? []).map((n) => [n.data.id, { dx: n.x - packed.x, dy: n.y - packed.y }])) };
  });
  const groups = model.clusters.map((c, i) => ({ id: c.id, r: inner[i]!.r + (c.spec.calico.peers.length > 0 ? 30 : 0), x: NaN, y: NaN }));
  const vms = new Map<number, number>();
  for (const n of model.nodes) if (n.host >= 0) vms.set(n.cluster, (vms.get(n.cluster) ?? 0) + 1);
  const links = model.management < 0 ? [] : [...vms].sort((a, b) => a[0] - b[0]).map(([c, count]) => ({ source: c, target: model.management, strength: Math.min(1, 0.1 + count / 50) }));
  const prng = new Prng(seed);
  const radius = Float64Array.from(groups, (g) => g.r + 24);
  const settled = d3Settle({ radius, links: links.map((l) => ({ ...l, distance: groups[l.source]!.r + groups[l.target]!.r + 24 })), centre: 0.05, collideIterations: 3, ticks: 300, random: () => prng.next() });
  groups.forEach((g, i) => ((g.x = settled.x[i]!), (g.y = settled.y[i]!)));
  const minX = Math.min(...groups.map((g) => g.x - g.r)) - 20;
  const minY = Math.min(...groups.map((g) => g.y - g.r)) - 20;
  const round = (v: number): number => Math.round(v * 10) / 10;
  const clusters = groups.map((g, i) => ({ x: round(g.x - minX), y: round(g.y - minY), r: round(inner[i]!.r) }));
  const nodes = model.nodes.map((n) => {
    const c = clusters[n.cluster]!;
    const o = inner[n.cluster]!.offsets.get(n.id) ?? { dx: 0, dy: 0 };
    return { x: round(c.x + o.dx), y: round(c.y + o.dy) };
  });
  const peers = model.clusters.flatMap((c, ci) =>
    c.spec.calico.peers.map((_, j) => {
      const g = clusters[ci]!;
      const angle = -Math.PI / 2 + ((j + 0.5) / Math.max(1, c.spec.calico.peers.length)) * (Math.PI / 2);
      return { x: round(g.x + Math.cos(angle) * (g.r + 18)), y: round(g.y + Math.sin(angle) * (g.r + 18)) };
    }),
  );
  const width = Math.max(...groups.map((g) => g.x - minX + g.r)) + 20;
  const height = Math.max(...groups.map((g) => g.y - minY + g.r)) + 20;
  return { clusters, nodes, peers, extent: [round(width), round(height)] };
}

describe('the typed-array force simulation', () => {
  it("gives d3-force's floats exactly on random groups and links", () => {
    fc.assert(
      fc.property(inputArb, ({ radius, links, seed, ticks, iterations }) => {
        const make = (): ForceInput => {
          const prng = new Prng(seed);
          return { radius: Float64Array.from(radius), links, centre: 0.05, collideIterations: iterations, ticks, random: () => prng.next() };
        };
        const ours = settleForces(make());
        const ref = d3Settle(make());
        expect(Array.from(ours.x)).toEqual(ref.x);
        expect(Array.from(ours.y)).toEqual(ref.y);
      }),
      { seed: 15, numRuns: 60 },
    );
  });

  it('gives d3 its floats when groups start on top of each other (equal radii, strong pulls)', () => {
    const prng = new Prng(3);
    const prng2 = new Prng(3);
    const radius = new Float64Array(40).fill(50);
    const links = Array.from({ length: 39 }, (_, i) => ({ source: i + 1, target: 0, strength: 1, distance: 1 }));
    const ours = settleForces({ radius, links, centre: 0.05, collideIterations: 3, ticks: 300, random: () => prng.next() });
    const ref = d3Settle({ radius, links, centre: 0.05, collideIterations: 3, ticks: 300, random: () => prng2.next() });
    expect(Array.from(ours.x)).toEqual(ref.x);
    expect(Array.from(ours.y)).toEqual(ref.y);
  });

  it('lays the default scenario and large.yaml out exactly as d3 did', () => {
    for (const file of ['scenarios/giantnetes.yaml', 'scenarios/large.yaml']) {
      const model = buildModel(loadScenario(file));
      for (const seed of [1, model.scenario.seed]) expect(layoutPlatform(model, seed), `${file} seed ${seed}`).toEqual(d3Layout(model, seed));
    }
  });
});
