// viz: a figure against nodes per tenant, one line per BGP mode (mesh, reflectors), with an optional band
// (e.g. convergence p50 line inside the p50..max band across seeds).
import * as d3 from 'd3';
import type { Point } from './data.js';
import { axes, frame, legend } from './frame.js';

export interface Series {
  readonly y: (p: Point) => number | null;
  readonly band?: (p: Point) => readonly [number, number] | null;
}

/** Draws `series` of `points` against nodes, one colour per BGP mode. */
export function modeLines(parent: HTMLElement, id: string, title: string, yLabel: string, points: readonly Point[], s: Series): void {
  const modes = [...new Set(points.map((p) => p.shape.bgpMode))].sort();
  const colour = d3.scaleOrdinal<string, string>().domain(modes).range(d3.schemeTableau10);
  const f = frame(parent, id, title);
  const ys = points.flatMap((p) => [s.y(p) ?? 0, ...(s.band?.(p) ?? [])]);
  const x = nodesScale(points.map((p) => p.shape.nodes), f.width);
  const y = d3.scaleLinear().domain([0, d3.max(ys) ?? 1]).nice().range([f.height, 0]);
  axes(f, x, y, 'nodes per tenant', yLabel);
  for (const mode of modes) {
    const ps = points.filter((p) => p.shape.bgpMode === mode).sort((a, b) => a.shape.nodes - b.shape.nodes);
    const byNodes = d3.rollups(ps, (v) => v[0]!, (p) => p.shape.nodes).map(([, p]) => p);
    if (s.band !== undefined) {
      const band = s.band;
      const withBand = byNodes.filter((p) => band(p) !== null);
      f.plot
        .append('path')
        .attr('class', `band band-${mode}`)
        .attr('fill', colour(mode))
        .attr('opacity', 0.2)
        .attr('d', d3.area<Point>().x((p) => x(p.shape.nodes)).y0((p) => y(band(p)![0])).y1((p) => y(band(p)![1]))(withBand) ?? '');
    }
    const line = byNodes.filter((p) => s.y(p) !== null);
    f.plot
      .append('path')
      .attr('class', `line line-${mode}`)
      .attr('fill', 'none')
      .attr('stroke', colour(mode))
      .attr('stroke-width', 2)
      .attr('d', d3.line<Point>().x((p) => x(p.shape.nodes)).y((p) => y(s.y(p)!))(line) ?? '');
    f.plot.selectAll(`circle.dot-${mode}`).data(line).join('circle').attr('class', `dot-${mode}`).attr('r', 3).attr('fill', colour(mode)).attr('cx', (p) => x(p.shape.nodes)).attr('cy', (p) => y(s.y(p)!));
  }
  legend(parent, modes.map((m) => [m, colour(m)] as const));
}

/** Nodes on a log axis when they span a decade or more (as the phase diagram's), else a linear one. */
function nodesScale(nodes: readonly number[], width: number): d3.ScaleContinuousNumeric<number, number> {
  const [lo, hi] = d3.extent(nodes) as [number, number];
  const scale = lo >= 1 && hi >= 10 * lo ? d3.scaleLog() : d3.scaleLinear();
  return scale.domain([lo, hi]).nice().range([0, width]);
}
