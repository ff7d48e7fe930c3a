// bench: B21 — every command of issue 14 on scenarios/large.yaml as a user runs it, a whole child process
// (`node bin/calisim.js`, the compiled dist/: run `npm run build` first), several runs: median wall time,
// median CPU time and the largest resident memory, each with its ratio to the core figure it rests on,
// measured in this process (so the distance between the command and its core stays visible).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicies } from '../src/compile/policy/compiled-policies.js';
import { advancePlatform, createPlatform, runPlatform } from '../src/engine/platform/run-platform.js';
import { buildModel } from '../src/model/build-model.js';
import { loadScenario } from '../src/scenario/load-scenario.js';
import { runCheck } from '../src/verdict/check/run-check.js';
import { compiledOf } from '../src/verdict/state/fast-evaluate.js';
import { policyModelsOf } from '../src/verdict/state/policy-models.js';
import { b1Model_ } from './b01-policy-matrix.js';
import { benchmarks as b14 } from './b14-check-diff.js';
import { medianMs, type Benchmark, type BenchResult } from './harness.js';
import { projectRoot } from './project-root.js';

const large = 'scenarios/large.yaml';
const fx = 'test/fixtures/identity';
const RUNS = Number(process.env['B21_RUNS'] ?? 3);

/** One command of the table: its arguments, floor and goal (s), and the core figure it is compared with. */
interface CommandCase {
  readonly metric: string;
  readonly args: readonly string[];
  readonly floor: number;
  readonly goal: number;
  readonly core: keyof Cores;
  readonly floorMb?: number;
}

/** Core figures (ms), measured in this process. */
interface Cores {
  /** loadScenario + buildModel of large.yaml. */
  readonly load: number;
  /** B15: one policy change applied to a compiled matrix, with the changed pairs. */
  readonly diff: number;
  /** B1's compile + TCP/80 matrix per class pair, times large.yaml's class pairs (Σ classes² over its clusters). */
  readonly matrix: number;
  /** runCheck of large.yaml in process (B14). */
  readonly check: number;
  /** runPlatform of large.yaml to its horizon. */
  readonly run: number;
}

const CASES: readonly CommandCase[] = [
  { metric: 'diff_tenant', args: ['diff', large, '--apply', `${fx}/t01-cache-from-web.yaml`, '--cluster', 't01', '--format', 'json'], floor: 5, goal: 1, core: 'diff' },
  { metric: 'diff_outer_wall', args: ['diff', large, '--apply', `${fx}/mgmt-t02-from-t01.yaml`, '--cluster', 'mgmt', '--format', 'json'], floor: 10, goal: 2, core: 'diff' },
  { metric: 'reach_connlist', args: ['reach', large, '--format', 'connlist'], floor: 8, goal: 3, core: 'matrix', floorMb: 600 },
  { metric: 'reach_matrix', args: ['reach', large, '--matrix'], floor: 8, goal: 3, core: 'matrix', floorMb: 600 },
  { metric: 'check', args: ['check', large, '--format', 'json'], floor: 8, goal: 4, core: 'check' },
  { metric: 'validate', args: ['validate', large], floor: 1, goal: 0.4, core: 'load' },
  { metric: 'reach_one_pair', args: ['reach', large, '--from', 't01/web/frontend-0', '--to', 't01/api/orders-0', '--port', '9000'], floor: 1.5, goal: 0.5, core: 'load' },
  { metric: 'trace_one_packet', args: ['trace', large, '--from', 't01/web/frontend-0', '--to', 't02/api/orders-3', '--protocol', 'TCP', '--port', '9000'], floor: 1.5, goal: 0.5, core: 'load' },
  { metric: 'run', args: ['run', large, '--format', 'json'], floor: 2.5, goal: 1, core: 'run' },
];

/** The child's own resource usage, written when it exits (a preload, so the command itself is unchanged). */
const USAGE_PRELOAD =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.B21_USAGE,JSON.stringify(process.resourceUsage())));';

/** One run of the CLI: wall (s), user + system CPU (s), max RSS (MB). */
function runOnce(args: readonly string[], out: string): { wall: number; cpu: number; rssMb: number } {
  const usage = join(out, 'usage.json');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', USAGE_PRELOAD, join(projectRoot, 'bin', 'calisim.js'), ...args, ...(args[0] === 'run' ? ['--out', out] : [])], {
    cwd: projectRoot,
    env: { ...process.env, B21_USAGE: usage },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`calisim ${args.join(' ')} exited ${String(r.status)}: ${String(r.stderr)}`);
  const u = JSON.parse(readFileSync(usage, 'utf8')) as NodeJS.ResourceUsage;
  return { wall, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rssMb: u.maxRSS / 1024 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function measureCores(): Cores {
  const file = join(projectRoot, large);
  const load = medianMs(() => buildModel(loadScenario(file)), 3, 1);
  const model = buildModel(loadScenario(file));
  const run0 = createPlatform(model, { deferBgp: true });
  advancePlatform(run0, 0);
  let pairs = 0;
  for (const c of policyModelsOf(run0).clusters) pairs += compiledOf(c.model).classCount ** 2;
  const b1 = b1Model_();
  let classes = 0;
  const b1Ms = medianMs(() => (classes = compilePolicies(b1).matrix({ protocol: 6, dstPort: 80 }).classCount), 3, 1);
  const b15 = b14.find((b) => b.id === 'B15')!.run() as readonly BenchResult[];
  const diff = b15.find((r) => r.metric === 'diff_single_policy_median')!.value;
  const check = medianMs(() => runCheck(buildModel(loadScenario(file))), 1, 0);
  const run = medianMs(() => runPlatform(buildModel(loadScenario(file))), 1, 0);
  return { load, diff, matrix: (b1Ms / classes ** 2) * pairs, check, run };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B21',
    title: 'every command on scenarios/large.yaml as a whole process (median wall and CPU, max RSS)',
    run(): BenchResult[] {
      const cores = measureCores();
      const out = mkdtempSync(join(tmpdir(), 'calisim-b21-'));
      const results: BenchResult[] = [];
      try {
        for (const c of CASES) {
          const runs = Array.from({ length: RUNS }, () => runOnce(c.args, out));
          const wall = median(runs.map((r) => r.wall));
          const cpu = median(runs.map((r) => r.cpu));
          const rss = Math.max(...runs.map((r) => r.rssMb));
          const core = cores[c.core] / 1000;
          const note = `calisim ${c.args.join(' ')}; ${RUNS} runs, CPU ${cpu.toFixed(2)} s; core ${c.core} ${core < 0.01 ? `${(core * 1000).toFixed(3)} ms` : `${core.toFixed(2)} s`}`;
          results.push({ id: 'B21', metric: `${c.metric}_wall`, value: wall, unit: 's', ratio: wall / core, ratioTo: `core ${c.core}`, floor: c.floor, goal: c.goal, note });
          results.push({ id: 'B21', metric: `${c.metric}_cpu`, value: cpu, unit: 's', ratio: cpu / core, ratioTo: `core ${c.core}`, floor: c.floor, goal: c.goal });
          results.push({ id: 'B21', metric: `${c.metric}_max_rss`, value: rss, unit: 'MB', ...(c.floorMb !== undefined ? { floor: c.floorMb, goal: c.floorMb / 2 } : {}) });
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      return results;
    },
  },
];
