// Simulated times print like Go's time.Duration.String (known answers from Go's formatting), and a
// simple parser of that format reads every millisecond count back (property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSimTime } from '../../../src/emit/check/format-sim-time.js';

/** Reference reader of `1h2m3.5s` / `250ms` / `0s` back to milliseconds. */
function parseDuration(s: string): number {
  if (s.endsWith('ms')) return Number(s.slice(0, -2));
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)$/.exec(s);
  if (!m) throw new Error(`not a duration: ${s}`);
  return Number(m[1] ?? 0) * 3_600_000 + Number(m[2] ?? 0) * 60_000 + Math.round(Number(m[3] ?? 0) * 1000);
}

describe('formatSimTime', () => {
  it('matches Go durations', () => {
    const cases: [number, string][] = [
      [0, '0s'],
      [1, '1ms'],
      [250, '250ms'],
      [0.5, '0.5ms'],
      [1000, '1s'],
      [1500, '1.5s'],
      [59_999, '59.999s'],
      [60_000, '1m0s'],
      [90_000, '1m30s'],
      [120_500, '2m0.5s'],
      [3_600_000, '1h0m0s'],
      [3_605_000, '1h0m5s'],
      [90_061_001, '25h1m1.001s'],
    ];
    for (const [ms, text] of cases) expect(formatSimTime(ms), `${ms}`).toBe(text);
  });

  it('reads back to the same millisecond count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 24 * 3_600_000 }), (ms) => {
        expect(parseDuration(formatSimTime(ms))).toBe(ms);
      }),
    );
  });
});
