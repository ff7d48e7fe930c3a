// viz: the trace view — pick a source, then a destination among the traces computed when the page was
// written (or come from a matrix cell) and read the packet's path hop by hop and its disposition.
import { el } from './dom.js';
import type { Store } from './store.js';
import type { VizData, VizTrace } from './viz-data.js';

const probeLabel = (t: VizTrace): string => `${t.to} ${t.protocol}${t.port !== null ? ` ${t.port}` : ''}`;

export function createTraceView(root: HTMLElement, data: VizData, store: Store): { render: () => void } {
  const sources = [...new Set(data.traces.map((t) => t.from))].sort();
  const from = el('select', '', '', { id: 'trace-from', 'aria-label': 'trace source' });
  for (const s of sources) from.append(el('option', '', s, { value: s }));
  const to = el('select', '', '', { id: 'trace-to', 'aria-label': 'trace destination' });
  /** The destinations traced from `source`, each naming its trace's index. */
  const fillDestinations = (source: string): void => {
    const opts: HTMLElement[] = [];
    data.traces.forEach((t, i) => {
      if (t.from === source) opts.push(el('option', '', probeLabel(t), { value: String(i) }));
    });
    to.replaceChildren(...opts);
  };
  from.addEventListener('change', () => {
    fillDestinations(from.value);
    store.set({ selection: `trace:${to.value}` });
  });
  to.addEventListener('change', () => store.set({ selection: `trace:${to.value}` }));
  const body = el('div', 'trace-body');
  const bar = el('div', 'trace-bar');
  bar.append(el('span', '', `${data.traces.length} traces computed at the cursor's start: `), el('label', '', 'from ', { for: 'trace-from' }), from, el('label', '', ' to ', { for: 'trace-to' }), to);
  root.append(bar, body);
  const render = (): void => {
    const sel = store.get().selection;
    const i = sel.startsWith('trace:') ? Number(sel.slice(6)) : 0;
    const t = data.traces[i];
    if (!t) {
      body.replaceChildren(el('p', 'hint', 'No trace: click a matrix cell, then "show the trace".'));
      return;
    }
    from.value = t.from;
    fillDestinations(t.from);
    to.value = String(i);
    const ol = el('ol', 'hops');
    for (const h of t.hops) ol.append(el('li', `hop ${h.step}`, `[${h.step}] ${h.at}: ${h.detail}${h.file !== null ? ` (${h.file}:${h.line})` : ''}`));
    const verdict = t.disposition === 'dropped' ? `DROPPED: ${t.dropReason}` : t.disposition === 'delivered' ? 'DELIVERED' : 'LEFT THE PLATFORM';
    body.replaceChildren(el('h2', '', `${t.from} (${t.srcIp ?? '-'}) → ${t.to} (${t.dstIp ?? '-'})`), ol, el('p', `disposition ${t.disposition}`, verdict, { 'data-disposition': t.disposition }));
  };
  return { render };
}
