// emit/viz: the class-level layout of the platform graph, computed in Node when the page is written — each
// cluster's nodes packed in a circle (d3-hierarchy), the clusters placed by a seeded force simulation
// (d3-force) that pulls each on-premises tenant towards the management hosts its VMs run on.
import { forceCollide, forceLink, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { hierarchy, pack } from 'd3-hierarchy';
import { Prng } from '../../lib/random/prng.js';
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

/** One cluster's nodes packed as equal circles: the pack's radius and each node's offset, by position. */
interface InnerPack {
  readonly r: number;
  readonly offsets: readonly { readonly dx: number; readonly dy: number }[];
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
  // Inside each cluster: its nodes packed as equal circles (the pack depends on their count alone).
  const packs = new Map<number, InnerPack>();
  const inner = model.clusters.map((c) => {
    let p = packs.get(c.nodes.length);
    if (!p) packs.set(c.nodes.length, (p = innerPack(c.nodes.length)));
    return p;
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
  // A node's circle is its position in its cluster's node list.
  const position = new Map<number, number>();
  for (const c of model.clusters) c.nodes.forEach((id, k) => position.set(id, k));
  const nodes = model.nodes.map((n) => {
    const c = clusters[n.cluster]!;
    const k = position.get(n.id) ?? -1;
    const o = (model.clusters[n.cluster]!.nodes[k] === n.id ? inner[n.cluster]!.offsets[k] : undefined) ?? { dx: 0, dy: 0 };
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

/** `count` equal circles packed by d3-hierarchy (its pack is seeded afresh per call: the same count, the same pack). */
function innerPack(count: number): InnerPack {
  const root = hierarchy<{ children?: object[] }>({ children: Array.from({ length: count }, () => ({})) }).sum((d) => (d.children ? 0 : 1));
  const packed = pack<object>().padding(NODE_RADIUS * 0.6).radius(() => NODE_RADIUS)(root as never);
  const r = count === 0 ? NODE_RADIUS * 3 : packed.r + NODE_RADIUS * 2;
  return { r, offsets: (packed.children ?? []).map((n) => ({ dx: n.x - packed.x, dy: n.y - packed.y })) };
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
