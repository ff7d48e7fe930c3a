// viz: the trace view — pick a source and a destination among the traces computed when the page was
// written (or come from a matrix cell) and read the packet's path hop by hop and its disposition.
import { el } from './dom.js';
import type { Store } from './store.js';
import type { VizData } from './viz-data.js';

export function createTraceView(root: HTMLElement, data: VizData, store: Store): { render: () => void } {
  const pick = el('select', '', '', { id: 'trace-pick', 'aria-label': 'trace' });
  data.traces.forEach((t, i) => pick.append(el('option', '', `${t.from} → ${t.to} ${t.protocol}${t.port !== null ? ` ${t.port}` : ''}`, { value: String(i) })));
  pick.addEventListener('change', () => store.set({ selection: `trace:${pick.value}` }));
  const body = el('div', 'trace-body');
  root.append(el('label', '', `trace (${data.traces.length} computed at the cursor's start) `, { for: 'trace-pick' }), pick, body);
  const render = (): void => {
    const sel = store.get().selection;
    const i = sel.startsWith('trace:') ? Number(sel.slice(6)) : 0;
    const t = data.traces[i];
    if (!t) {
      body.replaceChildren(el('p', 'hint', 'No trace: click a matrix cell, then "show the trace".'));
      return;
    }
    pick.value = String(i);
    const ol = el('ol', 'hops');
    for (const h of t.hops) ol.append(el('li', `hop ${h.step}`, `[${h.step}] ${h.at}: ${h.detail}${h.file !== null ? ` (${h.file}:${h.line})` : ''}`));
    const verdict = t.disposition === 'dropped' ? `DROPPED: ${t.dropReason}` : t.disposition === 'delivered' ? 'DELIVERED' : 'LEFT THE PLATFORM';
    body.replaceChildren(el('h2', '', `${t.from} (${t.srcIp ?? '-'}) → ${t.to} (${t.dstIp ?? '-'})`), ol, el('p', `disposition ${t.disposition}`, verdict, { 'data-disposition': t.disposition }));
  };
  return { render };
}
