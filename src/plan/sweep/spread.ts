// plan: percentiles across seeds by nearest rank (p = ceil(q·n)-th smallest), nulls (unsettled) left out.
import type { Spread } from './point-result.js';

/** p50, p90 and max of the non-null values; all null when there are none. */
export function spreadOf(values: readonly (number | null)[]): Spread {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return { p50: null, p90: null, max: null };
  const rank = (q: number): number => xs[Math.max(0, Math.ceil(q * xs.length) - 1)]!;
  return { p50: rank(0.5), p90: rank(0.9), max: xs[xs.length - 1]! };
}
