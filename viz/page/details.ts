// viz: the details panel — what the selection is at the time cursor: a node's state, sessions, routes,
// IPAM blocks and pods; a tenant's namespaces and workloads; a matrix cell's verdict with both sides'
// deciding tier, policy and rule (file and line), as `calisim reach --format json` reports them.
import { el, formatTime, section } from './dom.js';
import { blockOf, expandBlock } from './block-cells.js';
import { cellConns, cellVerdict } from './matrix-cells.js';
import { stateNameAt, valueAt } from './replay.js';
import type { Store } from './store.js';
import type { VizData, VizProbe, VizSide } from './viz-data.js';

export function createDetails(root: HTMLElement, data: VizData, store: Store): { render: () => void } {
  const render = (): void => {
    const st = store.get();
    const [kind, ...rest] = st.selection.split(':');
    const parts: HTMLElement[] = [];
    if (kind === 'node') parts.push(...nodeDetails(data, Number(rest[0]), st.time));
    else if (kind === 'cluster') parts.push(...clusterDetails(data, Number(rest[0]), store));
    else if (kind === 'cell') parts.push(...cellDetails(data, Number(rest[0]!.slice(1)), Number(rest[1]), store));
    else if (kind === 'tenants') parts.push(...tenantPairDetails(data, Number(rest[0]), Number(rest[1]), store));
    else if (kind === 'peer') parts.push(el('h2', '', `external peer ${data.peers[Number(rest[0])]?.name ?? ''}`), el('p', '', data.peers[Number(rest[0])]?.ip ?? ''));
    else if (kind === 'lb') parts.push(...lbDetails(data, Number(rest[0]), st.time));
    else if (kind === 'ingress') parts.push(...ingressDetails(data, st.time));
    else if (kind === 'pod') parts.push(...podDetails(data, rest.join(':'), store));
    else parts.push(el('p', 'hint', 'Click a node, a tenant or a matrix cell; drag on the timeline to move in time.'));
    root.replaceChildren(...parts);
  };
  return { render };
}

function nodeDetails(data: VizData, i: number, t: number): HTMLElement[] {
  const n = data.nodes[i];
  if (!n) return [];
  const up = valueAt(n.up, t) === 1;
  const peerName = (p: number): string => (p >= 0 ? data.nodes[p]!.name : data.peers[-1 - p]!.name);
  const sessions = data.sessions.filter((s) => s.node === i).map((s) => `${peerName(s.peer)} (${s.kind}): ${stateNameAt(data, s.states, t)}`);
  return [
    el('h2', '', n.name),
    el('p', '', `${n.role}${n.reflector ? ', route reflector' : ''}, ${n.ip}${n.host >= 0 ? `, on host ${data.nodes[n.host]!.name}` : ''}; ${up ? 'up' : 'down'} at ${formatTime(t)}`, { 'data-node-state': up ? 'up' : 'down' }),
    section('BGP sessions', sessions, 'node-sessions'),
    section(`best paths at ${formatTime(data.at)}`, n.routes.map((r) => `${r.prefix} via ${r.nextHop} from ${r.peer}`)),
    section('IPAM blocks', n.blocks),
    section('pods', n.pods, 'node-pods'),
  ];
}

function clusterDetails(data: VizData, ci: number, store: Store): HTMLElement[] {
  const c = data.clusters[ci];
  if (!c) return [];
  const toggle = el('button', '', store.get().open.includes(ci) ? 'collapse' : 'expand');
  toggle.addEventListener('click', () => {
    const o = store.get().open;
    store.set({ open: o.includes(ci) ? o.filter((x) => x !== ci) : [...o, ci].sort((a, b) => a - b) });
  });
  const list = c.namespaces.map((ns) => `${ns.name}: ${ns.workloads.map((w) => `${w.name} (${w.kind}, ${w.pods} pods)`).join(', ') || 'no workloads'}`);
  return [el('h2', '', `${c.kind} ${c.name}`), el('p', '', `${c.placement}; underlay ${c.underlay.kind} ${c.underlay.cidr}${c.underlay.vni !== null ? ` VNI ${c.underlay.vni}` : ''}`), toggle, section('namespaces', list, 'namespaces')];
}

function sideBox(data: VizData, title: string, i: number): HTMLElement {
  const s: VizSide | undefined = data.matrix.sides[i];
  const box = el('section', `side ${title}`);
  box.append(el('h3', '', title));
  if (!s) {
    box.append(el('p', '', 'not recorded'));
    return box;
  }
  const dl = el('dl');
  const row = (k: string, v: string | number | null, key: string): void => {
    if (v === null || v === '') return;
    dl.append(el('dt', '', k), el('dd', '', String(v), { 'data-field': key }));
  };
  row('action', s.action, 'action');
  row('decided by', s.decided, 'decided');
  row('endpoint', s.endpoint, 'endpoint');
  row('tier', s.tier, 'tier');
  row('policy', s.policy, 'policy');
  row('rule', s.ruleIndex, 'rule');
  row('at', s.file !== null ? `${s.file}:${s.line}` : null, 'location');
  for (const r of s.reasons) dl.append(el('dd', 'reason', r));
  box.append(dl);
  if (s.trail.length) box.append(section('policies consulted', s.trail, 'trail'));
  return box;
}

function probeBoxes(data: VizData, p: VizProbe, store: Store): HTMLElement[] {
  const out: HTMLElement[] = [el('p', 'probe', `${p.protocol}${p.port !== null ? ` ${p.port}` : ''} from ${p.from} to ${p.to}: ${p.verdict}`, { 'data-from': p.from, 'data-to': p.to, 'data-protocol': p.protocol, 'data-port': String(p.port ?? '') })];
  if (p.egress >= 0 || p.ingress >= 0) out.push(sideBox(data, 'egress', p.egress), sideBox(data, 'ingress', p.ingress));
  if (p.trace >= 0) {
    const b = el('button', '', 'show the trace');
    b.addEventListener('click', () => store.set({ view: 'trace', selection: `trace:${p.trace}` }));
    out.push(b);
  }
  return out;
}

function cellDetails(data: VizData, ci: number, k: number, store: Store): HTMLElement[] {
  const block = blockOf(data, ci);
  const m = block ? expandBlock(block) : data.matrix.clusters.find((x) => x.cluster === ci);
  if (!m) return [];
  const n = m.workloads.length;
  const from = m.workloads[Math.floor(k / n)]!;
  const to = m.workloads[k % n]!;
  const out: HTMLElement[] = [el('h2', '', `${from} → ${to}`), el('p', '', `${data.clusters[ci]!.name}: ${cellConns(m, k) || ({ allow: 'all connections', deny: 'no connection', self: 'self', some: 'some ports', unknown: 'unknown' } as Record<string, string>)[cellVerdict(m, k, 0)] || ''}`)];
  if (block) out.push(el('p', 'note', `${data.clusters[ci]!.name} has too many identity classes for the page to explain each cell or list its ports: calisim reach --from --to explains a pair`));
  const p = m.probes[k];
  if (p) out.push(...probeBoxes(data, p, store));
  return out;
}

function tenantPairDetails(data: VizData, i: number, j: number, store: Store): HTMLElement[] {
  const t = data.matrix.tenants.find((x) => x.from === i && x.to === j);
  if (!t) return [];
  const out: HTMLElement[] = [el('h2', '', `${data.clusters[i]!.name} → ${data.clusters[j]!.name}`), el('p', '', t.wall ? `isolated: the ${t.wall} stops pods of ${data.clusters[i]!.name} reaching pods of ${data.clusters[j]!.name}` : 'NOT isolated')];
  if (t.probe) out.push(...probeBoxes(data, { ...t.probe, egress: -1, ingress: -1 }, store));
  for (const r of t.rules) out.push(sideBox(data, r.side, r.index));
  return out;
}

function lbDetails(data: VizData, i: number, t: number): HTMLElement[] {
  const lb = data.loadBalancers[i];
  if (!lb) return [];
  return [el('h2', '', lb.name), section('VIPs', lb.vips), section('members', lb.members.map((m) => `${m.label}: ${valueAt(m.up, t) === 1 ? 'up' : 'down'}`))];
}

function ingressDetails(data: VizData, t: number): HTMLElement[] {
  const ing = data.ingress;
  if (!ing) return [];
  const nodes = ing.nodes.map((n) => `${data.nodes[n]!.name}: ${valueAt(data.nodes[n]!.up, t) === 1 ? 'up' : 'down'}`);
  const lbs = data.loadBalancers.map((lb) => `${lb.name}: ${lb.vips.join(', ')}`);
  return [el('h2', '', `ingress controller ${ing.namespace}/${ing.name}`), el('p', '', `IngressClass ${ing.className}; Service ${ing.service}`), section(`pods' nodes at ${formatTime(data.at)}`, nodes, 'ingress-nodes'), section('fronted by', lbs)];
}

function podDetails(data: VizData, ref: string, store: Store): HTMLElement[] {
  const ni = data.nodes.findIndex((n) => n.pods.some((p) => p.split(' ')[0] === ref.slice(ref.indexOf('/') + 1) && data.clusters[n.cluster]!.name === ref.slice(0, ref.indexOf('/'))));
  const n = data.nodes[ni];
  if (!n) return [el('h2', '', ref), el('p', '', 'not running at the cursor\'s start')];
  const line = n.pods.find((p) => p.split(' ')[0] === ref.slice(ref.indexOf('/') + 1)) ?? '';
  const b = el('button', '', `show node ${n.name}`);
  b.addEventListener('click', () => store.set({ selection: `node:${ni}` }));
  return [el('h2', 'pod-name', ref), el('p', '', `pod ${line.split(' ')[1] ?? ''} on ${n.name}`, { 'data-pod-node': n.name }), b];
}
