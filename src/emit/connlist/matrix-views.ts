// emit: views of the connectivity matrix a query narrows — the verdicts of one protocol and port (`--port`
// with `--matrix`) and the part that concerns some workloads (`--focus-workload`).
import type { PolicyModel } from '../../model/policy/types.js';
import type { Evaluate } from './pair-conns.js';
import { matrixWorkloads, type ConnMatrix } from './matrix.js';

/** The matrix of one protocol and port: a cell is `PROTO port` when allowed ('' when denied), `self` on the diagonal. */
export function portMatrix(model: PolicyModel, evaluate: Evaluate, protocol: { name: string; number: number }, port: number): ConnMatrix {
  const ws = matrixWorkloads(model);
  const label = `${protocol.name} ${port}`;
  const cells: string[][] = [];
  const unknown: string[][] = [];
  for (const a of ws) {
    const row: string[] = [];
    const urow: string[] = [];
    for (const b of ws) {
      if (a === b) {
        row.push('self');
        urow.push('');
        continue;
      }
      const v = evaluate(model, { src: { endpoint: a.endpoints[0]! }, dst: { endpoint: b.endpoints[0]! }, protocol: protocol.number, dstPort: port });
      row.push(v.verdict === 'allow' ? label : '');
      urow.push(v.verdict === 'unknown' ? label : '');
    }
    cells.push(row);
    unknown.push(urow);
  }
  return { workloads: ws.map((w) => w.id), cells, unknown };
}

/** True when workload id `ns/name[Kind]` is named by `focus` (`name` or `ns/name`, as netpol-analyzer's --focusworkload). */
export function focusMatches(id: string, focus: readonly string[]): boolean {
  const bare = id.replace(/\[[^\]]*\]$/, '');
  const name = bare.slice(bare.indexOf('/') + 1);
  return focus.some((f) => f === bare || f === name || f === id);
}

/** The sub-matrix of the focused workloads and every workload that has traffic (or an unknown) to or from one. */
export function focusMatrix(m: ConnMatrix, focus: readonly string[]): ConnMatrix {
  const focused = m.workloads.map((w) => focusMatches(w, focus));
  const live = (i: number, j: number): boolean => (m.cells[i]![j] !== '' && m.cells[i]![j] !== 'self') || m.unknown[i]![j] !== '';
  const keep = m.workloads.map((_, i) => focused[i] || m.workloads.some((_, j) => focused[j] && (live(i, j) || live(j, i))));
  const idx = m.workloads.map((_, i) => i).filter((i) => keep[i]);
  return {
    workloads: idx.map((i) => m.workloads[i]!),
    cells: idx.map((i) => idx.map((j) => m.cells[i]![j]!)),
    unknown: idx.map((i) => idx.map((j) => m.unknown[i]![j]!)),
  };
}
