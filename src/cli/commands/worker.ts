// cli: `calisim worker --queue redis://HOST:PORT` — run sweep points from a BullMQ queue until stopped
// (SIGINT/SIGTERM); start as many as there are cores, on as many machines as there are.
import type { Command } from '../command.js';
import { optString } from '../command.js';
import { UsageError } from '../usage-error.js';

export const workerCommand: Command = {
  command: 'worker',
  describe: 'Run sweep points from a Redis (BullMQ) queue until stopped',
  builder: (y) =>
    y
      .option('queue', { type: 'string', demandOption: true, describe: 'redis://HOST:PORT' })
      .option('jobs', { type: 'number', default: 1, describe: 'points run at once (one process each)' })
      .option('lock-ms', { type: 'number', default: 30_000, describe: "how long a point's lock lasts unrenewed: a dead worker's point is retried after it" })
      .option('quiet', { type: 'boolean', default: false }),
  async run(args) {
    const slots = args['jobs'];
    const lockMs = args['lock-ms'];
    if (typeof slots !== 'number' || !Number.isInteger(slots) || slots < 1) throw new UsageError('--jobs must be a positive integer');
    if (typeof lockMs !== 'number' || !Number.isInteger(lockMs) || lockMs < 1000) throw new UsageError('--lock-ms must be an integer of at least 1000');
    const quiet = args['quiet'] === true;
    const address = optString(args, 'queue') ?? '';
    // bullmq and ioredis load only here (~0.3 s of every other command's start-up otherwise).
    const { runWorker } = await import('../queue/run-worker.js');
    await runWorker(address, {
      slots,
      lockMs,
      onStart: (index) => {
        if (!quiet) process.stderr.write(`point ${index} started\n`);
      },
      onPoint: (index, ms) => {
        if (!quiet) process.stderr.write(`point ${index} done in ${(ms / 1000).toFixed(1)} s\n`);
      },
    });
    return 0;
  },
};
