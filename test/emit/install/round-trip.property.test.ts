// Round trip, as a property over generated scenarios: a tenant with random namespaces, workloads, tiers and
// policies is simulated, its manifest set written, and the set's folder read back as input:
// the connection list (every workload pair, every port, both directions) is the same, byte for byte.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { connlist, formatConnlist } from '../../../src/emit/connlist/connlist.js';
import { buildManifestSet } from '../../../src/emit/manifest-set.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario, loadScenarios } from '../../../src/scenario/load-scenario.js';
import type { JsonObject, Scenario } from '../../../src/scenario/types.js';
import { fastEvaluate } from '../../../src/verdict/state/fast-evaluate.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { labelSetArb } from '../../arbitraries/label-set.js';
import { policyManifestArb } from '../../arbitraries/policy-manifest.js';
import { tiersArb } from '../../arbitraries/tier.js';
import { NAMESPACE_CHOICES, NAMESPACE_LABEL_KEYS, NAMESPACE_NAMES, SERVICE_ACCOUNTS } from '../../arbitraries/vocabulary.js';

const workloadArb = (i: number): fc.Arbitrary<JsonObject> =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACE_CHOICES),
      labels: labelSetArb(),
      serviceAccount: fc.constantFrom(...SERVICE_ACCOUNTS),
      replicas: fc.integer({ min: 1, max: 3 }),
      port: fc.constantFrom(80, 8080, 9090),
    })
    .map((w) => ({
      name: `w${i}`,
      namespace: w.namespace,
      kind: 'Deployment',
      replicas: w.replicas,
      labels: { ...w.labels, workload: `w${i}` },
      serviceAccount: w.serviceAccount,
      ports: [{ name: 'http', containerPort: w.port, protocol: 'TCP' }],
    }));

const scenarioArb: fc.Arbitrary<JsonObject> = tiersArb().chain((tiers) => {
  const tierNames = tiers.map((t) => String((t['metadata'] as JsonObject)['name']));
  return fc
    .record({
      namespaces: fc.tuple(...NAMESPACE_NAMES.map((name) => labelSetArb(NAMESPACE_LABEL_KEYS, ['x', 'y']).map((labels) => ({ name, labels })))),
      workloads: fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => workloadArb(i)))),
      policies: fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => policyManifestArb(`pol${i}`, tierNames)))),
      nodes: fc.integer({ min: 1, max: 3 }),
    })
    .map((s) => ({
      name: 'generated',
      tenants: [
        {
          name: 'gen',
          underlay: { physical: { cidr: '10.0.0.0/16', mtu: 1500 } },
          nodes: { count: s.nodes, name: 'node-{i}' },
          namespaces: s.namespaces,
          workloads: s.workloads,
          policies: [...tiers, ...s.policies],
        },
      ],
    }));
});

function connlistOf(scenario: Scenario): string {
  const run = runPlatform(buildModel(scenario), { until: 0 });
  const built = policyModelsOf(run);
  return formatConnlist(connlist(built.clusters[0]!.model, fastEvaluate));
}

describe('manifest round trip', () => {
  it('a generated tenant read back from its manifests has the same connection list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calisim-rt-'));
    try {
      fc.assert(
        fc.property(scenarioArb, (doc) => {
          const file = join(dir, 'scenario.yaml');
          writeFileSync(file, stringify(doc));
          let scenario: Scenario;
          try {
            scenario = loadScenario(file);
          } catch {
            return fc.pre(false);
          }
          const run = runPlatform(buildModel(scenario), { until: 0 });
          const out = join(dir, 'out');
          rmSync(out, { recursive: true, force: true });
          for (const f of buildManifestSet(run, { format: 'yaml' })) {
            mkdirSync(dirname(join(out, f.path)), { recursive: true });
            writeFileSync(join(out, f.path), f.data);
          }
          // Read back as a user would: the set's root, one cluster per folder.
          const back = loadScenarios([out]);
          expect(back.tenants.map((t) => t.name)).toEqual(['gen']);
          expect(connlistOf(back)).toBe(connlistOf(scenario));
        }),
        { numRuns: 12 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
