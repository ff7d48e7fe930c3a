// bench: the CI verdicts of issue 5 — B14 `check` over the whole timeline of scenarios/large.yaml
// (50 tenants, 2,000 VMs, ~20,000 pods), and B15 the diff of one policy change on B1's cluster once its
// first matrix exists (the compiled matrix's incremental update, changed pairs included).
import { join } from 'node:path';
import { compilePolicies } from '../src/compile/policy/compiled-policies.js';
import { Prng } from '../src/lib/random/prng.js';
import { buildModel } from '../src/model/build-model.js';
import { loadScenario } from '../src/scenario/load-scenario.js';
import { runCheck } from '../src/verdict/check/run-check.js';
import { B1_SIZE, b1Model_, benchManifest, randomPolicy } from './b01-policy-matrix.js';
import { rssMb, type Benchmark, type BenchResult } from './harness.js';
import { projectRoot } from './project-root.js';

const large = join(projectRoot, 'scenarios', 'large.yaml');

export const benchmarks: Benchmark[] = [
  {
    id: 'B14',
    title: 'check over the whole timeline of scenarios/large.yaml',
    async run(): Promise<BenchResult[]> {
      const t0 = process.hrtime.bigint();
      const report = runCheck(buildModel(loadScenario(large)));
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      return [
        { id: 'B14', metric: 'check_large_wall', value: s, unit: 's', floor: 60, goal: 10, note: `${report.summary.total} assertions at ${report.points.length} points` },
        { id: 'B14', metric: 'check_large_rss', value: await rssMb(), unit: 'MB' },
      ];
    },
  },
  {
    id: 'B15',
    title: 'diff of one policy change on the B1 cluster after the first matrix',
    run(): BenchResult[] {
      const cp = compilePolicies(b1Model_());
      const t0 = process.hrtime.bigint();
      cp.matrix({ protocol: 6, dstPort: 80 });
      const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const r = new Prng(15);
      const times: number[] = [];
      let changed = 0;
      for (let i = -20; i < 100; i++) {
        const m = benchManifest(randomPolicy(r, `diff-${i}`, B1_SIZE, []), 30_000 + i);
        const t = process.hrtime.bigint();
        const { change } = cp.applyManifest(m);
        let pairs = 0;
        for (const c of change?.changes ?? []) pairs += c.allowed.length + c.denied.length;
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (i < 0) continue;
        times.push(ms);
        changed += pairs;
      }
      times.sort((a, b) => a - b);
      const median = times[times.length >> 1] as number;
      return [
        { id: 'B15', metric: 'diff_single_policy_median', value: median, unit: 'ms', ratio: firstMs / median, ratioTo: 'first matrix', floor: 50, goal: 10, note: `${changed} changed class pairs over 100 changes` },
        { id: 'B15', metric: 'diff_single_policy_p99', value: times[Math.floor(times.length * 0.99)] as number, unit: 'ms', floor: 50 },
      ];
    },
  },
];
