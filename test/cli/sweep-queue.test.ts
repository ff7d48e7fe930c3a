// `calisim sweep --queue` with real Debian redis-server started here on a free loopback port: three
// `calisim worker` processes, one killed in the middle of a point (its point is retried once its lock
// expires), and the merged results byte-identical to the local run. Runs under CI=true, never skipped there.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, type CliProcess } from './spawn-cli.js';

const SWEEP = 'test/fixtures/sweep/tiny.yaml';
const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!haveRedis && process.env['CI'] === 'true') throw new Error('redis-server is not installed (.ci/run installs it): the queue test must run under CI');

/** A free loopback port (bound, read, released). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!haveRedis)('calisim sweep --queue (redis-server, BullMQ)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'calisim-queue-'));
  const started: CliProcess[] = [];
  let redis: ChildProcess | undefined;
  afterAll(() => {
    for (const w of started) w.kill();
    redis?.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('three workers, one killed mid-point: the merged result equals the local run byte for byte', async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const queue = `redis://127.0.0.1:${port}`;
    const local = spawnCli(['sweep', SWEEP, '--jobs', '2', '--out', join(tmp, 'local'), '--quiet']);
    expect(await local.exited).toBe(0);
    const workers = [0, 1, 2].map(() => spawnCli(['worker', '--queue', queue, '--lock-ms', '2000']));
    started.push(...workers);
    const sweep = spawnCli(['sweep', SWEEP, '--queue', queue, '--out', join(tmp, 'queued')]);
    started.push(sweep);
    // The first worker to start a point dies with it (process group: the worker and its point process).
    const victim = await Promise.race(workers.map((w) => w.waitFor(/point \d+ started/).then(() => w)));
    victim.kill();
    expect(await sweep.exited).toBe(0);
    expect(sweep.stderr()).toContain(`on the queue at ${queue}`);
    const others = workers.filter((w) => w !== victim);
    expect(others.map((w) => w.stderr()).join('')).toMatch(/point \d+ done/);
    for (const f of ['results.json', 'results.csv']) expect(readFileSync(join(tmp, 'queued', f), 'utf8')).toBe(readFileSync(join(tmp, 'local', f), 'utf8'));
  });
});
