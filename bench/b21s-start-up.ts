// bench: B21S — what every command pays before its work, as a user runs it: whole child processes of the
// compiled CLI (`npm run build` first) with V8's code cache (made by a first run into a fresh folder) and
// without it (CALISIM_CACHE_DIR empty), beside `node -e ''`, Node's own start, measured in the same process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchResult } from './harness.js';
import { projectRoot } from './project-root.js';

const RUNS = Number(process.env['B21S_RUNS'] ?? 5);
const large = 'scenarios/large.yaml';

const CASES: readonly { metric: string; args: readonly string[] }[] = [
  { metric: 'version', args: ['--version'] },
  { metric: 'help', args: ['--help'] },
  { metric: 'validate_giantnetes', args: ['validate', 'scenarios/giantnetes.yaml'] },
  { metric: 'validate_large', args: ['validate', large] },
  { metric: 'trace_large', args: ['trace', large, '--from', 't01/web/frontend-0', '--to', 't02/api/orders-3', '--protocol', 'TCP', '--port', '9000'] },
];

/** The child's own CPU time, written when it exits (a preload: the command itself is unchanged). */
const USAGE_PRELOAD =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.B21S_USAGE,JSON.stringify(process.resourceUsage())));';

/** One process: wall and user + system CPU (s). */
function runOnce(argv: readonly string[], env: NodeJS.ProcessEnv, usage: string): { wall: number; cpu: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', USAGE_PRELOAD, ...argv], { cwd: projectRoot, env: { ...process.env, ...env, B21S_USAGE: usage }, stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} exited ${String(r.status)}`);
  const u = JSON.parse(readFileSync(usage, 'utf8')) as NodeJS.ResourceUsage;
  return { wall, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 };
}

function medianOf(runs: readonly { wall: number; cpu: number }[]): { wall: number; cpu: number } {
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { wall: mid(runs.map((r) => r.wall)), cpu: mid(runs.map((r) => r.cpu)) };
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B21S',
    title: "start-up: commands as whole processes with and without the code cache, beside node -e ''",
    run(): BenchResult[] {
      const dir = mkdtempSync(join(tmpdir(), 'calisim-b21s-'));
      const usage = join(dir, 'usage.json');
      const cache = join(dir, 'cache');
      const bin = join(projectRoot, 'bin', 'calisim.js');
      try {
        const node = medianOf(Array.from({ length: RUNS }, () => runOnce(['-e', ''], {}, usage)));
        const results: BenchResult[] = [{ id: 'B21S', metric: 'node_e_wall', value: node.wall, unit: 's', note: `node -e ''; CPU ${node.cpu.toFixed(3)} s` }];
        for (const c of CASES) {
          runOnce([bin, ...c.args], { CALISIM_CACHE_DIR: cache }, usage);
          const runs = { cached: [] as { wall: number; cpu: number }[], none: [] as { wall: number; cpu: number }[] };
          for (let i = 0; i < RUNS; i++) {
            runs.cached.push(runOnce([bin, ...c.args], { CALISIM_CACHE_DIR: cache }, usage));
            runs.none.push(runOnce([bin, ...c.args], { CALISIM_CACHE_DIR: '' }, usage));
          }
          const cached = medianOf(runs.cached);
          const none = medianOf(runs.none);
          const note = `calisim ${c.args.join(' ')}; ${RUNS} runs each; no cache: wall ${none.wall.toFixed(3)} s, CPU ${none.cpu.toFixed(3)} s`;
          results.push({ id: 'B21S', metric: `${c.metric}_wall`, value: cached.wall, unit: 's', ratio: cached.wall / node.wall, ratioTo: "node -e ''", note });
          results.push({ id: 'B21S', metric: `${c.metric}_cpu`, value: cached.cpu, unit: 's', ratio: cached.cpu / none.cpu, ratioTo: 'the same without the cache' });
        }
        return results;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
