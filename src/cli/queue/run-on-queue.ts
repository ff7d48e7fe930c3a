// cli: `calisim sweep --queue redis://HOST:PORT` — enqueue every point as a BullMQ job (one id per point of
// the sweep, so enqueuing twice is harmless), wait for the workers to finish them (a job whose worker died
// is retried by BullMQ's stalled-job check), and return the outcomes in point order.
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { PointOutcome } from '../../plan/sweep/point-result.js';
import { UsageError } from '../usage-error.js';
import { pointJobId, QUEUE_NAME, type PointJobData } from './queue-names.js';
import { parseRedisAddress, pingRedis } from './redis-address.js';

/** Runs `indices` of the sweep on the queue at `address`. */
export async function runOnQueue(address: string, sweep: { file: string; digest: string; indices: readonly number[] }, onDone: () => void): Promise<PointOutcome[]> {
  const a = parseRedisAddress(address);
  await pingRedis(a);
  // BullMQ 6 takes ioredis clients (it needs one client per blocking reader).
  const client = (): Redis => new Redis({ host: a.host, port: a.port, maxRetriesPerRequest: null });
  const clients = [client(), client()];
  const queue = new Queue<PointJobData, PointOutcome>(QUEUE_NAME, { connection: clients[0]! });
  const events = new QueueEvents(QUEUE_NAME, { connection: clients[1]! });
  // Every point waits on its own job (waitUntilFinished listens for the queue closing): one listener each.
  queue.setMaxListeners(sweep.indices.length + 10);
  events.setMaxListeners(sweep.indices.length + 10);
  try {
    await events.waitUntilReady();
    const jobs = await queue.addBulk(
      sweep.indices.map((index) => ({
        name: 'point',
        data: { file: sweep.file, digest: sweep.digest, index },
        opts: { jobId: pointJobId(sweep.digest, index), attempts: 3, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: false, removeOnFail: false },
      })),
    );
    // A point that failed in an earlier run of the same sweep is tried again.
    for (const j of jobs) if ((await j.getState()) === 'failed') await j.retry();
    return await Promise.all(
      jobs.map(async (j) => {
        try {
          const outcome = await j.waitUntilFinished(events);
          onDone();
          return outcome;
        } catch (err) {
          throw new UsageError(`point ${j.data.index} failed on the queue at ${a.text}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
    );
  } finally {
    await events.close();
    await queue.close();
    for (const c of clients) c.disconnect();
  }
}
