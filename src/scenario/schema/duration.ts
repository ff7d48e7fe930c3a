// scenario: duration text into simulated milliseconds — Go-style `90s`, `5m`, `1h30m`, `250ms`, `1.5h`
// (units ms, s, m, h, as Kubernetes and Calico write them); a plain number means seconds.
import { limits } from '../../lib/limits.js';
import type { Millis } from '../types.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const PLAIN = /^\d+(?:\.\d+)?$/;

/** Milliseconds of a duration, or undefined when the text is not a duration. Rounded to whole ms. */
export function parseDuration(text: string | number): Millis | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text * 1000) : undefined;
  const t = text.trim();
  if (PLAIN.test(t)) return Math.round(Number(t) * 1000);
  if (!WHOLE.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(PART)) total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/** Why `ms` cannot be a simulated time (a horizon, `--until`, `--at`): past the limit; undefined when fine. */
export function simTimeProblem(ms: Millis): string | undefined {
  const max = limits().maxSimTime;
  if (ms <= max) return undefined;
  return `${showDuration(ms)} is later than the latest simulated time allowed, ${showDuration(max)} (raise it with --max-sim-time)`;
}

/** `8760h`, `90s`, `250ms`: the largest whole unit. */
function showDuration(ms: Millis): string {
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
