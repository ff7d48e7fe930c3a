// plan: the run's convergence records grouped by the instant of the change — a failure that takes a host
// down changes many speakers at once, and one line per instant (how many changes, the slowest that
// settled, how many were overtaken by a later change before settling) reads better than hundreds.
import type { PlatformMeasure } from './measures.js';

export interface ConvergenceGroup {
  readonly at: number;
  /** The first change's label at that instant. */
  readonly label: string;
  readonly changes: number;
  /** Slowest settled change (ms), null when none settled. */
  readonly slowestMs: number | null;
  /** Changes that never settled on their own (a later change came first). */
  readonly unsettled: number;
}

/** Groups `records` (in timeline order) by instant. */
export function convergenceGroups(records: PlatformMeasure['convergence']): ConvergenceGroup[] {
  const out: ConvergenceGroup[] = [];
  for (const r of records) {
    const last = out.at(-1);
    if (last !== undefined && last.at === r.at) {
      out[out.length - 1] = {
        ...last,
        changes: last.changes + 1,
        slowestMs: r.convergenceMs === null ? last.slowestMs : Math.max(last.slowestMs ?? 0, r.convergenceMs),
        unsettled: last.unsettled + (r.convergenceMs === null ? 1 : 0),
      };
    } else out.push({ at: r.at, label: r.label, changes: 1, slowestMs: r.convergenceMs, unsettled: r.convergenceMs === null ? 1 : 0 });
  }
  return out;
}
