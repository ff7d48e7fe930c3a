// emit: the workload × workload connectivity matrix grouped by namespace — text (a symbol grid with a
// legend), CSV (full port sets) and JSON — computed with any policy evaluator.
import type { PolicyModel } from '../../model/policy/types.js';
import { pairConns, type ClassOf, type Evaluate } from './pair-conns.js';
import { groupWorkloads, type Workload } from '../../verdict/policy/workloads.js';

export interface ConnMatrix {
  /** Workload ids sorted by namespace then name (the row and column order). */
  readonly workloads: readonly string[];
  /** `cells[i][j]`: conns from workload i to j (`All Connections`, `TCP 80`, '' = none, `self`). */
  readonly cells: readonly (readonly string[])[];
  /** Same shape: the undecidable ports ('' when none). */
  readonly unknown: readonly (readonly string[])[];
}

/**
 * Computes the matrix (the diagonal is `self`: traffic within one workload is not analysed); `classOf` lets
 * pairs of the same identity classes share one evaluation.
 */
export function connMatrix(model: PolicyModel, evaluate: Evaluate, classOf?: ClassOf): ConnMatrix {
  const ws: Workload[] = matrixWorkloads(model);
  const conns = pairConns(model, evaluate, ws.map((w) => ({ endpoint: w.endpoints[0] as number })), classOf);
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
      const c = conns({ endpoint: a.endpoints[0] as number }, { endpoint: b.endpoints[0] as number });
      row.push(c.allowed);
      urow.push(c.unknown);
    }
    cells.push(row);
    unknown.push(urow);
  }
  return { workloads: ws.map((w) => w.id), cells, unknown };
}

function symbol(cell: string, unknown: string): string {
  if (cell === 'self') return '\\';
  if (unknown !== '') return '?';
  if (cell === '') return '.';
  return cell === 'All Connections' ? 'A' : 'P';
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Renders the matrix as `text`, `csv` or `json`. */
export function formatMatrix(m: ConnMatrix, format: 'text' | 'csv' | 'json'): string {
  if (format === 'json') {
    const rows: Record<string, Record<string, string>> = {};
    m.workloads.forEach((src, i) => {
      const row: Record<string, string> = {};
      m.workloads.forEach((dst, j) => {
        const cell = m.cells[i]?.[j] ?? '';
        if (i !== j && cell !== '') row[dst] = cell;
      });
      rows[src] = row;
    });
    return `${JSON.stringify({ workloads: m.workloads, matrix: rows }, null, 2)}\n`;
  }
  if (format === 'csv') {
    const head = ['from \\ to', ...m.workloads].map(csvField).join(',');
    const body = m.workloads.map((src, i) => [src, ...(m.cells[i] ?? [])].map(csvField).join(','));
    return `${[head, ...body].join('\n')}\n`;
  }
  const width = String(m.workloads.length).length;
  const lines = ['Legend: A all connections, P some ports, . none, ? undecidable, \\ self; rows: from, columns: to', ''];
  // Column numbers written top to bottom over their column (rows carry the same numbers).
  for (let d = width - 1; d >= 0; d--) {
    const digits = m.workloads.map((_, j) => (j + 1 >= 10 ** d ? String(Math.floor((j + 1) / 10 ** d) % 10) : ' ')).join('');
    lines.push(`  ${' '.repeat(width)} ${digits}`.trimEnd());
  }
  let ns = '';
  m.workloads.forEach((w, i) => {
    const thisNs = w.split('/')[0] ?? '';
    if (thisNs !== ns) {
      ns = thisNs;
      lines.push(`namespace ${ns}:`);
    }
    const row = (m.cells[i] ?? []).map((c, j) => symbol(c, m.unknown[i]?.[j] ?? '')).join('');
    lines.push(`  ${String(i + 1).padStart(width)} ${row}  ${w}`);
  });
  return `${lines.join('\n')}\n`;
}

/** The matrix's rows and columns: workloads by namespace, then by name. */
export function matrixWorkloads(model: PolicyModel): Workload[] {
  return groupWorkloads(model).sort((a, b) => (a.namespace !== b.namespace ? (a.namespace < b.namespace ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
