// endResolver (the page's many traces in one state) resolves every end as resolveEnd's scan of the pod table
// does: each pod by tenant/namespace/name and namespace/name (ambiguous across tenants), nodes, addresses,
// unknown names and clusters, after a scale-down left terminated pods in the table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { endResolver, resolveEnd } from '../../../src/verdict/trace/resolve-end.js';

describe('endResolver', () => {
  it.each([
    ['scenarios/giantnetes.yaml', 600_000],
    ['test/fixtures/loadbalancer/local-failover.yaml', 90_000],
  ])('resolves every end of %s as resolveEnd does', (scenario, until) => {
    const run = runPlatform(buildModel(loadScenario(scenario)), { until });
    const resolve = endResolver(run);
    const names = run.pods.pods.flatMap((p) => [`${run.model.clusters[p.cluster]!.name}/${p.namespace}/${p.name}`, `${p.namespace}/${p.name}`]);
    const other = [...run.model.nodes.map((n) => n.name), 'nobody/shop/x', 'acme/shop/x', 'shop', 'a/b/c/d', '10.0.0.1', '192.0.2.1'];
    fc.assert(
      fc.property(fc.constantFrom(...names, ...other), (text) => {
        expect(resolve(text)).toEqual(resolveEnd(run, text));
      }),
      { numRuns: 300 },
    );
  });
  it('the second fixture has a terminated pod in its table (a scale-down at 60 s)', () => {
    const run = runPlatform(buildModel(loadScenario('test/fixtures/loadbalancer/local-failover.yaml')), { until: 90_000 });
    const gone = run.pods.pods.find((p) => p.phase === 'terminated')!;
    expect(typeof endResolver(run)(`${gone.namespace}/${gone.name}`)).toBe('string');
  });
});
