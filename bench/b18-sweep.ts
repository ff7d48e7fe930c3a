// bench: B18 — a sweep of 64 small points (two tenants each: 8 node counts × 4 workload sizes × mesh or
// reflectors, one seed) in points per second with 1 and with 2 local worker processes (the ratio is the
// parallel speed-up, ideally near 2 on this 2-core machine), and through BullMQ on a redis-server started
// here with 2 `calisim worker` processes (bin/calisim.js, built by `npm ci`; timed once both are connected)
// against the 2-process local run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME } from '../src/cli/queue/queue-names.js';
import { runOnQueue } from '../src/cli/queue/run-on-queue.js';
import { sweepDigest, sweepOf } from '../src/cli/sweep/execute-point.js';
import { runLocal } from '../src/cli/sweep/local-pool.js';
import { pointCount } from '../src/plan/sweep/sweep-points.js';
import type { Benchmark, BenchResult } from './harness.js';
import { projectRoot } from './project-root.js';

const SWEEP = `base: ${JSON.stringify(join(projectRoot, 'scenarios', 'sweeps', 'base.yaml'))}
seeds: [1]
check: false
axes:
  - path: templates.tenant.nodes.count
    range: { from: 3, to: 10, step: 1 }
  - path: templates.tenant.workloads[0].replicas
    values: [10, 20, 30, 40]
  - name: bgp
    variants:
      mesh: { templates.tenant.calico.nodeToNodeMeshEnabled: true }
      reflectors:
        templates.tenant.calico.nodeToNodeMeshEnabled: false
        templates.tenant.calico.routeReflectors: { nodes: ["{tenant}-vm-0001"] }
`;

async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Points/s through BullMQ with `workers` worker processes; undefined without redis-server. */
async function queueRate(file: string, indices: readonly number[], workers: number): Promise<number | undefined> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const port = await freePort();
  const procs: ChildProcess[] = [spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })];
  try {
    await new Promise((r) => setTimeout(r, 300));
    const queue = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < workers; i++) procs.push(spawn(process.execPath, [join(projectRoot, 'bin', 'calisim.js'), 'worker', '--queue', queue, '--quiet'], { stdio: 'ignore' }));
    await workersReady(port, workers);
    const digest = sweepDigest(sweepOf(file));
    const s = await seconds(() => runOnQueue(queue, { file, digest, indices }, () => undefined));
    return indices.length / s;
  } finally {
    for (const p of procs.reverse()) p.kill('SIGTERM');
  }
}

const SPIN = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; if (x < 0) console.log(x);';

/** What this machine gives two processes now: the speed-up of two pure CPU loops run at once over one
 *  (2 on two idle cores; near 1 when other sessions hold the CPUs), the reference for the workers' ratio. */
async function machineSpeedup(): Promise<number> {
  const spin = (): Promise<void> => new Promise((resolve) => spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' }).on('exit', () => resolve()));
  const one = await seconds(spin);
  const two = await seconds(() => Promise.all([spin(), spin()]));
  return (2 * one) / two;
}

/** Waits until `n` workers are connected to the queue: a worker's start is paid once in its life (a
 *  Deployment's pods), not per sweep; each still forks its point process on its first point, as the local pool does. */
async function workersReady(port: number, n: number): Promise<void> {
  const redis = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection: redis });
  try {
    const until = Date.now() + 60_000;
    while ((await queue.getWorkersCount()) < n) {
      if (Date.now() > until) throw new Error(`B18: ${n} workers did not connect within 60 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B18',
    title: 'sweep of 64 small points: 1 and 2 local workers, and BullMQ with 2 workers',
    async run(): Promise<BenchResult[]> {
      const dir = mkdtempSync(join(tmpdir(), 'calisim-b18-'));
      try {
        const file = join(dir, 'b18.yaml');
        writeFileSync(file, SWEEP);
        const indices = [...Array(pointCount(sweepOf(file))).keys()];
        await runLocal(file, indices.slice(0, 2), 2, () => undefined);
        const one = indices.length / (await seconds(() => runLocal(file, indices, 1, () => undefined)));
        const two = indices.length / (await seconds(() => runLocal(file, indices, 2, () => undefined)));
        const queued = await queueRate(file, indices, 2);
        const machine = await machineSpeedup();
        return [
          { id: 'B18', metric: 'sweep_points_per_s_1_worker', value: one, unit: 'points/s', note: `${indices.length} points` },
          { id: 'B18', metric: 'sweep_points_per_s_2_workers', value: two, unit: 'points/s', ratio: two / one, ratioTo: '1 worker', goal: 2 * one },
          { id: 'B18', metric: 'machine_2_process_speedup', value: machine, unit: '×', note: `two CPU loops at once against one, now: the workers' ratio over this is their parallel efficiency (${((two / one / machine) * 100).toFixed(0)}%)` },
          ...(queued !== undefined
            ? [{ id: 'B18', metric: 'sweep_points_per_s_queue_2_workers', value: queued, unit: 'points/s', ratio: queued / two, ratioTo: '2 local workers', note: 'goal: within 10% of the local run (ratio ≥ 0.9)' }]
            : []),
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
