// viz: a titled SVG chart frame with margins, x and y axes and labels, shared by every chart of the page.
import * as d3 from 'd3';

export interface Frame {
  readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  readonly plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  readonly width: number;
  readonly height: number;
}

const M = { top: 10, right: 20, bottom: 40, left: 60 };

/** Appends a section with `title` and an SVG of the given size to `parent`. */
export function frame(parent: HTMLElement, id: string, title: string, w = 640, h = 300): Frame {
  const section = d3.select(parent).append('section').attr('id', id);
  section.append('h2').text(title);
  const svg = section.append('svg').attr('class', 'chart').attr('width', w).attr('height', h).node()!;
  const sel = d3.select(svg);
  const plot = sel.append('g').attr('transform', `translate(${M.left},${M.top})`);
  return { svg: sel, plot, width: w - M.left - M.right, height: h - M.top - M.bottom };
}

/** Draws the axes of a frame with their labels. */
export function axes(f: Frame, x: d3.AxisScale<d3.NumberValue>, y: d3.AxisScale<d3.NumberValue>, xLabel: string, yLabel: string): void {
  f.plot.append('g').attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(6, '~s'));
  f.plot.append('g').call(d3.axisLeft(y).ticks(6, '~s'));
  f.plot.append('text').attr('x', f.width / 2).attr('y', f.height + 34).attr('text-anchor', 'middle').text(xLabel);
  f.plot.append('text').attr('transform', 'rotate(-90)').attr('x', -f.height / 2).attr('y', -46).attr('text-anchor', 'middle').text(yLabel);
}

/** A legend line of coloured swatches. */
export function legend(parent: HTMLElement, entries: readonly (readonly [string, string])[]): void {
  const div = d3.select(parent).append('div').attr('class', 'legend');
  for (const [label, colour] of entries) {
    const s = div.append('span');
    s.append('span').attr('class', 'swatch').style('background', colour);
    s.append('span').text(label);
  }
}
