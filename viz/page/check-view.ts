// viz: the check view — `calisim check`'s assertions, failures first, each failure's counterexample (flow,
// hop-by-hop trace, deciding rules) linked to its tenant pair in the matrix and its source in the topology.
import { el, formatTime } from './dom.js';
import type { Store } from './store.js';
import type { VizData } from './viz-data.js';

export function createCheckView(root: HTMLElement, data: VizData, store: Store): { render: () => void } {
  const render = (): void => {
    const c = data.check;
    if (!c) {
      root.replaceChildren(el('p', 'hint', 'No check results in this page: write it with `calisim check SCENARIO --viz FILE`.'));
      return;
    }
    const order = { fail: 0, unknown: 1, pass: 2 } as Record<string, number>;
    const list = el('ul', 'assertions');
    [...c.assertions].sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3)).forEach((a) => {
      const li = el('li', `assertion ${a.status}`, '', { 'data-status': a.status });
      // failedAt is the first check point where it failed (check's `t=`), not when the failure began.
      li.append(el('strong', '', `${a.status.toUpperCase()} ${a.title}`), el('p', '', `${a.detail}${a.failedAt !== null ? ` (first seen failing at ${formatTime(a.failedAt)})` : ''}`));
      const cx = a.counterexample;
      if (!cx && a.failedAt !== null) li.append(timeLink(a.failedAt, store));
      if (cx) {
        li.append(el('p', 'flow', `${cx.protocol}${cx.port !== null ? ` ${cx.port}` : ''} ${cx.from} → ${cx.to} at ${formatTime(cx.at)}`));
        const ol = el('ol', 'hops');
        for (const h of cx.trace) ol.append(el('li', '', h));
        li.append(ol);
        for (const r of cx.rules) li.append(el('p', 'rule', r));
        const link = counterexampleLink(data, cx.from, cx.to, cx.at, store);
        if (link) li.append(link);
      }
      if (a.status !== 'pass' || c.assertions.length <= 200) list.append(li);
    });
    root.replaceChildren(el('h2', '', `${c.summary.failed} failed, ${c.summary.unknown} unknown, ${c.summary.passed} passed of ${c.summary.total}`), list);
  };
  return { render };
}

/** A button showing the topology (sessions, nodes, members) at the time a failure without a flow was seen. */
function timeLink(at: number, store: Store): HTMLElement {
  const b = el('button', '', `show the topology at ${formatTime(at)}`);
  b.addEventListener('click', () => store.set({ view: 'topology', time: at }));
  return b;
}

/** A button showing the counterexample's tenant pair in the matrix, at its time. */
function counterexampleLink(data: VizData, from: string, to: string, at: number, store: Store): HTMLElement | null {
  const ci = (ref: string): number => data.clusters.findIndex((c) => c.name === ref.split('/')[0]);
  const a = ci(from);
  const b = ci(to);
  if (a < 0 || b < 0) return null;
  const b2 = el('button', '', 'show in the matrix');
  b2.addEventListener('click', () => store.set(a === b ? { view: 'matrix', drill: `c${a}`, time: at } : { view: 'matrix', drill: '', selection: `tenants:${a}:${b}`, time: at }));
  return b2;
}
