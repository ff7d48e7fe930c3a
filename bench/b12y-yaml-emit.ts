// bench: B12Y — the part of B12's `manifests` that writes YAML: B1's 10,000 Pods and 2,000 policies (their
// objects as the manifest set renders them) through src/lib/yaml-emit.ts, against the `yaml` library's stringify
// (the reference it must equal byte for byte) in the same process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { buildManifestSet } from '../src/emit/manifest-set.js';
import { runPlatform } from '../src/engine/platform/run-platform.js';
import { emitYaml } from '../src/lib/yaml-emit.js';
import { buildModel } from '../src/model/build-model.js';
import { loadScenarios } from '../src/scenario/load-scenario.js';
import { medianMs, type Benchmark, type BenchResult } from './harness.js';
import { writeB1Scenario } from './scenario-b1.js';

export const benchmarks: Benchmark[] = [
  {
    id: 'B12Y',
    title: "YAML of B1's Pods and policies: the fast emitter against yaml's stringify",
    run(): BenchResult[] {
      const work = mkdtempSync(join(tmpdir(), 'calisim-b12y-'));
      try {
        const run = runPlatform(buildModel(loadScenarios([writeB1Scenario(join(work, 'b1'))])), { until: 0 });
        const files = buildManifestSet(run, { format: 'yaml' }).filter((f) => /\/kubernetes\/(pods|policies)\.yaml$/.test(f.path));
        const objects = files.flatMap((f) => parseAllDocuments(f.data).map((d) => d.toJS() as unknown));
        let fastText = '';
        let yamlText = '';
        const fast = medianMs(() => (fastText = objects.map(emitYaml).join('---\n')), 5, 1);
        const reference = medianMs(() => (yamlText = objects.map((o) => stringify(o, { lineWidth: 0, sortMapEntries: false })).join('---\n')), 3, 1);
        if (fastText !== yamlText) throw new Error('B12Y: the fast emitter differs from yaml');
        const mb = fastText.length / 1e6;
        return [
          { id: 'B12Y', metric: 'yaml_emit_b1_pods_policies', value: fast / 1000, unit: 's', ratio: fast / reference, ratioTo: "yaml's stringify", note: `${objects.length} objects, ${mb.toFixed(1)} MB; yaml ${(reference / 1000).toFixed(2)} s` },
        ];
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  },
];
