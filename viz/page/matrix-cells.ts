// viz: the matrix's cells at each drill-down level — clusters, then the namespaces of a cluster, then the
// workloads of two namespaces — with the port filter applied and aggregates over the cells below.
import type { VizClusterMatrix, VizData } from './viz-data.js';

/** allow, deny, some (ports), unknown, self, n/a (no data: the management cluster has no isolation pair). */
export type Verdict = 'allow' | 'deny' | 'some' | 'unknown' | 'self' | 'n/a';

export interface Cell {
  readonly row: number;
  readonly col: number;
  readonly verdict: Verdict;
  /** Selection string of the cell (or of the level it drills into). */
  readonly select: string;
  readonly drill: string | null;
  readonly wall: string | null;
  readonly title: string;
}

export interface Level {
  readonly rows: readonly string[];
  readonly cols: readonly string[];
  readonly cells: readonly Cell[];
  readonly crumbs: readonly { label: string; drill: string }[];
}

const CODE: Readonly<Record<string, Verdict>> = { A: 'allow', P: 'some', D: 'deny', U: 'unknown', S: 'self' };

/** Whether TCP `port` is in a conns text such as `TCP 80,8000-8080,UDP 53`. */
export function allowsPort(conns: string, port: number): boolean {
  let proto = '';
  for (const raw of conns.split(';')[0]!.split(',')) {
    const tok = raw.trim();
    const sp = tok.indexOf(' ');
    const range = sp >= 0 ? ((proto = tok.slice(0, sp)), tok.slice(sp + 1)) : tok;
    if (proto !== 'TCP') continue;
    const [lo, hi] = range.split('-').map(Number);
    if (lo !== undefined && port >= lo && port <= (hi ?? lo)) return true;
  }
  return false;
}

/** A workload cell's verdict under the port filter. */
export function cellVerdict(m: VizClusterMatrix, k: number, port: number): Verdict {
  const v = CODE[m.codes[k] ?? 'U'] ?? 'unknown';
  if (!port || v !== 'some') return v;
  return allowsPort(m.conns[k] ?? '', port) ? 'allow' : 'deny';
}

/** The verdict of a group of cells. */
export function aggregate(vs: Iterable<Verdict>): Verdict {
  const seen = new Set<Verdict>();
  for (const v of vs) if (v !== 'self') seen.add(v);
  if (seen.size === 0) return 'self';
  if (seen.has('unknown')) return 'unknown';
  if (seen.size === 1) return [...seen][0]!;
  return 'some';
}

const nsOf = (w: string): string => w.slice(0, w.indexOf('/'));

/** The cells of the level named by `drill`. */
export function levelOf(data: VizData, drill: string, port: number): Level {
  const parts = drill.split(':');
  const ci = parts[0]?.startsWith('c') ? Number(parts[0].slice(1)) : -1;
  const m = data.matrix.clusters.find((x) => x.cluster === ci);
  const top = { label: 'clusters', drill: '' };
  if (!m) return clusterLevel(data, port, top);
  const n = m.workloads.length;
  const cname = data.clusters[ci]!.name;
  if (parts.length < 3) {
    const nss = [...new Set(m.workloads.map(nsOf))];
    const index = new Map(nss.map((x, i) => [x, i]));
    const groups = nss.map(() => nss.map(() => [] as Verdict[]));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) groups[index.get(nsOf(m.workloads[i]!))!]![index.get(nsOf(m.workloads[j]!))!]!.push(cellVerdict(m, i * n + j, port));
    const cells = nss.flatMap((a, r) => nss.map((b, c) => ({ row: r, col: c, verdict: aggregate(groups[r]![c]!), select: '', drill: `c${ci}:${a}:${b}`, wall: null, title: `${cname}: ${a} → ${b}` })));
    return { rows: nss, cols: nss, cells, crumbs: [top, { label: cname, drill: `c${ci}` }] };
  }
  const [, a, b] = parts as [string, string, string];
  const rows = m.workloads.map((w, i) => [w, i] as const).filter(([w]) => nsOf(w) === a);
  const cols = m.workloads.map((w, i) => [w, i] as const).filter(([w]) => nsOf(w) === b);
  const cells = rows.flatMap(([rw, i], r) =>
    cols.map(([cw, j], c) => {
      const k = i * n + j;
      return { row: r, col: c, verdict: cellVerdict(m, k, port), select: `cell:c${ci}:${k}`, drill: null, wall: null, title: `${rw} → ${cw}${m.conns[k] ? `: ${m.conns[k]}` : ''}` };
    }),
  );
  return { rows: rows.map(([w]) => w), cols: cols.map(([w]) => w), cells, crumbs: [top, { label: cname, drill: `c${ci}` }, { label: `${a} → ${b}`, drill }] };
}

function clusterLevel(data: VizData, port: number, top: { label: string; drill: string }): Level {
  const names = data.clusters.map((c) => c.name);
  const cells: Cell[] = [];
  data.clusters.forEach((_, i) =>
    data.clusters.forEach((__, j) => {
      if (i === j) {
        const m = data.matrix.clusters.find((x) => x.cluster === i);
        const v = m ? aggregate([...m.codes].map((_c, k) => cellVerdict(m, k, port))) : 'n/a';
        cells.push({ row: i, col: j, verdict: v, select: `cluster:${i}`, drill: m ? `c${i}` : null, wall: null, title: `${names[i]} → itself${m ? '' : ': no workload matrix'}` });
        return;
      }
      const t = data.matrix.tenants.find((x) => x.from === i && x.to === j);
      cells.push({
        row: i,
        col: j,
        verdict: t ? (t.verdict as Verdict) : 'n/a',
        select: t ? `tenants:${i}:${j}` : '',
        drill: null,
        wall: t?.wall ?? null,
        title: `${names[i]} → ${names[j]}${t ? (t.wall ? `: isolated by the ${t.wall}` : ': NOT isolated') : ': not an isolation pair'}`,
      });
    }),
  );
  return { rows: names, cols: names, cells, crumbs: [top] };
}
