// emit: a sweep's results as CSV (one row per point: its axis labels and the headline figures) and its
// timings as a separate CSV, so results.csv, like results.json, is the same bytes wherever points ran.
import type { SweepDocument, TimingsDocument } from '../../plan/sweep/sweep-document.js';

/** results.csv: index, one column per axis, then the figures of each point. */
export function renderSweepCsv(doc: SweepDocument): string {
  const axes = doc.sweep.axes.map((a) => a.name);
  const head = [
    'index',
    ...axes,
    'tenants',
    'nodes',
    'pods_per_node',
    'bgp_mode',
    'sessions_per_node',
    'sessions_per_node_median',
    'routes_per_node',
    'ipam_used',
    'ipam_capacity',
    'ipam_borrowed',
    'ipam_exhausted',
    'pods_pending',
    'policies',
    'felix_rules',
    'matrix_classes',
    'convergence_p50_ms',
    'convergence_p90_ms',
    'convergence_max_ms',
    'blackhole_ms_max',
    'check_failed',
    'first_limit',
    'tightest_limit',
    'tightest_ratio',
  ];
  const rows = doc.points.map((p) => {
    const failures = p.convergence.slice(1);
    const worst = (k: 'p50' | 'p90' | 'max'): number | null => failures.reduce<number | null>((m, c) => (c[k] === null ? m : Math.max(m ?? 0, c[k]!)), null);
    return [
      p.index,
      ...axes.map((a) => p.params[a] ?? ''),
      p.shape.tenants,
      p.shape.nodes,
      p.shape.podsPerNode,
      p.shape.bgpMode,
      p.bgp.sessionsPerNode,
      p.bgp.sessionsPerNodeMedian,
      p.bgp.routesPerNode,
      p.ipam.used,
      p.ipam.capacity,
      p.ipam.borrowed,
      p.ipam.exhausted,
      p.ipam.podsPending,
      p.policy.policies,
      p.policy.felixRules,
      p.policy.matrixClasses,
      worst('p50'),
      worst('p90'),
      worst('max'),
      p.blackholes.ms.max,
      p.check?.failed ?? '',
      p.firstLimit ?? '',
      p.tightest?.id ?? '',
      p.tightest?.ratio ?? '',
    ];
  });
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** timings.csv: index, wall time, peak RSS and compile time per point. */
export function renderTimingsCsv(doc: TimingsDocument): string {
  return ['index,wall_ms,peak_rss_mb,compile_ms', ...doc.points.map((t) => `${t.index},${t.wallMs},${t.peakRssMb},${t.compileMs}`)].join('\n') + '\n';
}

/** A CSV cell (RFC 4180 quoting when needed; empty for null). */
function cell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
