// Every YAML document the shipped scenarios' manifest sets hold, and those of the real-manifest fixtures, is what
// the `yaml` library's stringify writes for the same value (the reference the fast emitter of src/lib/yaml-emit.ts
// replaced), and almost all of them went through the fast path.
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { buildManifestSet } from '../../src/emit/manifest-set.js';
import { runPlatform } from '../../src/engine/platform/run-platform.js';
import { fastYaml } from '../../src/lib/yaml-emit.js';
import { buildModel } from '../../src/model/build-model.js';
import { loadScenarios } from '../../src/scenario/load-scenario.js';

const INPUTS: readonly (readonly string[])[] = [
  ['scenarios/giantnetes.yaml'],
  ['scenarios/pki/ca-no-overlap.yaml'],
  ['scenarios/pki/typha-expiry.yaml'],
  ['scenarios/sweeps/base.yaml'],
  ['test/fixtures/identity/large-reduced.yaml'],
  ['test/fixtures/manifests/kind-dump'],
  ['test/fixtures/manifests/kustomized'],
  ['test/fixtures/manifests/service-accounts'],
];

/** The object documents of one file: its text without the comment lines a kustomization opens with. */
function documentsOf(data: string): { text: string; value: unknown }[] {
  const body = data.replace(/^(#.*\n)+/, '');
  const texts = body.split(/^---\n/m);
  const values = parseAllDocuments(body).map((d) => d.toJS() as unknown);
  expect(values.length).toBe(texts.length);
  return texts.map((text, i) => ({ text, value: values[i] }));
}

describe('the emitted YAML against the yaml library', () => {
  for (const input of INPUTS) {
    it(`every document of ${input.join(' ')}`, () => {
      const run = runPlatform(buildModel(loadScenarios(input)), { until: 30_000 });
      let documents = 0;
      let fast = 0;
      for (const f of buildManifestSet(run, { format: 'yaml' })) {
        if (!f.path.endsWith('.yaml')) continue;
        for (const d of documentsOf(f.data)) {
          documents++;
          expect(d.text, f.path).toBe(stringify(d.value, { lineWidth: 0, sortMapEntries: false }));
          const got = fastYaml(d.value);
          if (got === undefined) continue;
          fast++;
          expect(got, f.path).toBe(d.text);
        }
      }
      // Left to `yaml`: the installations' Deployments and DaemonSets that share their label maps (anchors) and
      // the ConfigMaps holding multi-line files.
      expect(documents).toBeGreaterThan(20);
      expect(fast / documents).toBeGreaterThan(0.8);
    });
  }
});
