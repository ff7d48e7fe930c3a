// plan: the contract of a sweep file — a base scenario, axes that set scenario fields by path (plain values,
// numeric ranges, or named variants setting several fields at once), seeds, and a cap on the points.
import type { SourceRef } from '../../lib/diagnostics.js';
import type { PValue } from '../../scenario/read/positioned.js';

/** One field set by a setting: the scenario path (`templates.tenant.nodes.count`) and the value. */
export interface Assignment {
  readonly path: string;
  readonly value: PValue;
  /** Where the assignment was written in the sweep file. */
  readonly src: SourceRef;
}

/** One value of an axis: its label in results, and the fields it sets. */
export interface AxisSetting {
  readonly label: string;
  /** The numeric value when the axis is numeric (a plot coordinate), else null. */
  readonly number: number | null;
  readonly assignments: readonly Assignment[];
}

export interface SweepAxis {
  readonly name: string;
  readonly settings: readonly AxisSetting[];
  readonly src: SourceRef;
}

export interface SweepSpec {
  /** The sweep file as given. */
  readonly file: string;
  /** The base scenario's path (resolved against the sweep file's folder). */
  readonly base: string;
  readonly seeds: readonly number[];
  readonly axes: readonly SweepAxis[];
  /** Refuse sweeps of more points than this (default 1,000). */
  readonly maxPoints: number;
  /** Run `check` (expectations and invariants) at every point (default true). */
  readonly check: boolean;
}

/** The default cap on points. */
export const DEFAULT_MAX_POINTS = 1000;
