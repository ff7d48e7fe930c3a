// cli: `calisim sweep --emit-job` — the sweep's Indexed Job written as YAML into the output folder.
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sweepJob } from '../../emit/sweep/sweep-job.js';
import { pointCount } from '../../plan/sweep/sweep-points.js';
import type { SweepSpec } from '../../plan/sweep/sweep-spec.js';
import { displayPath } from '../display-path.js';
import { writeFileAtomic } from '../output/write-output.js';
import { sweepDigest } from './execute-point.js';

/** Writes `DIR/sweep-job.yaml` and returns its path. */
export function writeJobManifest(dir: string, file: string, spec: SweepSpec, o: { image: string; claim: string; parallelism: number; limitArgs: readonly string[] }): string {
  const job = sweepJob({ sweepFile: displayPath(file), points: pointCount(spec), digest: sweepDigest(spec), ...o });
  const path = join(dir, 'sweep-job.yaml');
  writeFileAtomic(path, `# calisim sweep ${displayPath(file)}: merge with calisim sweep --merge <the claim's folder>\n${stringify(job)}`);
  return path;
}
