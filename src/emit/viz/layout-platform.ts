// emit/viz: the class-level layout of the platform graph, computed in Node when the page is written — each
// cluster's nodes packed in a circle (d3-hierarchy), the clusters placed by a seeded force simulation
// (d3-force) that pulls each on-premises tenant towards the management hosts its VMs run on.
import { forceCollide, forceLink, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { hierarchy, pack } from 'd3-hierarchy';
import { Prng } from '../../lib/prng.js';
import type { Model } from '../../model/types.js';

/** Radius of one drawn node. */
export const NODE_RADIUS = 7;
const TICKS = 300;

/** Positions: per cluster a circle, per node a point, per external peer a point; all within `extent`. */
export interface PlatformLayout {
  readonly clusters: readonly { x: number; y: number; r: number }[];
  readonly nodes: readonly { x: number; y: number }[];
  readonly peers: readonly { x: number; y: number }[];
  readonly extent: readonly [number, number];
}

interface Group extends SimulationNodeDatum {
  readonly id: number;
  readonly r: number;
}

interface HostLink extends SimulationLinkDatum<Group> {
  readonly strength: number;
}

/** Lays the platform out; the same model and seed give the same coordinates. */
export function layoutPlatform(model: Model, seed: number): PlatformLayout {
  // Inside each cluster: its nodes packed as equal circles.
  const inner = model.clusters.map((c) => {
    const root = hierarchy<{ id: number; children?: { id: number }[] }>({ id: -1, children: c.nodes.map((id) => ({ id })) }).sum((d) => (d.children ? 0 : 1));
    const packed = pack<{ id: number }>().padding(NODE_RADIUS * 0.6).radius(() => NODE_RADIUS)(root as never);
    const r = c.nodes.length === 0 ? NODE_RADIUS * 3 : packed.r + NODE_RADIUS * 2;
    const offsets = new Map((packed.children ?? []).map((n) => [n.data.id, { dx: n.x - packed.x, dy: n.y - packed.y }]));
    return { r, offsets };
  });
  const groups: Group[] = model.clusters.map((c, i) => ({ id: c.id, r: inner[i]!.r + peerRoom(model, i) }));
  const links = hostLinks(model);
  const prng = new Prng(seed);
  const sim = forceSimulation<Group>(groups)
    .randomSource(() => prng.next())
    .force('collide', forceCollide<Group>((g) => g.r + 24).iterations(3))
    .force('link', forceLink<Group, HostLink>(links).id((g) => g.id).strength((l) => l.strength).distance((l) => (l.source as Group).r + (l.target as Group).r + 24))
    .force('x', forceX<Group>(0).strength(0.05))
    .force('y', forceY<Group>(0).strength(0.05))
    .stop();
  sim.tick(TICKS);
  const minX = Math.min(...groups.map((g) => (g.x ?? 0) - g.r)) - 20;
  const minY = Math.min(...groups.map((g) => (g.y ?? 0) - g.r)) - 20;
  const round = (v: number): number => Math.round(v * 10) / 10;
  const clusters = groups.map((g, i) => ({ x: round((g.x ?? 0) - minX), y: round((g.y ?? 0) - minY), r: round(inner[i]!.r) }));
  const nodes = model.nodes.map((n) => {
    const c = clusters[n.cluster]!;
    const o = inner[n.cluster]!.offsets.get(n.id) ?? { dx: 0, dy: 0 };
    return { x: round(c.x + o.dx), y: round(c.y + o.dy) };
  });
  const peers = model.clusters.flatMap((c, ci) => {
    const k = c.spec.calico.peers.length;
    const g = clusters[ci]!;
    return c.spec.calico.peers.map((_, j) => {
      const angle = -Math.PI / 2 + ((j + 0.5) / Math.max(1, k)) * (Math.PI / 2);
      return { x: round(g.x + Math.cos(angle) * (g.r + 18)), y: round(g.y + Math.sin(angle) * (g.r + 18)) };
    });
  });
  const width = Math.max(...groups.map((g) => (g.x ?? 0) - minX + g.r)) + 20;
  const height = Math.max(...groups.map((g) => (g.y ?? 0) - minY + g.r)) + 20;
  return { clusters, nodes, peers, extent: [round(width), round(height)] };
}

/** Room around a cluster for its external peers' marks. */
function peerRoom(model: Model, ci: number): number {
  return model.clusters[ci]!.spec.calico.peers.length > 0 ? 30 : 0;
}

/** One link per tenant to the management cluster, stronger the more of its VMs run on management hosts. */
function hostLinks(model: Model): HostLink[] {
  if (model.management < 0) return [];
  const vms = new Map<number, number>();
  for (const n of model.nodes) if (n.host >= 0) vms.set(n.cluster, (vms.get(n.cluster) ?? 0) + 1);
  return [...vms].sort((a, b) => a[0] - b[0]).map(([c, count]) => ({ source: c, target: model.management, strength: Math.min(1, 0.1 + count / 50) }));
}
