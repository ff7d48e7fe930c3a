// viz: IPAM use over the timeline — addresses in use at every instant of each point's run (first seed),
// the chosen point drawn bold over the others.
import * as d3 from 'd3';
import type { Point } from './data.js';
import { axes, frame } from './frame.js';

/** Draws every point's IPAM timeline; returns a function that highlights one point. */
export function ipamTimeline(parent: HTMLElement, points: readonly Point[]): (p: Point) => void {
  const f = frame(parent, 'ipam', 'IPAM use over the timeline (addresses in use)');
  const all = points.flatMap((p) => p.ipam.timeline);
  const x = d3.scaleLinear().domain([0, d3.max(all, (t) => t.at / 1000) ?? 1]).nice().range([0, f.width]);
  const y = d3.scaleLinear().domain([0, d3.max(all, (t) => t.used) ?? 1]).nice().range([f.height, 0]);
  axes(f, x, y, 'simulated time (s)', 'addresses in use');
  const line = d3.line<{ at: number; used: number }>().x((t) => x(t.at / 1000)).y((t) => y(t.used)).curve(d3.curveStepAfter);
  const paths = f.plot
    .selectAll('path.ipam')
    .data(points)
    .join('path')
    .attr('class', 'ipam')
    .attr('fill', 'none')
    .attr('stroke', '#999')
    .attr('stroke-width', 1)
    .attr('d', (p) => line([...p.ipam.timeline]) ?? '');
  return (chosen) => paths.attr('stroke', (p) => (p === chosen ? '#e15759' : '#bbb')).attr('stroke-width', (p) => (p === chosen ? 2.5 : 1));
}
