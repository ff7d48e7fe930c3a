// cli: `calisim sweep SWEEP.yaml` — run every point of a sweep (local worker processes, or BullMQ workers
// with --queue), or write a Kubernetes Indexed Job for it (--emit-job), or merge the point files such a Job
// wrote (--merge DIR); the outputs are results.json/csv (deterministic), timings.json/csv and report.html.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pointCount } from '../../plan/sweep/sweep-points.js';
import { sweepHeader } from '../../plan/sweep/sweep-document.js';
import type { Command } from '../command.js';
import { optString } from '../command.js';
import { writeJobManifest } from '../sweep/job-manifest-file.js';
import { loadSweep } from '../sweep/load-sweep.js';
import { runLocal } from '../sweep/local-pool.js';
import { readPointFiles } from '../sweep/point-file.js';
import { sweepProgress } from '../sweep/progress.js';
import { writeSweepOutputs } from '../sweep/sweep-outputs.js';
import { LIMIT_OPTIONS } from '../limit-options.js';
import { isGiven } from '../given-options.js';
import { refuseGiven } from '../refuse-given.js';
import { UsageError } from '../usage-error.js';
import { sweepDigest } from '../sweep/execute-point.js';

export const sweepCommand: Command = {
  command: 'sweep [sweep]',
  describe: 'Run a parameter sweep (every point a full simulation) and write results, timings and an HTML report',
  builder: (y) =>
    y
      .positional('sweep', { type: 'string', describe: 'sweep file (YAML: base, seeds, axes, maxPoints, check)' })
      .option('out', { type: 'string', default: join('out', 'sweep'), describe: 'output folder' })
      .option('jobs', { type: 'number', describe: 'local worker processes (default: one per core)' })
      .option('max-points', { type: 'number', describe: "refuse sweeps of more points (default: the file's maxPoints, else 1000)" })
      .option('queue', { type: 'string', describe: 'run the points on BullMQ workers: redis://HOST:PORT' })
      .option('emit-job', { type: 'boolean', default: false, describe: 'write a Kubernetes Indexed Job running one point per pod, instead of running' })
      .option('image', { type: 'string', default: 'calisim:latest', describe: 'container image of the Job (with --emit-job)' })
      .option('results-claim', { type: 'string', default: 'calisim-sweep-results', describe: 'PersistentVolumeClaim the Job pods write their points to' })
      .option('parallelism', { type: 'number', describe: 'pods of the Job running at once (default: min(points, 10))' })
      .option('merge', { type: 'string', describe: 'merge the point files a Job wrote into DIR, instead of running' })
      .option('force', { type: 'boolean', default: false, describe: 'replace a non-empty output folder' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' }),
  async run(args) {
    const out = optString(args, 'out') ?? join('out', 'sweep');
    const force = args['force'] === true;
    const quiet = args['quiet'] === true;
    const say = (m: string): void => {
      if (!quiet) process.stderr.write(m + '\n');
    };
    const mergeDir = optString(args, 'merge');
    if (mergeDir !== undefined) {
      refuseGiven(args, ['sweep', 'max-points', ...RUN_OPTIONS, 'emit-job', ...JOB_OPTIONS], '--merge DIR merges the point files a Job wrote, running nothing');
      const merged = readPointFiles(mergeDir);
      writeSweepOutputs(out, merged.header, merged.outcomes, force);
      say(`merged ${merged.outcomes.length} points from ${mergeDir} into ${out}`);
      return 0;
    }
    const file = optString(args, 'sweep');
    if (file === undefined) throw new UsageError('name a sweep file (or --merge DIR)');
    const queue = optString(args, 'queue');
    if (args['emit-job'] === true) refuseGiven(args, [...RUN_OPTIONS, 'force'], '--emit-job writes the Job (sweep-job.yaml) and runs nothing');
    else refuseGiven(args, JOB_OPTIONS, 'the image, claim and parallelism are those of the Job --emit-job writes');
    if (queue !== undefined) refuseGiven(args, ['jobs', ...LIMIT_OPTIONS], "with --queue the points run on the queue's workers (give them to calisim worker)");
    const maxPoints = positive(args, 'max-points');
    const spec = loadSweep(file, maxPoints);
    const n = pointCount(spec);
    const header = sweepHeader(spec);
    if (args['emit-job'] === true) {
      const path = writeJobManifest(out, file, spec, {
        image: optString(args, 'image') ?? 'calisim:latest',
        claim: optString(args, 'results-claim') ?? 'calisim-sweep-results',
        parallelism: positive(args, 'parallelism') ?? Math.min(n, 10),
        // The limits the sweep was given hold in every pod, as they do in a local run's workers.
        limitArgs: LIMIT_OPTIONS.filter((name) => isGiven(args, name)).flatMap((name) => (args[name] === true ? [`--${name}`] : [`--${name}`, String(args[name])])),
      });
      say(`wrote ${path}: an Indexed Job of ${n} completions (one point each)`);
      return 0;
    }
    const indices = [...Array(n).keys()];
    const jobs = positive(args, 'jobs') ?? availableParallelism();
    say(`${file}: ${n} point(s) × ${spec.seeds.length} seed(s) = ${n * spec.seeds.length} simulation(s) (limit ${spec.maxPoints} points), ${queue !== undefined ? `on the queue at ${queue}` : `${Math.min(jobs, n)} worker process(es)`}`);
    const progress = sweepProgress(n, quiet);
    try {
      const outcomes =
        queue !== undefined
          ? await (await import('../queue/run-on-queue.js')).runOnQueue(queue, { file, digest: sweepDigest(spec), indices }, () => progress.tick())
          : await runLocal(file, indices, jobs, () => progress.tick());
      progress.stop();
      writeSweepOutputs(out, header, outcomes, force);
    } catch (err) {
      progress.stop();
      throw err;
    }
    say(`wrote ${join(out, 'results.json')}, results.csv, timings.json, timings.csv and report.html`);
    return 0;
  },
};

/** The options of a run (local or on a queue), and those of the Job --emit-job writes. */
const RUN_OPTIONS = ['jobs', 'queue'] as const;
const JOB_OPTIONS = ['image', 'results-claim', 'parallelism'] as const;

function positive(args: Record<string, unknown>, name: string): number | undefined {
  const v = args[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new UsageError(`--${name} must be a positive integer`);
  return v;
}
