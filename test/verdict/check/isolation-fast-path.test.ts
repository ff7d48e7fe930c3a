// The isolation check's outer-wall fast path (verdict/check/outer-wall-filter.ts): a target whose outer wall
// lets nothing through at any port is stopped without judging each port interval. Checked against the
// exhaustive check (every target judged in full, as before the fast path) on the reduced large scenario with
// a leaking wall, under generated management policies (walls opened and closed by protocol, port, source
// namespace and CIDR, ingress and egress, in the default tier and before it), pair for pair, counterexamples
// included; with flannel's masquerade and without it (the pair fast path: every target stopped for each
// source the wall may see, verdict/check/isolation.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicies } from '../../../src/compile/policy/compiled-policies.js';
import { runPlatform, type PlatformRun } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import type { JsonObject } from '../../../src/scenario/types.js';
import { checkIsolation } from '../../../src/verdict/check/isolation.js';
import type { ClusterPolicies } from '../../../src/verdict/reach/platform-probes.js';
import { adoptCompiled } from '../../../src/verdict/state/fast-evaluate.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';
import { toManifest } from '../../arbitraries/to-manifest.js';

const TENANTS = ['t01', 't02', 't03'];

const pairs = TENANTS.flatMap((a) => TENANTS.filter((b) => b !== a).map((b): [string, string] => [a, b]));

/** A fixture's run at 30 s and its clusters' policies. */
function setUp(file: string): { run: PlatformRun; clusters: ClusterPolicies[] } {
  const run = runPlatform(buildModel(loadScenario(file)), { until: 30_000 });
  return { run, clusters: policyModelsOf(run).clusters };
}

/** A rule's source: a tenant's VM namespace, the ingress controller's, a pod or VM CIDR, or anything. */
const sourceArb = fc.oneof(
  fc.constantFrom(...TENANTS).map((t): JsonObject => ({ namespaceSelector: `projectcalico.org/name == 'tenant-${t}'` })),
  fc.constant<JsonObject>({ namespaceSelector: "projectcalico.org/name == 'ingress-nginx'" }),
  fc.constantFrom('10.1.0.0/16', '10.2.0.0/16', '10.101.0.0/16', '10.102.0.0/24', '10.0.0.0/24').map((net): JsonObject => ({ nets: [net] })),
  fc.constant<JsonObject>({}),
);

const ruleArb = fc.record({
  action: fc.constantFrom('Allow', 'Deny', 'Pass'),
  protocol: fc.constantFrom('TCP', 'UDP', 'SCTP', undefined),
  ports: fc.option(fc.array(fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constantFrom('22', '53', '1000:2000')), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  source: sourceArb,
});

/** A management policy on one tenant's VMs (or every tenant's): ingress or egress rules. */
const policyArb = (i: number): fc.Arbitrary<JsonObject> =>
  fc
    .record({
      on: fc.constantFrom(...TENANTS, 'all'),
      order: fc.constantFrom(10, 120, 160, 300),
      dir: fc.constantFrom('Ingress', 'Egress'),
      rules: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
    })
    .map(({ on, order, dir, rules }): JsonObject => {
      const list = rules.map((r): JsonObject => {
        const ports: JsonObject = r.protocol && r.ports ? { ports: r.ports } : {};
        const peer: JsonObject = dir === 'Ingress' ? { source: r.source, destination: ports } : { destination: { ...r.source, ...ports } };
        return { action: r.action === 'Pass' && order > 200 ? 'Allow' : r.action, ...(r.protocol ? { protocol: r.protocol } : {}), ...peer };
      });
      return {
        apiVersion: 'projectcalico.org/v3',
        kind: 'GlobalNetworkPolicy',
        metadata: { name: `generated-${i}` },
        spec: { order, namespaceSelector: on === 'all' ? 'has(calisim.io/tenant)' : `projectcalico.org/name == 'tenant-${on}'`, types: [dir], [dir === 'Ingress' ? 'ingress' : 'egress']: list },
      };
    });

/** The clusters with the management model recompiled with `extra` policies applied. */
function withWall(run: PlatformRun, clusters: readonly ClusterPolicies[], extra: readonly JsonObject[]): ClusterPolicies[] {
  const mi = run.model.management;
  const base = clusters[mi]!;
  const cp = compilePolicies(base.model);
  extra.forEach((p, i) => cp.applyManifest(toManifest(p, i + 1)));
  const model = cp.model;
  adoptCompiled(base.model, cp);
  return clusters.map((c, i) => (i === mi ? { ...c, model } : c));
}

describe.each([
  ['with flannel masquerade', 'test/fixtures/identity/breach/large-reduced.yaml', 14],
  ['without flannel masquerade', 'test/fixtures/identity/breach/large-reduced-no-masq.yaml', 15],
])('the isolation check with the outer wall fast path, %s', (_name, file, seed) => {
  const { run, clusters } = setUp(file);

  it('gives the exhaustive check on the leaking fixture', () => {
    const fast = checkIsolation(run, clusters, pairs);
    expect(fast).toEqual(checkIsolation(run, clusters, pairs, { exhaustive: true }));
    expect(fast.filter((r) => !r.isolated).length).toBeGreaterThan(0);
  });

  it('gives the exhaustive check under generated management policies', () => {
    let breaches = 0;
    let isolated = 0;
    fc.assert(
      fc.property(fc.tuple(policyArb(1), policyArb(2), policyArb(3)), (extra) => {
        const policies = withWall(run, clusters, extra);
        const fast = checkIsolation(run, policies, pairs);
        expect(fast).toEqual(checkIsolation(run, policies, pairs, { exhaustive: true }));
        breaches += fast.filter((r) => !r.isolated).length;
        isolated += fast.filter((r) => r.isolated).length;
      }),
      { numRuns: 40, seed },
    );
    // Both outcomes occur: the property compares walls that hold and walls that leak.
    expect(breaches).toBeGreaterThan(0);
    expect(isolated).toBeGreaterThan(0);
  });
});
