// emit: a simulated time in milliseconds as a Go-style duration (`0s`, `250ms`, `1.5s`, `1m30s`,
// `2h0m5s`) — the `t=` stamps of check and diff reports.

/** Formats `ms` (finite, non-negative) the way Go's time.Duration prints, at millisecond resolution. */
export function formatSimTime(ms: number): string {
  if (!Number.isFinite(ms)) return `${ms}`;
  if (ms < 0) return `-${formatSimTime(-ms)}`;
  if (ms === 0) return '0s';
  if (ms < 1000) return `${+ms.toFixed(3)}ms`;
  const whole = Math.round(ms);
  const h = Math.floor(whole / 3_600_000);
  const m = Math.floor((whole % 3_600_000) / 60_000);
  const s = `${(whole % 60_000) / 1000}s`;
  if (h > 0) return `${h}h${m}m${s}`;
  if (m > 0) return `${m}m${s}`;
  return s;
}
