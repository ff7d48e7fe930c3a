// viz: headroom bars for a chosen point — each capped limit's use as a share of its value (red past 100%),
// with a selector over the points.
import * as d3 from 'd3';
import type { Point } from './data.js';
import { frame } from './frame.js';

/** A point selector and the bars of the selected point. */
export function headroomBars(parent: HTMLElement, points: readonly Point[], onSelect: (p: Point) => void): void {
  const section = d3.select(parent).append('div');
  const select = section.append('select').attr('id', 'point-select');
  select
    .selectAll('option')
    .data(points)
    .join('option')
    .attr('value', (p) => String(p.index))
    .text((p) => `#${p.index} ${Object.entries(p.params).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const f = frame(parent, 'headroom', 'Headroom of the chosen point (use / limit)', 640, 40 + 22 * Math.max(...points.map((p) => p.limits.length), 1));
  const draw = (p: Point): void => {
    f.plot.selectAll('*').remove();
    const x = d3.scaleLinear().domain([0, Math.max(1, ...p.limits.map((l) => l.use / l.value))]).range([0, f.width - 200]);
    const rows = f.plot.selectAll('g.limit').data(p.limits).join('g').attr('class', 'limit').attr('transform', (_, i) => `translate(200,${i * 22})`);
    rows.append('rect').attr('height', 16).attr('width', (l) => x(l.use / l.value)).attr('fill', (l) => (l.use > l.value ? '#d62728' : '#4e79a7'));
    rows.append('text').attr('x', -6).attr('y', 12).attr('text-anchor', 'end').text((l) => l.id);
    rows.append('text').attr('x', (l) => x(l.use / l.value) + 4).attr('y', 12).text((l) => `${((100 * l.use) / l.value).toFixed(1)}% (${l.use} of ${l.value})`);
    onSelect(p);
  };
  select.on('change', (ev: Event) => draw(points[Number((ev.target as HTMLSelectElement).selectedIndex)]!));
  if (points[0] !== undefined) draw(points[0]);
}
