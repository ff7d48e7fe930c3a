// cli: runs a sweep's points on this machine in `jobs` worker processes (one per core by default), each
// taking the next point when it is free; outcomes are returned by point index.
import type { PointOutcome } from '../../plan/sweep/point-result.js';
import { ChildWorker } from './child-worker.js';

/** Runs `indices` of the sweep `file`; `onDone` is called after each point. Rejects on the first failure. */
export async function runLocal(file: string, indices: readonly number[], jobs: number, onDone: (o: PointOutcome) => void): Promise<PointOutcome[]> {
  const queue = [...indices];
  const outcomes: PointOutcome[] = [];
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, indices.length)) }, () => new ChildWorker());
  let failed = false;
  const loop = async (w: ChildWorker): Promise<void> => {
    for (let index = queue.shift(); index !== undefined && !failed; index = queue.shift()) {
      const o = await w.run({ file, index });
      outcomes.push(o);
      onDone(o);
    }
  };
  try {
    await Promise.all(
      workers.map((w) =>
        loop(w).catch((err: unknown) => {
          failed = true;
          throw err;
        }),
      ),
    );
  } finally {
    for (const w of workers) w.close();
  }
  return outcomes.sort((a, b) => a.result.index - b.result.index);
}
