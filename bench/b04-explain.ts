// bench: B4 — 100k seeded random (source pod, destination pod, TCP port) queries on the B1 cluster: the
// verdict with the deciding tier/policy/rule of each side (compact codes), and the full explanation in the
// reference's Verdict shape (with trails); against the reference evaluator on a sample.
import { compilePolicies } from '../src/compile/policy/compiled-policies.js';
import { Prng } from '../src/lib/random/prng.js';
import type { Packet } from '../src/model/policy/eval/types.js';
import { evaluateReference } from '../src/model/policy/eval/evaluate-reference.js';
import { b1Model_ } from './b01-policy-matrix.js';
import type { Benchmark, BenchResult } from './harness.js';

const PORTS = [80, 443, 8080, 9090, 5432, 6379, 53, 22, 8000, 12345];

function queries(n: number, pods: number, seed: number): Packet[] {
  const r = new Prng(seed);
  return Array.from({ length: n }, () => ({ src: { endpoint: r.int(pods) }, dst: { endpoint: r.int(pods) }, protocol: 6, dstPort: PORTS[r.int(PORTS.length)] as number }));
}

function perSecond(n: number, fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

export const benchmarks: Benchmark[] = [
  {
    id: 'B4',
    title: 'explain 100k random queries on B1',
    run(): BenchResult[] {
      const model = b1Model_();
      const cp = compilePolicies(model);
      const qs = queries(100_000, model.endpoints.length, 11);
      let sink = 0;
      const decide = (): void => {
        for (const q of qs) {
          const d = cp.decide(q);
          sink += d.codes[0] as number;
          sink += d.codes[1] as number;
        }
      };
      decide(); // warm-up: builds the per-port rule states
      const rates = [0, 1, 2].map(() => perSecond(qs.length, decide)).sort((a, b) => a - b);
      const compact = rates[1] as number;
      const explainQs = qs.slice(0, 20_000);
      const full = perSecond(explainQs.length, () => {
        for (const q of explainQs) sink += cp.explain(q).egress.trail.length;
      });
      const refQs = qs.slice(0, 1_000);
      const ref = perSecond(refQs.length, () => {
        for (const q of refQs) sink += evaluateReference(model, q).egress.trail.length;
      });
      const note = `codes name the deciding rule (policy, tier, rule index) of each side; full = Verdict objects with trails, deep-equal to the reference; reference ${ref.toFixed(0)} queries/s on 1000 queries (sink ${sink % 7})`;
      return [
        { id: 'B4', metric: 'verdict + deciding rules', value: compact, unit: 'queries/s', ratio: compact / ref, ratioTo: 'reference evaluator', floor: 200_000, goal: 1_000_000, note },
        { id: 'B4', metric: 'full explanations (with trails)', value: full, unit: 'queries/s', ratio: full / ref, ratioTo: 'reference evaluator' },
      ];
    },
  },
];
