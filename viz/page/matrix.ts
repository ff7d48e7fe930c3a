// viz: the reachability matrix view — an adjacency-matrix heatmap with drill-down (breadcrumbs), a port
// filter and the isolation overlay (the wall that stops each tenant pair); SVG cells, or one canvas when
// the level has more than MAX_CELLS cells (clicks then map back to a cell by position).
import { el } from './dom.js';
import { levelOf, type Cell, type Level } from './matrix-cells.js';
import type { Store } from './store.js';
import type { VizData } from './viz-data.js';

export const MAX_CELLS = 2000;
const WALL_MARK: Readonly<Record<string, string>> = { underlay: 'U', routing: 'R', 'outer-wall': 'O', 'inner-wall': 'I' };

export function createMatrix(root: HTMLElement, data: VizData, store: Store): { render: () => void } {
  const bar = el('div', 'matrix-bar');
  const crumbs = el('nav', 'crumbs', '', { 'aria-label': 'matrix level' });
  const port = el('input', '', '', { type: 'number', min: '0', max: '65535', placeholder: 'TCP port', id: 'port-filter', 'aria-label': 'port filter' });
  const walls = el('input', '', '', { type: 'checkbox', id: 'walls' });
  const wallsLabel = el('label', '', ' isolation walls', { for: 'walls' });
  bar.append(crumbs, el('label', '', 'port ', { for: 'port-filter' }), port, walls, wallsLabel);
  const body = el('div', 'matrix-body');
  root.append(bar, body);
  if (data.matrix.note) root.append(el('p', 'note', data.matrix.note));
  port.addEventListener('change', () => store.set({ port: Number(port.value) || 0 }));
  walls.addEventListener('change', () => store.set({ walls: walls.checked }));
  const activate = (c: Cell): void => {
    if (c.drill !== null) store.set({ drill: c.drill, selection: c.select || store.get().selection });
    else if (c.select) store.set({ selection: c.select });
  };
  const render = (): void => {
    const st = store.get();
    port.value = st.port ? String(st.port) : '';
    walls.checked = st.walls;
    const level = levelOf(data, st.drill, st.port);
    crumbs.replaceChildren(...level.crumbs.map((c) => {
      const a = el('button', 'crumb', c.label);
      a.addEventListener('click', () => store.set({ drill: c.drill }));
      return a;
    }));
    body.replaceChildren(level.cells.length > MAX_CELLS ? drawCanvas(level, activate) : drawSvg(level, st.selection, st.walls, activate));
  };
  return { render };
}

const SIZE = 22;
const LABEL = 170;
const COL_OVERHANG = 90;

function drawSvg(level: Level, selection: string, walls: boolean, activate: (c: Cell) => void): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  // Column labels lean right at 60 degrees: room for the last one's overhang (26 characters at most).
  const w = LABEL + level.cols.length * SIZE + 4 + COL_OVERHANG;
  const h = LABEL + level.rows.length * SIZE + 4;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'matrix');
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h));
  const text = (x: number, y: number, s: string, cls: string, rotate = false): void => {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('class', cls);
    if (rotate) t.setAttribute('transform', `rotate(-60 ${x} ${y})`);
    t.textContent = s.length > 26 ? `${s.slice(0, 25)}…` : s;
    svg.append(t);
  };
  level.rows.forEach((r, i) => text(LABEL - 4, LABEL + i * SIZE + SIZE * 0.7, r, 'row-label'));
  level.cols.forEach((c, j) => text(LABEL + j * SIZE + SIZE * 0.6, LABEL - 4, c, 'col-label', true));
  for (const c of level.cells) {
    const r = document.createElementNS(ns, 'rect');
    r.setAttribute('x', String(LABEL + c.col * SIZE));
    r.setAttribute('y', String(LABEL + c.row * SIZE));
    r.setAttribute('width', String(SIZE - 2));
    r.setAttribute('height', String(SIZE - 2));
    r.setAttribute('class', `cell v-${c.verdict.replace('/', '')}${c.select && c.select === selection ? ' selected' : ''}`);
    r.setAttribute('data-verdict', c.verdict);
    r.setAttribute('tabindex', '0');
    if (c.select) r.setAttribute('data-select', c.select);
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${c.title} (${c.verdict})`;
    r.append(title);
    r.addEventListener('click', () => activate(c));
    r.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') activate(c);
    });
    svg.append(r);
    if (walls && c.wall) text(LABEL + c.col * SIZE + 6, LABEL + c.row * SIZE + 15, WALL_MARK[c.wall] ?? '?', 'wall');
  }
  return svg;
}

function drawCanvas(level: Level, activate: (c: Cell) => void): HTMLCanvasElement {
  const size = Math.max(2, Math.floor(900 / Math.max(level.rows.length, level.cols.length)));
  const canvas = el('canvas', 'matrix-canvas', '', { width: String(level.cols.length * size), height: String(level.rows.length * size) });
  const ctx = canvas.getContext('2d');
  const styles = getComputedStyle(document.body);
  for (const c of level.cells) {
    if (!ctx) break;
    ctx.fillStyle = styles.getPropertyValue(`--v-${c.verdict.replace('/', '')}`) || '#888';
    ctx.fillRect(c.col * size, c.row * size, size - (size > 3 ? 1 : 0), size - (size > 3 ? 1 : 0));
  }
  canvas.addEventListener('click', (ev) => {
    const rect = canvas.getBoundingClientRect();
    const col = Math.floor(((ev.clientX - rect.left) / rect.width) * level.cols.length);
    const row = Math.floor(((ev.clientY - rect.top) / rect.height) * level.rows.length);
    const cell = level.cells[row * level.cols.length + col];
    if (cell) activate(cell);
  });
  return canvas;
}
