// plan: the points of a sweep — the cartesian product of its axes' settings, the first axis outermost — and
// each point's scenario (the base with the point's fields set), loaded and validated like any scenario.
import { loadScenarios } from '../../scenario/load-scenario.js';
import type { Scenario } from '../../scenario/types.js';
import { applyAssignments } from './apply-assignments.js';
import type { AxisSetting, SweepSpec } from './sweep-spec.js';

/** One point: its index (row-major over the axes) and the setting it takes on each axis. */
export interface SweepPoint {
  readonly index: number;
  readonly settings: readonly AxisSetting[];
}

/** Number of points of `spec`. */
export function pointCount(spec: SweepSpec): number {
  return spec.axes.reduce((n, a) => n * a.settings.length, 1);
}

/** Point `index` of `spec` (0 ≤ index < pointCount). */
export function pointAt(spec: SweepSpec, index: number): SweepPoint {
  const settings: AxisSetting[] = [];
  let rest = index;
  for (let i = spec.axes.length - 1; i >= 0; i--) {
    const axis = spec.axes[i]!;
    settings.unshift(axis.settings[rest % axis.settings.length]!);
    rest = Math.floor(rest / axis.settings.length);
  }
  return { index, settings };
}

/** The scenario of a point; throws InputError (located in the sweep file where the point's values were written). */
export function pointScenario(spec: SweepSpec, point: SweepPoint): Scenario {
  const assignments = point.settings.flatMap((s) => s.assignments);
  return loadScenarios([spec.base], { transform: (doc, loader) => applyAssignments(doc, assignments, loader.sink) });
}
