// plan: a limit as a function of growth — its value, and the use the platform would make of it when the
// axes grow by the given factors (growth 1 reproduces the measured use). Limits are built per platform.
import type { ClusterMeasure, PlatformMeasure } from './measures.js';
import type { Source } from './sources.js';
import type { Growth, LimitResult } from './types.js';

export interface LimitDef {
  readonly id: string;
  readonly group: LimitResult['group'];
  readonly name: string;
  readonly unit: string;
  readonly value: number | null;
  readonly at: string;
  readonly measured: boolean;
  readonly source: Source;
  /** Use when the axes grow by `g` (monotone non-decreasing in every factor). */
  readonly use: (g: Growth) => number;
  readonly note?: string;
}

/** What the limit builders read: the platform, its largest tenant (or the management cluster) and options. */
export interface LimitContext {
  readonly platform: PlatformMeasure;
  readonly tenant: ClusterMeasure;
  readonly management: ClusterMeasure | undefined;
  /** CPU cores per node, when given: pods per node is then min(maxPods, 10 × cores). */
  readonly cores?: number;
}

/** Scales a count by a factor, rounding up (a tenant of 40 nodes grown ×1.01 needs 41). */
export function grow(n: number, factor: number): number {
  return factor === 1 ? n : Math.ceil(n * factor - 1e-9);
}
