// cli: `calisim worker --queue redis://HOST:PORT` — a BullMQ worker taking sweep points off the queue, one
// at a time per slot, each run in a child process (so the worker keeps its job lock renewed during long
// points); a point of a sweep whose files differ here (digest mismatch) fails instead of giving wrong bytes.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { PointOutcome } from '../../plan/sweep/point-result.js';
import { ChildWorker } from '../sweep/child-worker.js';
import { sweepDigest, sweepOf } from '../sweep/execute-point.js';
import { QUEUE_NAME, type PointJobData } from './queue-names.js';
import { parseRedisAddress, pingRedis } from './redis-address.js';

export interface WorkerOptions {
  /** Points run at once (one child process each). */
  readonly slots: number;
  /** BullMQ lock duration (ms): a dead worker's point is retried after about this long. */
  readonly lockMs: number;
  readonly onStart: (index: number) => void;
  readonly onPoint: (index: number, ms: number) => void;
}

/** Runs until SIGINT/SIGTERM; resolves once the worker has closed. */
export async function runWorker(address: string, o: WorkerOptions): Promise<void> {
  const a = parseRedisAddress(address);
  await pingRedis(a);
  const children = Array.from({ length: o.slots }, () => new ChildWorker());
  const free = [...children];
  const process_ = async (job: Job<PointJobData, PointOutcome>): Promise<PointOutcome> => {
    const { file, digest, index } = job.data;
    if (sweepDigest(sweepOf(file)) !== digest) throw new UnrecoverableError(`this worker's copy of ${file} or its base scenario differs from the sweep's (digest ${digest})`);
    const child = free.pop()!;
    const t0 = Date.now();
    o.onStart(index);
    try {
      return await child.run({ file, index });
    } finally {
      free.push(child);
      o.onPoint(index, Date.now() - t0);
    }
  };
  const redis = new Redis({ host: a.host, port: a.port, maxRetriesPerRequest: null });
  const worker = new Worker<PointJobData, PointOutcome>(QUEUE_NAME, process_, {
    connection: redis,
    concurrency: o.slots,
    lockDuration: o.lockMs,
    stalledInterval: Math.max(500, Math.floor(o.lockMs / 2)),
    maxStalledCount: 5,
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void worker.close().then(() => {
        for (const c of children) c.close();
        redis.disconnect();
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
