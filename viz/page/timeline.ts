// viz: the timeline — the scenario's events, convergence and blackhole windows, load-balancer outages and
// certificate windows on one time axis; a brush (or the slider, or ← →) sets the time cursor, and every
// other view replays the recorded state at that instant.
import { axisBottom, brushX, scaleLinear, select } from 'd3';
import { el, formatTime } from './dom.js';
import type { Store } from './store.js';
import type { VizData } from './viz-data.js';

const W = 1000;
const ROW = 12;

export function createTimeline(root: HTMLElement, data: VizData, store: Store): { render: () => void } {
  const kinds = ['convergence', 'blackhole', 'lb-outage', 'certificate'];
  const h = 34 + kinds.length * ROW + 20;
  const x = scaleLinear().domain([0, data.horizon]).range([10, W - 10]);
  const head = el('div', 'timeline-head');
  const label = el('output', 'time', '', { id: 'time-label', for: 'time' });
  const slider = el('input', '', '', { type: 'range', id: 'time', min: '0', max: String(data.horizon), step: '1000', 'aria-label': 'time cursor' });
  head.append(el('strong', '', 'time '), label, slider);
  root.append(head);
  const svg = select(root).append('svg').attr('class', 'timeline').attr('viewBox', `0 0 ${W} ${h}`);
  svg.append('g').attr('transform', `translate(0,${h - 20})`).call(axisBottom(x).ticks(10).tickFormat((d) => formatTime(Number(d))));
  const events = svg.append('g').attr('class', 'events');
  data.timeline.forEach((e) => {
    events.append('line').attr('class', `event ${e.kind}`).attr('x1', x(e.at)).attr('x2', x(e.at)).attr('y1', 4).attr('y2', h - 20).append('title').text(`${formatTime(e.at)} ${e.kind} ${e.target}\n${e.effects.join('\n')}`);
    events.append('text').attr('class', 'event-label').attr('x', x(e.at) + 2).attr('y', 14).text(e.kind);
  });
  const windows = svg.append('g').attr('class', 'windows');
  for (const w of data.windows.slice(0, 2000)) {
    const row = Math.max(0, kinds.indexOf(w.kind));
    windows.append('rect').attr('class', `window ${w.kind}`).attr('x', x(w.from)).attr('width', Math.max(2, x(w.to) - x(w.from))).attr('y', 22 + row * ROW).attr('height', ROW - 3).append('title').text(`${w.label}: ${formatTime(w.from)} – ${formatTime(w.to)}`);
  }
  const cursor = svg.append('line').attr('class', 'cursor').attr('y1', 0).attr('y2', h - 20);
  const brush = brushX().extent([[10, 0], [W - 10, h - 20]]).on('end', (ev: { selection: [number, number] | null; sourceEvent?: unknown; }) => {
    if (!ev.sourceEvent) return;
    const sel = ev.selection;
    if (sel) store.set({ time: Math.round(x.invert(sel[1])) });
  });
  const brushG = svg.append('g').attr('class', 'brush').call(brush);
  // A click without a drag moves the cursor there (d3-brush clears its selection on a click).
  brushG.select('.overlay').on('click.cursor', (ev: MouseEvent) => {
    const [px] = [ev.offsetX * (W / (svg.node()?.getBoundingClientRect().width || W))];
    store.set({ time: Math.max(0, Math.min(data.horizon, Math.round(x.invert(px)))) });
  });
  slider.addEventListener('input', () => store.set({ time: Number(slider.value) }));
  const render = (): void => {
    const t = store.get().time;
    label.textContent = `${formatTime(t)} of ${formatTime(data.horizon)}`;
    slider.value = String(t);
    cursor.attr('x1', x(t)).attr('x2', x(t));
  };
  return { render };
}
