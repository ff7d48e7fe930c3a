// cli: a sweep file read and every point's scenario validated before anything runs, so a bad axis value is
// reported (file, line, field) with nothing half-written; the size of the sweep said before it starts.
import { InputError, type Diagnostic } from '../../lib/diagnostics.js';
import { pointAt, pointCount, pointScenario } from '../../plan/sweep/sweep-points.js';
import type { SweepSpec } from '../../plan/sweep/sweep-spec.js';
import { readSweep } from '../../plan/sweep/read-sweep.js';

/** Reads `file` (with `maxPoints` overriding the file's cap) and validates every point. */
export function loadSweep(file: string, maxPoints?: number): SweepSpec {
  const spec = readSweep(file, maxPoints);
  const n = pointCount(spec);
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    try {
      pointScenario(spec, pointAt(spec, i));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const d of err.diagnostics) {
        const key = `${d.file}:${d.line}:${d.col}:${d.path}:${d.message}`;
        if (!seen.has(key)) problems.push({ ...d, message: `${d.message} (point ${i})` });
        seen.add(key);
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return spec;
}
