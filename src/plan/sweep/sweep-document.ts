// plan: the merged outputs of a sweep — the results document (deterministic: same sweep, same bytes, however
// and wherever its points ran) and, apart, the timings document (wall time, memory, compile time per point).
import { basename } from 'node:path';
import type { PointResult, PointTiming } from './point-result.js';
import { pointCount } from './sweep-points.js';
import type { SweepSpec } from './sweep-spec.js';

/** Version tag of results.json. */
export const SWEEP_SCHEMA = 'calisim.sweep/v1';
/** Version tag of timings.json. */
export const TIMINGS_SCHEMA = 'calisim.sweep-timings/v1';

export interface SweepHeader {
  readonly file: string;
  readonly base: string;
  readonly seeds: readonly number[];
  readonly check: boolean;
  readonly points: number;
  readonly axes: readonly { readonly name: string; readonly labels: readonly string[]; readonly numeric: boolean }[];
}

export interface SweepDocument {
  readonly schema: typeof SWEEP_SCHEMA;
  readonly sweep: SweepHeader;
  readonly points: readonly PointResult[];
}

export interface TimingsDocument {
  readonly schema: typeof TIMINGS_SCHEMA;
  /** Everything here is measured on the machine that ran the point: it differs between runs. */
  readonly note: string;
  readonly points: readonly PointTiming[];
}

/** The header every output of `spec` shares (file names only, so it does not depend on where it ran). */
export function sweepHeader(spec: SweepSpec): SweepHeader {
  return {
    file: basename(spec.file),
    base: basename(spec.base),
    seeds: spec.seeds,
    check: spec.check,
    points: pointCount(spec),
    axes: spec.axes.map((a) => ({ name: a.name, labels: a.settings.map((s) => s.label), numeric: a.settings.every((s) => s.number !== null) })),
  };
}

/** The results document; `results` must hold every point, in any order (they are sorted by index). */
export function sweepDocument(header: SweepHeader, results: readonly PointResult[]): SweepDocument {
  return { schema: SWEEP_SCHEMA, sweep: header, points: [...results].sort((a, b) => a.index - b.index) };
}

/** The timings document, in point order. */
export function timingsDocument(timings: readonly PointTiming[]): TimingsDocument {
  return {
    schema: TIMINGS_SCHEMA,
    note: 'wall time, peak RSS and policy compile time as measured where each point ran; never part of results.json',
    points: [...timings].sort((a, b) => a.index - b.index),
  };
}
