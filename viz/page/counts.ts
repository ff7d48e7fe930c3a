// viz: the counts bar — tenants, nodes (up at the cursor), BGP session ends by state at the cursor, and the
// matrix's workload cells by verdict: the same figures `calisim bgp --at` and `calisim reach --matrix` give.
import { el } from './dom.js';
import { blockCounts } from './block-cells.js';
import { verdictCounts } from './matrix-cells.js';
import { sessionCounts, valueAt } from './replay.js';
import type { Store } from './store.js';
import type { VizData } from './viz-data.js';

export function createCounts(root: HTMLElement, data: VizData, store: Store): { render: () => void } {
  const cells = new Map<string, number>();
  for (const m of data.matrix.clusters) {
    const all = m.workloads.map((_w, i) => i);
    for (const [v, n] of verdictCounts(m, all, all, 0)) cells.set(v, (cells.get(v) ?? 0) + n);
  }
  for (const b of data.matrix.blocks) for (const [v, n] of blockCounts(b, -1, -1)) cells.set(v, (cells.get(v) ?? 0) + n);
  const item = (key: string, label: string, value: number): HTMLElement => {
    const s = el('span', 'count', '', { 'data-count': key });
    s.append(el('b', '', String(value)), document.createTextNode(` ${label}`));
    return s;
  };
  const render = (): void => {
    const t = store.get().time;
    const up = data.nodes.filter((n) => valueAt(n.up, t) === 1).length;
    const parts = [item('tenants', 'tenants', data.clusters.filter((c) => c.kind === 'tenant').length), item('nodes', 'nodes', data.nodes.length), item('nodes-up', 'up', up)];
    for (const [state, n] of [...sessionCounts(data, t)].sort()) parts.push(item(`sessions-${state}`, `sessions ${state}`, n));
    for (const v of ['allow', 'some', 'deny', 'unknown']) parts.push(item(`cells-${v}`, `cells ${v}`, cells.get(v) ?? 0));
    root.replaceChildren(...parts);
  };
  return { render };
}
