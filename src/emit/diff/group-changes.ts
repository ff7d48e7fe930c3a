// emit: the connection changes of a diff report grouped for reading — sections (newly allowed, newly
// denied, to/from unknown), then cluster → destination namespace → workload → protocol/port, sources
// sorted; every level in code-unit order so the output is byte-identical for equal reports.
import type { ChangeKind, ConnectionChange, DiffReport } from '../../verdict/check/types.js';

/** Section order and headings. */
export const SECTIONS: readonly { readonly kind: ChangeKind; readonly title: string }[] = [
  { kind: 'newly-allowed', title: 'Newly allowed' },
  { kind: 'newly-denied', title: 'Newly denied' },
  { kind: 'to-unknown', title: 'Changed to unknown' },
  { kind: 'from-unknown', title: 'Changed from unknown' },
];

export interface PortGroup {
  /** `TCP 8080`, `UDP 53-60`, `TCP all`. */
  readonly port: string;
  readonly changes: readonly ConnectionChange[];
}
export interface WorkloadGroup {
  /** `backend[Deployment]`. */
  readonly workload: string;
  readonly ports: readonly PortGroup[];
}
export interface NamespaceGroup {
  readonly namespace: string;
  readonly workloads: readonly WorkloadGroup[];
}
export interface ClusterGroup {
  readonly cluster: string;
  readonly namespaces: readonly NamespaceGroup[];
}
export interface Section {
  readonly kind: ChangeKind;
  readonly title: string;
  readonly count: number;
  readonly clusters: readonly ClusterGroup[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `shop/frontend[Deployment]` or the address. */
export function sourceText(c: ConnectionChange): string {
  return 'address' in c.from ? c.from.address : `${c.from.namespace}/${c.from.workload}[${c.from.kind}]`;
}

/** Numeric start of a port text (`all` first), for ordering ports by number rather than by text. */
function portStart(ports: string): number {
  const n = Number.parseInt(ports, 10);
  return Number.isNaN(n) ? -1 : n;
}

function comparePorts(a: ConnectionChange, b: ConnectionChange): number {
  return cmp(a.protocol, b.protocol) || portStart(a.ports) - portStart(b.ports) || cmp(a.ports, b.ports);
}

/** Groups consecutive items with equal keys (items are sorted by that key first). */
function runs<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const out: [string, T[]][] = [];
  for (const it of items) {
    const k = key(it);
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === k) last[1].push(it);
    else out.push([k, [it]]);
  }
  return out;
}

function sortChanges(list: readonly ConnectionChange[]): ConnectionChange[] {
  return [...list].sort(
    (a, b) =>
      cmp(a.cluster, b.cluster) ||
      cmp(a.to.namespace, b.to.namespace) ||
      cmp(a.to.workload, b.to.workload) ||
      cmp(a.to.kind, b.to.kind) ||
      comparePorts(a, b) ||
      cmp(sourceText(a), sourceText(b)) ||
      Number(a.staged === true) - Number(b.staged === true),
  );
}

/** The non-empty sections in fixed order, each grouped cluster → namespace → workload → port. */
export function groupChanges(d: DiffReport): Section[] {
  const out: Section[] = [];
  for (const s of SECTIONS) {
    const sorted = sortChanges(d.changes.filter((c) => c.change === s.kind));
    if (sorted.length === 0) continue;
    const clusters = runs(sorted, (c) => c.cluster).map(([cluster, inCluster]) => ({
      cluster,
      namespaces: runs(inCluster, (c) => c.to.namespace).map(([namespace, inNs]) => ({
        namespace,
        workloads: runs(inNs, (c) => `${c.to.workload}[${c.to.kind}]`).map(([workload, inWl]) => ({
          workload,
          ports: runs(inWl, (c) => `${c.protocol} ${c.ports}`).map(([port, changes]) => ({ port, changes })),
        })),
      })),
    }));
    out.push({ kind: s.kind, title: s.title, count: sorted.length, clusters });
  }
  return out;
}
