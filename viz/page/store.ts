// viz: the page's shared state — the view, the selection, the time cursor, the expanded tenants, the matrix
// drill-down and filters — with subscribers, kept in the URL hash so a link reopens the same state.

export type View = 'topology' | 'matrix' | 'trace' | 'check';
export const VIEWS: readonly View[] = ['topology', 'matrix', 'trace', 'check'];

/** A selection: `node:3`, `cluster:1`, `peer:0`, `lb:0`, `pod:acme/shop/api-0`, `cell:c2:5`, `tenants:1:2`, `trace:4`, `assert:7`, or ''. */
export interface PageState {
  view: View;
  selection: string;
  time: number;
  /** Expanded clusters (indexes). */
  open: number[];
  /** Matrix drill-down: '' (clusters), `c2` (namespaces of cluster 2), `c2:shop:data` (workloads of two namespaces). */
  drill: string;
  /** Port filter of the matrix (0 = none). */
  port: number;
  walls: boolean;
}

export interface Store {
  get(): PageState;
  set(patch: Partial<PageState>): void;
  subscribe(fn: (s: PageState) => void): void;
}

/** A store writing its state to the hash on every change. */
export function createStore(initial: PageState): Store {
  let state = initial;
  const subs: ((s: PageState) => void)[] = [];
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      const hash = encodeState(state);
      if (location.hash !== hash) history.replaceState(null, '', hash);
      for (const fn of subs) fn(state);
    },
    subscribe(fn) {
      subs.push(fn);
    },
  };
}

/** `#view=matrix&sel=cell:c0:5&t=95000&open=1,2&drill=c0&port=80&walls=1`. */
export function encodeState(s: PageState): string {
  const p = new URLSearchParams();
  p.set('view', s.view);
  if (s.selection) p.set('sel', s.selection);
  p.set('t', String(Math.round(s.time)));
  if (s.open.length) p.set('open', s.open.join(','));
  if (s.drill) p.set('drill', s.drill);
  if (s.port) p.set('port', String(s.port));
  if (s.walls) p.set('walls', '1');
  return `#${p.toString()}`;
}

/** Reads a hash over `defaults` (unknown or malformed parts keep the default). */
export function decodeState(hash: string, defaults: PageState): PageState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const view = p.get('view');
  const t = Number(p.get('t'));
  const port = Number(p.get('port'));
  const open = p.get('open');
  return {
    view: VIEWS.includes(view as View) ? (view as View) : defaults.view,
    selection: p.get('sel') ?? defaults.selection,
    time: p.has('t') && Number.isFinite(t) ? t : defaults.time,
    open: open !== null ? open.split(',').filter((x) => x !== '').map(Number).filter(Number.isInteger) : defaults.open,
    drill: p.get('drill') ?? defaults.drill,
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : defaults.port,
    walls: p.has('walls') ? p.get('walls') === '1' : defaults.walls,
  };
}
