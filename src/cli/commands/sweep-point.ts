// cli: `calisim sweep-point SWEEP.yaml --index I --out DIR` — run one point of a sweep and write its point
// file into DIR (what each pod of the Indexed Job from `calisim sweep --emit-job` runs, with
// I = $JOB_COMPLETION_INDEX); `calisim sweep --merge DIR` collects them.
import { join } from 'node:path';
import { sweepHeader } from '../../plan/sweep/sweep-document.js';
import type { Command } from '../command.js';
import { optString } from '../command.js';
import { executePoint, sweepDigest, sweepOf } from '../sweep/execute-point.js';
import { POINT_FILE_SCHEMA, pointFileName, type PointFile } from '../sweep/point-file.js';
import { UsageError } from '../usage-error.js';
import { writeFileAtomic } from '../output/write-output.js';

export const sweepPointCommand: Command = {
  command: 'sweep-point <sweep>',
  describe: 'Run one point of a sweep and write its point file (one pod of the Indexed Job)',
  builder: (y) =>
    y
      .positional('sweep', { type: 'string', describe: 'sweep file' })
      .option('index', { type: 'string', demandOption: true, describe: 'the point (0-based; $JOB_COMPLETION_INDEX in the Job)' })
      .option('out', { type: 'string', default: join('out', 'sweep-points'), describe: 'folder of point files' }),
  async run(args) {
    const file = optString(args, 'sweep') ?? '';
    const text = optString(args, 'index') ?? '';
    if (!/^\d+$/.test(text)) throw new UsageError(`--index ${text}: not a point index (0, 1, 2, ...)`);
    const index = Number(text);
    const spec = sweepOf(file);
    const outcome = executePoint(file, index);
    const point: PointFile = { schema: POINT_FILE_SCHEMA, digest: sweepDigest(spec), header: sweepHeader(spec), outcome };
    const dir = optString(args, 'out') ?? join('out', 'sweep-points');
    writeFileAtomic(join(dir, pointFileName(index)), JSON.stringify(point) + '\n');
    return 0;
  },
};
