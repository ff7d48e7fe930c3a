// emit/viz: the seeded force simulation of layout-platform.ts on typed arrays — d3-force 3.0.1's
// forceSimulation with forceCollide, forceLink, forceX(0) and forceY(0), operation for operation (its
// d3-quadtree 3.0.2 built, pruned and visited as d3 does), so every coordinate is the same float d3 gives,
// without d3's per-visit objects and callbacks. test/emit/viz/settle-forces.test.ts keeps d3 as reference.
import { Collider } from './force-collide.js';

/** The simulation's input: node i has collide radius `radius[i]`; links pull pairs to their distance. */
export interface ForceInput {
  readonly radius: Float64Array;
  readonly links: readonly { readonly source: number; readonly target: number; readonly strength: number; readonly distance: number }[];
  /** forceX / forceY strength towards 0. */
  readonly centre: number;
  readonly collideIterations: number;
  readonly ticks: number;
  readonly random: () => number;
}

/** d3-force's defaults (simulation.js): alpha decays from 1 to alphaMin in 300 ticks; velocity keeps 0.6. */
const ALPHA_DECAY = 1 - Math.pow(0.001, 1 / 300);
const VELOCITY_DECAY = 0.6;
const INITIAL_RADIUS = 10;
const INITIAL_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Runs the simulation; returns the positions, x and y by node. */
export function settleForces(input: ForceInput): { readonly x: Float64Array; readonly y: Float64Array } {
  const n = input.radius.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  // initializeNodes: the phyllotaxis arrangement.
  for (let i = 0; i < n; i++) {
    const radius = INITIAL_RADIUS * Math.sqrt(0.5 + i);
    const angle = i * INITIAL_ANGLE;
    x[i] = radius * Math.cos(angle);
    y[i] = radius * Math.sin(angle);
  }
  const links = linkTable(input.links, n);
  const collide = new Collider(x, y, vx, vy, input.radius, input.random);
  const jiggle = (): number => (input.random() - 0.5) * 1e-6;
  const s = input.centre;
  let alpha = 1;
  for (let k = 0; k < input.ticks; k++) {
    alpha += (0 - alpha) * ALPHA_DECAY;
    for (let it = 0; it < input.collideIterations; it++) collide.pass();
    for (let i = 0; i < links.count; i++) {
      const a = links.source[i]!;
      const b = links.target[i]!;
      let dx = x[b]! + vx[b]! - x[a]! - vx[a]! || jiggle();
      let dy = y[b]! + vy[b]! - y[a]! - vy[a]! || jiggle();
      let l = Math.sqrt(dx * dx + dy * dy);
      l = ((l - links.distance[i]!) / l) * alpha * links.strength[i]!;
      dx *= l;
      dy *= l;
      const bias = links.bias[i]!;
      vx[b] -= dx * bias;
      vy[b] -= dy * bias;
      vx[a] += dx * (1 - bias);
      vy[a] += dy * (1 - bias);
    }
    for (let i = 0; i < n; i++) vx[i] += (0 - x[i]!) * s * alpha;
    for (let i = 0; i < n; i++) vy[i] += (0 - y[i]!) * s * alpha;
    for (let i = 0; i < n; i++) {
      x[i] += vx[i] *= VELOCITY_DECAY;
      y[i] += vy[i] *= VELOCITY_DECAY;
    }
  }
  return { x, y };
}

interface LinkTable {
  readonly count: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly strength: Float64Array;
  readonly distance: Float64Array;
  readonly bias: Float64Array;
}

/** forceLink's initialize: each link's bias towards its less connected end. */
function linkTable(links: ForceInput['links'], n: number): LinkTable {
  const degree = new Float64Array(n);
  for (const l of links) {
    degree[l.source]++;
    degree[l.target]++;
  }
  return {
    count: links.length,
    source: Int32Array.from(links, (l) => l.source),
    target: Int32Array.from(links, (l) => l.target),
    strength: Float64Array.from(links, (l) => l.strength),
    distance: Float64Array.from(links, (l) => l.distance),
    bias: Float64Array.from(links, (l) => degree[l.source]! / (degree[l.source]! + degree[l.target]!)),
  };
}
