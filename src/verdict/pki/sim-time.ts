// verdict: a simulated time (ms) as `2h0m0s`, `1m30s` or `45s` in certificate verdicts and listings.

/** Formats `ms` Go-duration style; Infinity is "never". */
export function simTime(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  const whole = Math.round(ms);
  const h = Math.floor(whole / 3_600_000);
  const m = Math.floor((whole % 3_600_000) / 60_000);
  const s = `${(whole % 60_000) / 1000}s`;
  return h > 0 ? `${h}h${m}m${s}` : m > 0 ? `${m}m${s}` : s;
}
