// viz: the page's entry — reads the viz data embedded in the HTML, lays out the header (views, search,
// counts), the views, the details panel and the timeline, wires keyboard navigation and the URL hash.
import './styles.css';
import { createCheckView } from './check-view.js';
import { createCounts } from './counts.js';
import { createDetails } from './details.js';
import { el } from './dom.js';
import { createLegend } from './legend.js';
import { createMatrix } from './matrix.js';
import { createSearch } from './search.js';
import { createStore, decodeState, VIEWS, type PageState, type View } from './store.js';
import { createTimeline } from './timeline.js';
import { createTopology } from './topology.js';
import { createTraceView } from './trace-view.js';
import { unpackViz, type PackedViz } from './unpack-json.js';

function start(): void {
  performance.mark('calisim:start');
  const data = unpackViz(JSON.parse(document.getElementById('viz-data')?.textContent ?? '{}') as PackedViz);
  const defaults: PageState = {
    view: 'topology',
    selection: '',
    time: data.at,
    open: data.nodes.length <= 300 ? data.clusters.map((_, i) => i) : [],
    drill: '',
    port: 0,
    walls: false,
  };
  const store = createStore(decodeState(location.hash, defaults));
  const header = el('header');
  const tabs = el('nav', 'tabs', '', { role: 'tablist' });
  const buttons = VIEWS.map((v, i) => {
    const b = el('button', 'tab', `${i + 1} ${v}`, { role: 'tab', 'data-view': v });
    b.addEventListener('click', () => store.set({ view: v }));
    tabs.append(b);
    return b;
  });
  const searchBox = el('div', 'search');
  header.append(el('h1', '', `calisim · ${data.scenario}`), tabs, searchBox);
  const counts = el('div', 'counts', '', { id: 'counts' });
  const main = el('main');
  const panes = Object.fromEntries(VIEWS.map((v) => [v, el('div', `pane ${v}`, '', { id: `view-${v}` }) as HTMLElement])) as unknown as Record<View, HTMLElement>;
  const side = el('aside', 'details', '', { id: 'details', 'aria-live': 'polite' });
  const legend = el('div', 'legend-box');
  main.append(...VIEWS.map((v) => panes[v]), side);
  const footer = el('footer', '', '', { id: 'timeline' });
  document.body.append(header, counts, main, footer, legend);
  createSearch(searchBox, data, store);
  createLegend(legend);
  const shared = [createCounts(counts, data, store), createDetails(side, data, store), createTimeline(footer, data, store)];
  // A view is drawn only while it is shown: a hidden pane is left as it was and redrawn when opened.
  const views: Record<View, { render: () => void }> = {
    topology: createTopology(panes.topology, data, store),
    matrix: createMatrix(panes.matrix, data, store),
    trace: createTraceView(panes.trace, data, store),
    check: createCheckView(panes.check, data, store),
  };
  const render = (): void => {
    const st = store.get();
    for (const v of VIEWS) panes[v].hidden = v !== st.view;
    buttons.forEach((b, i) => b.setAttribute('aria-selected', String(VIEWS[i] === st.view)));
    views[st.view].render();
    for (const p of shared) p.render();
  };
  store.subscribe(render);
  window.addEventListener('hashchange', () => store.set(decodeState(location.hash, store.get())));
  document.addEventListener('keydown', (ev) => onKey(ev, store, data.horizon));
  render();
  performance.mark('calisim:first-render');
  performance.measure('calisim:render', 'calisim:start', 'calisim:first-render');
  document.body.setAttribute('data-ready', 'true');
}

function onKey(ev: KeyboardEvent, store: ReturnType<typeof createStore>, horizon: number): void {
  const target = ev.target as HTMLElement | null;
  if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT')) {
    if (ev.key === 'Escape') target.blur();
    return;
  }
  const t = store.get().time;
  const step = ev.shiftKey ? 60_000 : 10_000;
  if (ev.key >= '1' && ev.key <= '4') store.set({ view: VIEWS[Number(ev.key) - 1]! });
  else if (ev.key === 'ArrowRight') store.set({ time: Math.min(horizon, t + step) });
  else if (ev.key === 'ArrowLeft') store.set({ time: Math.max(0, t - step) });
  else if (ev.key === 'Escape') store.set({ selection: '' });
  else if (ev.key === '/') {
    ev.preventDefault();
    document.getElementById('search')?.focus();
  } else return;
}

start();
