import { describe, expect, it } from 'vitest';
import { advancePlatform, createPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { evaluateReference } from '../../../src/model/policy/eval/evaluate-reference.js';
import { defaultScenarioPath, loadScenario } from '../../../src/scenario/load-scenario.js';
import { compiledOf, fastEvaluate } from '../../../src/verdict/state/fast-evaluate.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { toManifest } from '../../arbitraries/to-manifest.js';

describe('policyModelsOf', () => {
  it("updates a rollout's cluster incrementally, with the verdicts of a full rebuild", () => {
    const run = createPlatform(buildModel(loadScenario(defaultScenarioPath())));
    advancePlatform(run, 170_000);
    const before = policyModelsOf(run);
    const g = run.model.clusterByName.get('globex')!;
    const compiledBefore = compiledOf(before.clusters[g]!.model);
    // The default scenario applies data/frontend-to-db in globex at 3 minutes.
    advancePlatform(run, 190_000);
    const after = policyModelsOf(run, before);
    const rebuilt = policyModelsOf(run);
    expect(after.clusters[g]).not.toBe(before.clusters[g]);
    // The incremental path kept (and updated) the same compiled policies.
    expect(compiledOf(after.clusters[g]!.model)).toBe(compiledBefore);
    const inc = after.clusters[g]!.model;
    const full = rebuilt.clusters[g]!.model;
    expect(inc.policies.map((p) => `${p.kind}/${p.namespace}/${p.name}`)).toEqual(full.policies.map((p) => `${p.kind}/${p.namespace}/${p.name}`));
    let allowed = 0;
    for (const s of full.endpoints) {
      for (const d of full.endpoints) {
        for (const [protocol, dstPort] of [[6, 5432], [17, 53], [6, 9000]] as const) {
          const pkt = { src: { endpoint: s.index }, dst: { endpoint: d.index }, protocol, dstPort };
          const v = fastEvaluate(inc, pkt).verdict;
          expect(v).toBe(evaluateReference(full, pkt).verdict);
          if (v === 'allow') allowed++;
        }
      }
    }
    expect(allowed).toBeGreaterThan(0);
    // Other clusters, unchanged, are reused as they were.
    const a = run.model.clusterByName.get('acme')!;
    expect(after.clusters[a]).toBe(before.clusters[a]);
  });

  it("reports every cluster's problems before any model is read, and builds a model as the run stood when asked", () => {
    const run = createPlatform(buildModel(loadScenario(defaultScenarioPath())));
    advancePlatform(run, 170_000);
    const g = run.model.clusterByName.get('globex')!;
    const orphan = toManifest({ apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'orphan', namespace: 'data' }, spec: { tier: 'nowhere', selector: 'all()' } }, 77);
    run.policies.apply(g, [orphan]);
    const before = policyModelsOf(run);
    // No model was read: the orphan's error is there all the same.
    expect(before.diagnostics.map((d) => `${d.line} ${d.path} ${d.severity}`)).toEqual(['77 spec.tier error']);
    const policies = (m: { policies: readonly { name: string }[] }): string[] => m.policies.map((p) => p.name).sort();
    const expected = policies(policyModelsOf(run).clusters[g]!.model);
    // The default scenario applies data/frontend-to-db in globex at 3 minutes, and starts no pod then.
    advancePlatform(run, 190_000);
    expect(policies(before.clusters[g]!.model)).toEqual(expected);
    expect(expected).not.toContain('frontend-to-db');
    expect(policies(policyModelsOf(run).clusters[g]!.model)).toContain('frontend-to-db');
  });
});
