// plan: which capped limit is crossed first as one axis grows with the others held — a doubling search
// then a bisection over the axis value (every limit's use is monotone in every axis).
import type { LimitDef } from './limit-def.js';
import { NO_GROWTH, type Axis, type AxisBinding } from './types.js';

/** The search stops at this multiple of the current value. */
const MAX_FACTOR = 1_000_000;

/** The first capped limit exceeded as `axis` grows from `current` (a limit already exceeded binds at once). */
export function axisBinding(limits: readonly LimitDef[], axis: Axis, current: number): AxisBinding {
  const capped = limits.filter((l) => l.value !== null);
  const base = Math.max(1, current);
  const over = (v: number): LimitDef | undefined => capped.find((l) => l.use({ ...NO_GROWTH, [axis]: v / base }) > l.value!);
  let hi = base;
  while (over(hi) === undefined) {
    if (hi >= base * MAX_FACTOR) return { axis, current, bindsAt: null, limit: null, limitName: null };
    hi *= 2;
  }
  let lo = hi === base ? base - 1 : hi / 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (over(mid) === undefined) lo = mid;
    else hi = mid;
  }
  const limit = over(hi)!;
  return { axis, current, bindsAt: hi, limit: limit.id, limitName: limit.name };
}
