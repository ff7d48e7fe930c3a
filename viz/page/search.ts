// viz: the search box — pods, workloads, nodes and addresses; a result selects its node, pod or tenant.
import { el } from './dom.js';
import type { Store } from './store.js';
import type { VizData } from './viz-data.js';

interface Hit {
  readonly label: string;
  readonly select: string;
  readonly open: number;
}

/** Everything findable, built once. */
function index(data: VizData): Hit[] {
  const hits: Hit[] = [];
  data.nodes.forEach((n, i) => {
    hits.push({ label: `node ${n.name} ${n.ip}`, select: `node:${i}`, open: n.cluster });
    for (const p of n.pods) hits.push({ label: `pod ${data.clusters[n.cluster]!.name}/${p}`, select: `pod:${data.clusters[n.cluster]!.name}/${p.split(' ')[0]}`, open: n.cluster });
  });
  data.clusters.forEach((c, ci) => {
    hits.push({ label: `${c.kind} ${c.name}`, select: `cluster:${ci}`, open: ci });
    for (const ns of c.namespaces) for (const w of ns.workloads) hits.push({ label: `workload ${c.name}/${ns.name}/${w.name} (${w.kind})`, select: `cluster:${ci}`, open: ci });
  });
  return hits;
}

export function createSearch(root: HTMLElement, data: VizData, store: Store): void {
  // Built on the first query, not at load (a large platform's pods would delay the first render).
  let hits: Hit[] | undefined;
  const input = el('input', '', '', { type: 'search', id: 'search', placeholder: 'search pod, workload, node, address  (/)', 'aria-label': 'search' });
  const list = el('ul', 'results', '', { id: 'search-results', role: 'listbox' });
  root.append(input, list);
  const choose = (h: Hit): void => {
    const o = store.get().open;
    store.set({ selection: h.select, open: o.includes(h.open) ? o : [...o, h.open].sort((a, b) => a - b), view: store.get().view === 'matrix' ? 'topology' : store.get().view });
    list.replaceChildren();
  };
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    const found = q.length < 2 ? [] : (hits ??= index(data)).filter((h) => h.label.toLowerCase().includes(q)).slice(0, 20);
    list.replaceChildren(
      ...found.map((h) => {
        const li = el('li', 'result', h.label, { role: 'option', tabindex: '0' });
        li.addEventListener('click', () => choose(h));
        li.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter') choose(h);
        });
        return li;
      }),
    );
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && list.firstElementChild instanceof HTMLElement) list.firstElementChild.click();
  });
}
