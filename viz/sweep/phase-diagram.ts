// viz: the binding-limit phase diagram — x nodes per tenant, y pods per node, one cell per point coloured
// by the first limit it exceeds (grey: every limit holds), one panel per BGP mode (mesh, reflectors).
import * as d3 from 'd3';
import type { Point } from './data.js';
import { axes, frame, legend } from './frame.js';

/** Draws one panel per BGP mode into `parent`. */
export function phaseDiagram(parent: HTMLElement, points: readonly Point[]): void {
  const kinds = [...new Set(points.map((p) => p.firstLimit ?? 'within limits'))].sort();
  const colour = d3.scaleOrdinal<string, string>().domain(kinds).range(kinds.map((k, i) => (k === 'within limits' ? '#ccc' : d3.schemeTableau10[i % 10]!)));
  legend(parent, kinds.map((k) => [k, colour(k)] as const));
  for (const mode of [...new Set(points.map((p) => p.shape.bgpMode))].sort()) {
    const ps = points.filter((p) => p.shape.bgpMode === mode);
    const f = frame(parent, `phase-${mode}`, `Binding limit: ${mode}`);
    const x = d3.scaleLog().domain(d3.extent(points, (p) => Math.max(1, p.shape.nodes)) as [number, number]).nice().range([0, f.width]);
    const y = d3.scaleLinear().domain([0, d3.max(points, (p) => p.shape.podsPerNode) ?? 1]).nice().range([f.height, 0]);
    f.plot
      .selectAll('rect.cell')
      .data(ps)
      .join('rect')
      .attr('class', 'cell')
      .attr('x', (p) => x(Math.max(1, p.shape.nodes)) - 7)
      .attr('y', (p) => y(p.shape.podsPerNode) - 7)
      .attr('width', 14)
      .attr('height', 14)
      .attr('fill', (p) => colour(p.firstLimit ?? 'within limits'))
      .append('title')
      .text((p) => `${p.shape.nodes} nodes, ${p.shape.podsPerNode} pods/node: ${p.firstLimit ?? `within limits (tightest ${p.tightest?.id ?? '-'} ${((p.tightest?.ratio ?? 0) * 100).toFixed(0)}%)`}`);
    axes(f, x, y, 'nodes per tenant', 'pods per node (busiest node)');
  }
}
