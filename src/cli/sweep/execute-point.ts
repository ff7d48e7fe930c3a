// cli: runs one point of a sweep file in this process, as every driver does (local worker processes,
// BullMQ workers, Kubernetes Job pods): read the sweep (cached per file), load the point's scenario, run it
// with the machine's clock and memory gauge.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PointOutcome } from '../../plan/sweep/point-result.js';
import { runPoint } from '../../plan/sweep/run-point.js';
import { pointAt, pointCount, pointScenario } from '../../plan/sweep/sweep-points.js';
import type { SweepSpec } from '../../plan/sweep/sweep-spec.js';
import { readSweep } from '../../plan/sweep/read-sweep.js';
import { UsageError } from '../usage-error.js';

const specs = new Map<string, SweepSpec>();

/** The sweep of `file`, read once per process. */
export function sweepOf(file: string): SweepSpec {
  let s = specs.get(file);
  if (s === undefined) {
    s = readSweep(file);
    specs.set(file, s);
  }
  return s;
}

/** Point `index` of the sweep in `file`, fully simulated. */
export function executePoint(file: string, index: number): PointOutcome {
  const spec = sweepOf(file);
  const n = pointCount(spec);
  if (!Number.isInteger(index) || index < 0 || index >= n) throw new UsageError(`--index ${index}: the sweep ${file} has points 0..${n - 1}`);
  const point = pointAt(spec, index);
  return runPoint(spec, point, pointScenario(spec, point), { now: () => performance.now(), rssBytes: () => process.memoryUsage.rss() });
}

/** A digest of the sweep file and its base scenario: workers and merges refuse points of another sweep. */
export function sweepDigest(spec: SweepSpec): string {
  return createHash('sha256').update(readFileSync(spec.file)).update('\0').update(readFileSync(spec.base)).digest('hex').slice(0, 16);
}
