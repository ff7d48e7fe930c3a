// `calisim sweep` end to end: local worker processes (1 or 2) give byte-identical results; the Indexed
// Job manifest validates against the Kubernetes schema and its index contract (sweep-point per index, then
// --merge, the points run as parallel local processes) gives the same bytes; bad input and an unreachable
// Redis exit 2 with nothing written. Runs the compiled CLI (see spawn-cli.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spawnCli } from './spawn-cli.js';

const SWEEP = 'test/fixtures/sweep/tiny.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'calisim-sweep-'));
const read = (dir: string, f: string): string => readFileSync(join(tmp, dir, f), 'utf8');

/** Runs the compiled CLI to its end: exit code and stderr. */
async function cli(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  const p = spawnCli(args);
  const code = await p.exited;
  return { code, stderr: p.stderr() };
}

describe('calisim sweep', () => {
  beforeAll(async () => {
    const r = await cli(['sweep', SWEEP, '--jobs', '2', '--out', join(tmp, 'local')]);
    expect(r.stderr).toContain('2 point(s) × 1 seed(s) = 2 simulation(s) (limit 1000 points), 2 worker process(es)');
    expect(r.code).toBe(0);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes results, timings and the report; one worker gives the same bytes as two', async () => {
    const results = JSON.parse(read('local', 'results.json')) as { points: { params: Record<string, string>; shape: { bgpMode: string }; bgp: { sessionsPerNode: number; sessionsPerNodeMedian: number } }[] };
    expect(results.points.map((p) => [p.params['bgp'], p.shape.bgpMode])).toEqual([['mesh', 'mesh'], ['reflectors', 'reflectors']]);
    // 4 nodes in a mesh: 3 sessions each; with one reflector, the reflector holds 3 client sessions.
    expect(results.points.map((p) => p.bgp.sessionsPerNode)).toEqual([3, 3]);
    // The median node: a mesh member (3), and a client of the one reflector (1 session).
    expect(results.points.map((p) => p.bgp.sessionsPerNodeMedian)).toEqual([3, 1]);
    expect(read('local', 'results.json')).not.toMatch(/wallMs|peakRss/);
    expect(JSON.parse(read('local', 'timings.json')).points[0]).toHaveProperty('wallMs');
    expect(read('local', 'report.html')).toContain('id="sweep-data"');
    const r = await cli(['sweep', SWEEP, '--jobs', '1', '--out', join(tmp, 'one'), '--quiet']);
    expect(r.code).toBe(0);
    expect(read('one', 'results.json')).toBe(read('local', 'results.json'));
    expect(read('one', 'results.csv')).toBe(read('local', 'results.csv'));
  });

  it('emits an Indexed Job that validates; sweep-point per index and --merge give the same bytes', async () => {
    const e = await cli(['sweep', SWEEP, '--emit-job', '--out', join(tmp, 'job'), '--image', 'registry.example/calisim:1']);
    expect(e.code).toBe(0);
    const manifest = parse(read('job', 'sweep-job.yaml')) as Record<string, unknown>;
    expect(() => new Job(manifest as ConstructorParameters<typeof Job>[0]).validate()).not.toThrow();
    const spec = (manifest as { spec: { completionMode: string; completions: number; template: { spec: { containers: { args: string[] }[] } } } }).spec;
    expect(spec.completionMode).toBe('Indexed');
    expect(spec.completions).toBe(2);
    expect(spec.template.spec.containers[0]!.args).toEqual(['sweep-point', SWEEP, '--index', '$(JOB_COMPLETION_INDEX)', '--out', '/results']);
    const pods = await Promise.all(['1', '0'].map((index) => cli(['sweep-point', SWEEP, '--index', index, '--out', join(tmp, 'points')])));
    expect(pods.map((p) => p.code)).toEqual([0, 0]);
    const m = await cli(['sweep', '--merge', join(tmp, 'points'), '--out', join(tmp, 'merged')]);
    expect(m.code).toBe(0);
    expect(read('merged', 'results.json')).toBe(read('local', 'results.json'));
    expect(read('merged', 'results.csv')).toBe(read('local', 'results.csv'));
  });

  it('refuses bad axis values with file, line and field, writing nothing', async () => {
    const r = await cli(['sweep', 'test/fixtures/sweep/bad-values.yaml', '--out', join(tmp, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-values\.yaml:4:\d+: error: .*expected an integer, got the string "many"/);
    expect(existsSync(join(tmp, 'bad'))).toBe(false);
  });

  it('names an unreachable Redis, writing nothing', async () => {
    const r = await cli(['sweep', SWEEP, '--queue', 'redis://127.0.0.1:1', '--out', join(tmp, 'unreachable')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot reach Redis at redis://127.0.0.1:1: connection refused');
    expect(existsSync(join(tmp, 'unreachable'))).toBe(false);
  });

  it('refuses the options of another mode: a run\'s with --merge or --emit-job, the Job\'s without it, --jobs with --queue', async () => {
    const refused = async (args: string[], text: RegExp): Promise<void> => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(text);
    };
    await refused(['sweep', '--merge', join(tmp, 'nothing'), '--jobs', '2'], /^calisim: --jobs: --merge DIR merges the point files a Job wrote, running nothing; it does not apply/);
    await refused(['sweep', SWEEP, '--emit-job', '--jobs', '2', '--out', join(tmp, 'refused')], /^calisim: --jobs: --emit-job writes the Job \(sweep-job\.yaml\) and runs nothing/);
    await refused(['sweep', SWEEP, '--image', 'x:1', '--parallelism', '2', '--out', join(tmp, 'refused')], /^calisim: --image, --parallelism: the image, claim and parallelism are those of the Job --emit-job writes; they do not apply/);
    await refused(['sweep', SWEEP, '--queue', 'redis://127.0.0.1:1', '--jobs', '2', '--out', join(tmp, 'refused')], /^calisim: --jobs: with --queue the points run on the queue's workers/);
    await refused(['sweep', SWEEP, '--queue', 'redis://127.0.0.1:1', '--max-events', '10', '--out', join(tmp, 'refused')], /^calisim: --max-events: with --queue the points run on the queue's workers \(give them to calisim worker\)/);
    expect(existsSync(join(tmp, 'refused'))).toBe(false);
  });

  it("runs each point with the sweep's limits: --max-events reaches the worker processes", async () => {
    const r = await cli(['sweep', SWEEP, '--jobs', '1', '--max-events', '10', '--out', join(tmp, 'limited')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/point 0 failed:\nthe simulation reached 10 events .*--max-events N/);
    expect(existsSync(join(tmp, 'limited'))).toBe(false);
  });

  it("writes the sweep's limits into the Job's pods, where sweep-point applies them", async () => {
    const e = await cli(['sweep', SWEEP, '--emit-job', '--max-events', '10', '--max-sim-time', '48h', '--include-outside', '--out', join(tmp, 'job-limits')]);
    expect(e.code).toBe(0);
    const manifest = parse(read('job-limits', 'sweep-job.yaml')) as { spec: { template: { spec: { containers: { args: string[] }[] } } } };
    const args = manifest.spec.template.spec.containers[0]!.args;
    expect(args).toEqual(['sweep-point', SWEEP, '--index', '$(JOB_COMPLETION_INDEX)', '--out', '/results', '--max-sim-time', '48h', '--max-events', '10', '--include-outside']);
    // What a pod runs, with the index the Job controller substitutes.
    const pod = await cli([...args.slice(0, 3), '0', '--out', join(tmp, 'job-limits-points'), ...args.slice(6)]);
    expect(pod.code).toBe(2);
    expect(pod.stderr).toMatch(/the simulation reached 10 events .*--max-events N/);
  });
});
