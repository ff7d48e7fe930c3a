import { describe, expect, it } from 'vitest';
import { createPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { defaultScenarioPath, loadScenario } from '../../../src/scenario/load-scenario.js';
import { computeDiff, type DiffSide } from '../../../src/verdict/diff/compute-diff.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { toManifest } from '../../arbitraries/to-manifest.js';

/** `side` with a count of the reads of its model. */
function counted(side: DiffSide, reads: Map<string, number>): DiffSide {
  return {
    name: side.name,
    get model() {
      reads.set(side.name, (reads.get(side.name) ?? 0) + 1);
      return side.model;
    },
  };
}

describe('computeDiff', () => {
  it("reads only the changed cluster's models: a side that is the same object on both sides is not built", () => {
    const run = createPlatform(buildModel(loadScenario(defaultScenarioPath())));
    const before = policyModelsOf(run);
    const g = run.model.clusterByName.get('globex')!;
    const open = toManifest({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'open', namespace: 'data' }, spec: { podSelector: {}, ingress: [{}] } });
    run.policies.apply(g, [open]);
    const after = policyModelsOf(run, before);
    const reads = new Map<string, number>();
    const sides = before.clusters.map((c) => counted(c, reads));
    const report = computeDiff(sides, after.clusters.map((c, i) => (c === before.clusters[i] ? sides[i]! : counted(c, reads))), { before: 'a', after: 'b' });
    expect([...reads.keys()]).toEqual(['globex']);
    expect(report.summary.newlyAllowed).toBeGreaterThan(0);
  });
});
