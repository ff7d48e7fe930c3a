// viz: the matrix's cells at each drill-down level — clusters, then the namespaces of a cluster, then the
// workloads of two namespaces — with the port filter applied and aggregates over the cells below (counted
// in Node for clusters past the class limit: block-cells.ts).
import { blockCounts, blockOf, expandBlock } from './block-cells.js';
import type { VizBlockMatrix, VizClusterMatrix, VizData } from './viz-data.js';

/**
 * allow, deny, some (ports), mixed (a group of cells with more than one of these), unknown, self, n/a (no
 * data: the management cluster has no isolation pair).
 */
export type Verdict = 'allow' | 'deny' | 'some' | 'mixed' | 'unknown' | 'self' | 'n/a';

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

/** A class cell's verdict under the port filter (-1: a workload with itself). */
export function classVerdict(m: VizClusterMatrix, c: number, port: number): Verdict {
  if (c < 0) return 'self';
  const v = CODE[m.codes[c] ?? 'U'] ?? 'unknown';
  if (!port || v !== 'some') return v;
  return allowsPort(m.conns[c] ?? '', port) ? 'allow' : 'deny';
}

/** The class cell of workload cell k = i × n + j, or -1 on the diagonal. */
export function classCell(m: VizClusterMatrix, k: number): number {
  const n = m.workloads.length;
  const i = Math.floor(k / n);
  const j = k % n;
  return i === j ? -1 : m.classes[i]! * m.classCount + m.classes[j]!;
}

/** A workload cell's verdict under the port filter. */
export function cellVerdict(m: VizClusterMatrix, k: number, port: number): Verdict {
  return classVerdict(m, classCell(m, k), port);
}

/** The conns text of a workload cell ('' for all, none or self). */
export function cellConns(m: VizClusterMatrix, k: number): string {
  const c = classCell(m, k);
  return c < 0 ? '' : (m.conns[c] ?? '');
}

/**
 * How many workload cells (row in `rows`, column in `cols`, never a workload with itself) have each
 * verdict: counted per class pair (rows of class a × columns of class b), not per cell.
 */
export function verdictCounts(m: VizClusterMatrix, rows: readonly number[], cols: readonly number[], port: number): Map<Verdict, number> {
  const tally = (ws: readonly number[]): Map<number, number> => {
    const t = new Map<number, number>();
    for (const w of ws) t.set(m.classes[w]!, (t.get(m.classes[w]!) ?? 0) + 1);
    return t;
  };
  const rc = tally(rows);
  const cc = tally(cols);
  const inCols = new Set(cols);
  const both = tally(rows.filter((w) => inCols.has(w)));
  const out = new Map<Verdict, number>();
  for (const [a, x] of rc) {
    for (const [b, y] of cc) {
      const count = x * y - (a === b ? (both.get(a) ?? 0) : 0);
      if (count === 0) continue;
      const v = classVerdict(m, a * m.classCount + b, port);
      out.set(v, (out.get(v) ?? 0) + count);
    }
  }
  return out;
}

/** The verdict of a group of cells. */
export function aggregate(vs: Iterable<Verdict>): Verdict {
  const seen = new Set<Verdict>();
  for (const v of vs) if (v !== 'self') seen.add(v);
  if (seen.size === 0) return 'self';
  if (seen.has('unknown')) return 'unknown';
  if (seen.size === 1) return [...seen][0]!;
  return 'mixed';
}

const nsOf = (w: string): string => w.slice(0, w.indexOf('/'));

/** The cells of the level named by `drill`. */
export function levelOf(data: VizData, drill: string, port: number): Level {
  const parts = drill.split(':');
  const ci = parts[0]?.startsWith('c') ? Number(parts[0].slice(1)) : -1;
  const block = blockOf(data, ci);
  const m = block && parts.length >= 3 ? expandBlock(block) : data.matrix.clusters.find((x) => x.cluster === ci);
  const top = { label: 'clusters', drill: '' };
  if (block && parts.length < 3) return namespaceLevel(data, block, top);
  if (!m) return clusterLevel(data, port, top);
  // Cells past the class limit carry no port sets: the port filter does not apply to them.
  if (block) port = 0;
  const n = m.workloads.length;
  const cname = data.clusters[ci]!.name;
  if (parts.length < 3) {
    const nss = [...new Set(m.workloads.map(nsOf))];
    const members = new Map(nss.map((x) => [x, [] as number[]]));
    m.workloads.forEach((w, i) => members.get(nsOf(w))!.push(i));
    const cells = nss.flatMap((a, r) =>
      nss.map((b, c) => ({ row: r, col: c, verdict: aggregate(verdictCounts(m, members.get(a)!, members.get(b)!, port).keys()), select: '', drill: `c${ci}:${a}:${b}`, wall: null, title: `${cname}: ${a} → ${b}` })),
    );
    return { rows: nss, cols: nss, cells, crumbs: [top, { label: cname, drill: `c${ci}` }] };
  }
  const [, a, b] = parts as [string, string, string];
  const rows = m.workloads.map((w, i) => [w, i] as const).filter(([w]) => nsOf(w) === a);
  const cols = m.workloads.map((w, i) => [w, i] as const).filter(([w]) => nsOf(w) === b);
  const cells = rows.flatMap(([rw, i], r) =>
    cols.map(([cw, j], c) => {
      const k = i * n + j;
      return { row: r, col: c, verdict: cellVerdict(m, k, port), select: `cell:c${ci}:${k}`, drill: null, wall: null, title: `${rw} → ${cw}${cellConns(m, k) ? `: ${cellConns(m, k)}` : ''}` };
    }),
  );
  return { rows: rows.map(([w]) => w), cols: cols.map(([w]) => w), cells, crumbs: [top, { label: cname, drill: `c${ci}` }, { label: `${a} → ${b}`, drill }] };
}

/** The namespace × namespace level of a cluster past the class limit, from the counts written in Node. */
function namespaceLevel(data: VizData, b: VizBlockMatrix, top: { label: string; drill: string }): Level {
  const cname = data.clusters[b.cluster]!.name;
  const nss = b.namespaces;
  const cells = nss.flatMap((a, r) =>
    nss.map((x, c) => {
      const counts = blockCounts(b, r, c);
      const tally = [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
      return { row: r, col: c, verdict: aggregate(counts.keys()), select: '', drill: `c${b.cluster}:${a}:${x}`, wall: null, title: `${cname}: ${a} → ${x}${tally ? `: ${tally}` : ''}` };
    }),
  );
  return { rows: nss, cols: nss, cells, crumbs: [top, { label: cname, drill: `c${b.cluster}` }] };
}

function clusterLevel(data: VizData, port: number, top: { label: string; drill: string }): Level {
  const names = data.clusters.map((c) => c.name);
  const cells: Cell[] = [];
  data.clusters.forEach((_, i) =>
    data.clusters.forEach((__, j) => {
      if (i === j) {
        const m = data.matrix.clusters.find((x) => x.cluster === i);
        const all = m ? m.workloads.map((_w, k) => k) : [];
        const block = blockOf(data, i);
        const v = m ? aggregate(verdictCounts(m, all, all, port).keys()) : block ? aggregate(blockCounts(block, -1, -1).keys()) : 'n/a';
        const drawn = m !== undefined || block !== undefined;
        cells.push({ row: i, col: j, verdict: v, select: `cluster:${i}`, drill: drawn ? `c${i}` : null, wall: null, title: `${names[i]} → itself${drawn ? '' : ': no workload matrix'}` });
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
