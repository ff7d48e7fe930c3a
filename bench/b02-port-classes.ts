// bench: B2 — 20k pods x 4k policies whose rules draw from 1,500 distinct TCP port ranges: one port class's
// matrix built from scratch, and every TCP port class swept with one carried matrix.
import { compilePolicies } from '../src/compile/policy/compiled-policies.js';
import { buildPolicyModel } from '../src/model/policy/build-policy-model.js';
import { generateCluster } from './b01-policy-matrix.js';
import { medianMs, rssMb, type Benchmark, type BenchResult } from './harness.js';

export const benchmarks: Benchmark[] = [
  {
    id: 'B2',
    title: 'port classes: 20k pods x 4k policies, 1,500 distinct port ranges',
    async run(): Promise<BenchResult[]> {
      const { model } = buildPolicyModel(generateCluster(2, { pods: 20_000, namespaces: 200, policies: 4_000, portRanges: 1_500 }));
      let classes = 0;
      const oneMs = medianMs(() => {
        const cp = compilePolicies(model);
        classes = cp.matrix({ protocol: 6, dstPort: 8080 }).classCount;
      }, 3);
      const cp = compilePolicies(model);
      let visited = 0;
      let allowed = 0;
      const t0 = process.hrtime.bigint();
      const intervals = cp.sweepPorts(6, (_lo, _hi, mx) => {
        visited++;
        if (visited % 500 === 0) allowed += mx.verdict(0, 1) === 'allow' ? 1 : 0;
      });
      const sweepS = Number(process.hrtime.bigint() - t0) / 1e9;
      const rss = await rssMb();
      const note = `${model.endpoints.length} pods in ${classes} classes, ${model.policies.length} policies, ${intervals} TCP port classes; a carried matrix per class costs ${((sweepS * 1000) / intervals).toFixed(2)} ms (sink ${allowed})`;
      return [
        { id: 'B2', metric: 'one port class from scratch', value: oneMs / 1000, unit: 's', floor: 2 },
        { id: 'B2', metric: 'all TCP port classes (sweep)', value: sweepS, unit: 's', ratio: (oneMs / 1000) * intervals / sweepS, ratioTo: 'each class from scratch', goal: 5, note },
        { id: 'B2', metric: 'RSS', value: rss, unit: 'MB' },
      ];
    },
  },
];
