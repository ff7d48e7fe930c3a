// viz: the topology view — management hosts, tenants as collapsible groups (their underlay as a hull), VMs,
// route reflectors and external peers, BGP sessions coloured by state at the time cursor, load balancers
// with their members, the ingress controller with the nodes running its pods. At most MAX_MARKS shapes: sessions beyond it are drawn only for the selected node.
import { select, zoom, type Selection } from 'd3';
import { declutter } from './declutter.js';
import { stateNameAt, valueAt } from './replay.js';
import type { Store } from './store.js';
import type { VizData } from './viz-data.js';

export const MAX_MARKS = 2000;

/** Colour class of a session state. */
export function stateClass(name: string): string {
  return name === 'Established' ? 'st-est' : name === 'Down' ? 'st-down' : name === 'Idle' ? 'st-idle' : 'st-conn';
}

export function createTopology(root: HTMLElement, data: VizData, store: Store): { render: () => void } {
  const [w, h] = data.extent;
  const svg = select(root).append('svg').attr('class', 'topology').attr('viewBox', `0 0 ${w} ${h}`).attr('role', 'img').attr('aria-label', 'platform topology');
  const g = svg.append('g');
  svg.call(zoom<SVGSVGElement, unknown>().scaleExtent([0.2, 20]).on('zoom', (ev: { transform: { toString(): string } }) => g.attr('transform', ev.transform.toString())));
  const pick = (sel: string) => (ev: Event): void => {
    ev.stopPropagation();
    store.set({ selection: sel });
  };
  const render = (): void => {
    const st = store.get();
    const open = new Set(st.open);
    g.selectAll('*').remove();
    drawClusters(g, data, open, st.selection, (ci) => (ev: Event) => {
      ev.stopPropagation();
      const o = store.get().open;
      store.set({ selection: `cluster:${ci}`, open: o.includes(ci) ? o : [...o, ci].sort((a, b) => a - b) });
    });
    const visible = (n: number): boolean => open.has(data.nodes[n]!.cluster) || data.clusters[data.nodes[n]!.cluster]!.kind === 'management';
    drawSessions(g, data, st.time, visible, st.selection);
    drawNodes(g, data, st.time, visible, st.selection, (i) => pick(`node:${i}`));
    drawPeers(g, data, open, (i) => pick(`peer:${i}`));
    drawLoadBalancers(g, data, st.time, (i) => pick(`lb:${i}`));
    drawIngress(g, data, st.time, pick('ingress'));
    // Labels last, above every shape (with a halo), moved apart where they would overlap.
    const labels = g.append('g').attr('class', 'labels');
    const texts = g.selectAll<SVGTextElement, unknown>('text.label').nodes();
    for (const t of texts) labels.node()?.append(t);
    declutter(texts, g.selectAll<SVGGraphicsElement, unknown>('polygon.ingress, rect.lb, path.peer').nodes());
  };
  return { render };
}

type G = Selection<SVGGElement, unknown, null, undefined>;

function drawClusters(g: G, data: VizData, open: ReadonlySet<number>, selection: string, onClick: (ci: number) => (ev: Event) => void): void {
  data.clusters.forEach((c, ci) => {
    const expanded = open.has(ci) || c.kind === 'management';
    const grp = g.append('g').attr('class', `cluster ${c.kind} ${expanded ? 'open' : 'closed'}${selection === `cluster:${ci}` ? ' selected' : ''}`).attr('data-cluster', c.name);
    const count = data.nodes.filter((n) => n.cluster === ci).length;
    const under = c.underlay.vni !== null ? `VNI ${c.underlay.vni}` : `${c.underlay.kind} ${c.underlay.cidr}`;
    grp.append('circle').attr('class', `hull ${c.underlay.kind}`).attr('cx', c.x).attr('cy', c.y).attr('r', expanded ? c.r : Math.min(c.r, 18 + Math.sqrt(count) * 3)).on('click', onClick(ci));
    grp.append('text').attr('class', 'label').attr('x', c.x).attr('y', c.y - (expanded ? c.r : 18 + Math.sqrt(count) * 3) - 4).attr('text-anchor', 'middle').text(`${c.name} · ${under}`);
    grp.append('title').text(`${c.kind} ${c.name} (${c.placement}): ${count} nodes, underlay ${under}`);
    if (!expanded) grp.append('text').attr('class', 'count').attr('x', c.x).attr('y', c.y + 4).attr('text-anchor', 'middle').text(`${count} nodes`).on('click', onClick(ci));
  });
}

function drawSessions(g: G, data: VizData, t: number, visible: (n: number) => boolean, selection: string): void {
  const selNode = selection.startsWith('node:') ? Number(selection.slice(5)) : -1;
  const pairs = new Map<string, { a: number; b: number; state: string }>();
  for (const s of data.sessions) {
    if (s.peer < 0 || !visible(s.node) || !visible(s.peer)) continue;
    const key = s.node < s.peer ? `${s.node}-${s.peer}` : `${s.peer}-${s.node}`;
    const name = stateNameAt(data, s.states, t);
    const prev = pairs.get(key);
    // A session is drawn in the worse of its two ends' states.
    if (!prev || (prev.state === 'Established' && name !== 'Established')) pairs.set(key, { a: s.node, b: s.peer, state: name });
  }
  let list = [...pairs.values()];
  if (list.length > MAX_MARKS / 2) list = list.filter((p) => p.a === selNode || p.b === selNode);
  const layer = g.append('g').attr('class', 'sessions');
  for (const p of list) {
    const a = data.nodes[p.a]!;
    const b = data.nodes[p.b]!;
    layer.append('line').attr('class', `session ${stateClass(p.state)}`).attr('data-state', p.state).attr('data-a', a.name).attr('data-b', b.name).attr('x1', a.x).attr('y1', a.y).attr('x2', b.x).attr('y2', b.y).append('title').text(`${a.name} — ${b.name}: ${p.state}`);
  }
}

function drawNodes(g: G, data: VizData, t: number, visible: (n: number) => boolean, selection: string, onClick: (i: number) => (ev: Event) => void): void {
  const layer = g.append('g').attr('class', 'nodes');
  data.nodes.forEach((n, i) => {
    if (!visible(i)) return;
    const up = valueAt(n.up, t) === 1;
    const c = layer
      .append('circle')
      .attr('class', `node ${n.role}${n.reflector ? ' rr' : ''} ${up ? 'up' : 'down'}${selection === `node:${i}` ? ' selected' : ''}`)
      .attr('data-node', n.name)
      .attr('cx', n.x)
      .attr('cy', n.y)
      .attr('r', n.reflector ? 9 : 7)
      .attr('tabindex', '0')
      .on('click', onClick(i));
    c.append('title').text(`${n.name} ${n.ip} (${n.role}${n.reflector ? ', route reflector' : ''}${n.host >= 0 ? `, on ${data.nodes[n.host]!.name}` : ''}): ${up ? 'up' : 'down'}`);
  });
}

function drawPeers(g: G, data: VizData, open: ReadonlySet<number>, onClick: (i: number) => (ev: Event) => void): void {
  data.peers.forEach((p, i) => {
    if (!open.has(p.cluster) && data.clusters[p.cluster]!.kind !== 'management') return;
    g.append('path').attr('class', 'peer').attr('d', `M${p.x},${p.y - 8}L${p.x + 8},${p.y}L${p.x},${p.y + 8}L${p.x - 8},${p.y}Z`).on('click', onClick(i)).append('title').text(`external peer ${p.name} ${p.ip}`);
  });
}

function drawLoadBalancers(g: G, data: VizData, t: number, onClick: (i: number) => (ev: Event) => void): void {
  data.loadBalancers.forEach((lb, i) => {
    for (const m of lb.members) {
      const host = data.nodes[m.host];
      if (!host) continue;
      g.append('line').attr('class', `member ${valueAt(m.up, t) === 1 ? 'up' : 'down'}`).attr('x1', lb.x).attr('y1', lb.y).attr('x2', host.x).attr('y2', host.y);
    }
    g.append('rect').attr('class', 'lb').attr('x', lb.x - 10).attr('y', lb.y - 7).attr('width', 20).attr('height', 14).on('click', onClick(i)).append('title').text(`${lb.name} ${lb.vips.join(', ')}`);
    g.append('text').attr('class', 'label').attr('x', lb.x).attr('y', lb.y - 10).attr('text-anchor', 'middle').text(lb.name);
  });
}

/** The ingress controller (a hexagon) with a line to each node running one of its pods, up or down at `t`. */
function drawIngress(g: G, data: VizData, t: number, onClick: (ev: Event) => void): void {
  const ing = data.ingress;
  if (!ing) return;
  for (const n of ing.nodes) {
    const node = data.nodes[n]!;
    g.append('line').attr('class', `ingress-link ${valueAt(node.up, t) === 1 ? 'up' : 'down'}`).attr('x1', ing.x).attr('y1', ing.y).attr('x2', node.x).attr('y2', node.y);
  }
  const hex = [0, 1, 2, 3, 4, 5].map((k) => `${(ing.x + 10 * Math.cos((k * Math.PI) / 3)).toFixed(1)},${(ing.y + 10 * Math.sin((k * Math.PI) / 3)).toFixed(1)}`).join(' ');
  g.append('polygon').attr('class', 'ingress').attr('points', hex).attr('data-ingress', ing.name).attr('tabindex', '0').on('click', onClick).append('title').text(`ingress controller ${ing.namespace}/${ing.name} (class ${ing.className}): ${ing.service}`);
  g.append('text').attr('class', 'label').attr('x', ing.x).attr('y', ing.y - 13).attr('text-anchor', 'middle').text(ing.name);
}
