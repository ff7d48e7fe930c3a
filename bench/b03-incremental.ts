// bench: B3 — 1,000 seeded single-policy operations (add, modify, delete) on the B1 cluster with the TCP/80
// matrix maintained; the time of each operation including conversion, recompiled rows and the changed pairs.
import { compilePolicies } from '../src/compile/policy/compiled-policies.js';
import { Prng } from '../src/lib/random/prng.js';
import type { Policy } from '../src/model/policy/types.js';
import { B1_SIZE, b1Model_, benchManifest, randomPolicy } from './b01-policy-matrix.js';
import type { Benchmark, BenchResult } from './harness.js';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B3',
    title: 'incremental single-policy updates on B1 (TCP/80 matrix maintained)',
    run(): BenchResult[] {
      const model = b1Model_();
      const cp = compilePolicies(model);
      cp.matrix({ protocol: 6, dstPort: 80 });
      const r = new Prng(3);
      const times: number[] = [];
      const cpuTimes: number[] = [];
      const kinds = { add: 0, modify: 0, delete: 0 };
      let changedPairs = 0;
      let fullMs = 0;
      // 200 warm-up operations (JIT), then the 1,000 measured ones.
      for (let i = -200; i < 1000; i++) {
        const x = r.next();
        const policies = cp.model.policies;
        const victim = policies[r.int(policies.length)] as Policy;
        const c0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        let change;
        if (x < 0.4) {
          change = cp.applyManifest(benchManifest(randomPolicy(r, `new-${i}`, B1_SIZE, []), 10_000 + i)).change;
          if (i >= 0) kinds.add++;
        } else if (x < 0.75) {
          const kind = victim.kind === 'KubernetesNetworkPolicy' ? 'knp' : victim.kind === 'GlobalNetworkPolicy' ? 'gnp' : 'np';
          const body = randomPolicy(r, victim.name.replace(/^(knp|np|gnp)-/, ''), B1_SIZE, [], kind);
          if (victim.namespace !== undefined) (body['metadata'] as Record<string, string>)['namespace'] = victim.namespace;
          change = cp.applyManifest(benchManifest(body, 20_000 + i)).change;
          if (i >= 0) kinds.modify++;
        } else {
          change = cp.deletePolicy(victim);
          if (i >= 0) kinds.delete++;
        }
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const cpu = process.cpuUsage(c0);
        if (i < 0) continue;
        times.push(ms);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
        fullMs += ms;
        for (const c of change?.changes ?? []) changedPairs += (c.allowed.length + c.denied.length) / 2;
      }
      const sorted = [...times].sort((a, b) => a - b);
      const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
      const t0 = process.hrtime.bigint();
      compilePolicies(cp.model).matrix({ protocol: 6, dstPort: 80 });
      const recompileMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const p50 = percentile(sorted, 0.5);
      const p99 = percentile(sorted, 0.99);
      const note = `${kinds.add} adds, ${kinds.modify} modifies, ${kinds.delete} deletes; ${changedPairs} class pairs changed in all; max ${(sorted[sorted.length - 1] as number).toFixed(1)} ms; mean ${(fullMs / times.length).toFixed(2)} ms; a full recompile takes ${recompileMs.toFixed(0)} ms`;
      return [
        { id: 'B3', metric: 'single-policy update p50', value: p50, unit: 'ms', ratio: recompileMs / p50, ratioTo: 'full recompile' },
        { id: 'B3', metric: 'single-policy update p99', value: p99, unit: 'ms', ratio: recompileMs / p99, ratioTo: 'full recompile', floor: 10, goal: 2, note },
        {
          id: 'B3',
          metric: 'single-policy update p99, CPU time',
          value: percentile(cpuSorted, 0.99),
          unit: 'ms',
          floor: 10,
          goal: 2,
          note: `process CPU time per operation (user + system of all threads, V8 GC helpers included; not inflated by waiting for a shared CPU); p50 ${percentile(cpuSorted, 0.5).toFixed(2)} ms`,
        },
      ];
    },
  },
];
