import { describe, expect, it } from 'vitest';
import { advancePlatform, createPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { defaultScenarioPath, loadScenario } from '../../../src/scenario/load-scenario.js';
import { podsInNamespace } from '../../../src/verdict/trace/pods-by-namespace.js';

describe('podsInNamespace', () => {
  it("is the scan of every pod by cluster and namespace, pods created after the first look included", () => {
    const run = createPlatform(buildModel(loadScenario(defaultScenarioPath())));
    const scan = (c: number, ns: string): number[] => run.pods.pods.filter((p) => p.cluster === c && p.namespace === ns).map((p) => p.id);
    const keys = (): [number, string][] => [...new Set(run.pods.pods.map((p) => `${p.cluster}\u0000${p.namespace}`))].map((k) => [Number(k.split('\u0000')[0]), k.split('\u0000')[1]!]);
    for (const [c, ns] of keys()) expect(podsInNamespace(run.pods, c, ns).map((p) => p.id)).toEqual(scan(c, ns));
    const before = run.pods.pods.length;
    // The default scenario scales umbrella's analytics/spark to 20 at 5 minutes.
    advancePlatform(run, 360_000);
    expect(run.pods.pods.length).toBeGreaterThan(before);
    const umbrella = run.model.clusterByName.get('umbrella')!;
    expect(podsInNamespace(run.pods, umbrella, 'analytics').length).toBeGreaterThanOrEqual(20);
    for (const [c, ns] of keys()) expect(podsInNamespace(run.pods, c, ns).map((p) => p.id)).toEqual(scan(c, ns));
    expect(podsInNamespace(run.pods, umbrella, 'no-such-namespace')).toEqual([]);
  });
});
