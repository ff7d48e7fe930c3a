// test: the diff of a policy-only change (an incremental update, as diff --apply/--delete makes) evaluates
// only the pairs with an end a changed policy may select, and reports exactly what comparing every pair
// reports; affectedEnds marks the ends a known change touches and gives up when more than policies differ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicies } from '../../../src/compile/policy/compiled-policies.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { PodInput, PolicyInput } from '../../../src/model/endpoints/types.js';
import type { PolicyModel } from '../../../src/model/policy/types.js';
import type { JsonObject } from '../../../src/scenario/types.js';
import { affectedEnds } from '../../../src/verdict/diff/affected-ends.js';
import { computeDiff } from '../../../src/verdict/diff/compute-diff.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { policyManifestArb } from '../../arbitraries/policy-manifest.js';
import { toManifest } from '../../arbitraries/to-manifest.js';

type Op = { readonly apply: JsonObject } | { readonly remove: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('pol0', 'pol1', 'new0').chain((name) => policyManifestArb(name, ['t1', 't2', 't3'])).map((apply) => ({ apply })) },
  { weight: 1, arbitrary: fc.nat(20).map((remove) => ({ remove })) },
);

/** AFTER as the incremental path builds it: the compiled BEFORE with one policy applied or deleted. */
function changed(before: PolicyModel, op: Op, line: number): PolicyModel | undefined {
  const cp = compilePolicies(before);
  if ('apply' in op) return cp.applyManifest(toManifest(op.apply, line)).change ? cp.model : undefined;
  const p = before.policies[op.remove % Math.max(1, before.policies.length)];
  if (!p) return undefined;
  cp.deletePolicy(p);
  return cp.model;
}

const labels = { before: 'b', after: 'a' };

describe('diff of a policy-only change', () => {
  it('reports exactly what comparing every pair reports', () => {
    let shortcuts = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 6, maxPolicies: 4, extras: true, undeclared: true, noIp: true }), opArb, (input, op) => {
        const before = buildPolicyModel(input).model;
        const after = changed(before, op, 100);
        if (!after) return;
        if (affectedEnds(before, after)) shortcuts++;
        // A copy of the endpoint list makes the models differ in more than policies: every pair is compared.
        const everyPair = { ...after, endpoints: [...after.endpoints] };
        expect(affectedEnds(before, everyPair)).toBeUndefined();
        const fast = computeDiff([{ name: 'c', model: before }], [{ name: 'c', model: after }], labels);
        const full = computeDiff([{ name: 'c', model: before }], [{ name: 'c', model: everyPair }], labels);
        expect(fast).toEqual(full);
      }),
      { numRuns: 40, seed: 14 },
    );
    expect(shortcuts).toBeGreaterThan(20);
  });

  it('marks the ends a changed policy selects, on the sides it governs', () => {
    const src = { file: 'ka.yaml', line: 1, col: 1 };
    const pod = (name: string, namespace: string, ip: string): PodInput => ({ name, namespace, labels: { app: name }, serviceAccount: 'default', ports: [], ip, hostNetwork: false, src });
    const input: PolicyInput = {
      namespaces: ['a', 'b'].map((name) => ({ name, labels: {}, declared: true, src })),
      pods: [pod('x', 'a', '10.0.0.1'), pod('y', 'a', '10.0.0.2'), pod('z', 'b', '10.0.0.3')],
      services: [],
      manifests: [],
    };
    const before = buildPolicyModel(input).model;
    // An ingress-only NetworkPolicy in namespace a selecting app=x: x's ingress alone may change.
    const policy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'only-x', namespace: 'a' }, spec: { podSelector: { matchLabels: { app: 'x' } }, policyTypes: ['Ingress'] } };
    const after = changed(before, { apply: policy }, 5)!;
    const ends = affectedEnds(before, after)!;
    expect([...ends.ingress]).toEqual([1, 0, 0]);
    expect([...ends.egress]).toEqual([0, 0, 0]);
    // Renumbered copies of unchanged policies are not changes: deleting it again leaves nothing affected.
    expect(affectedEnds(after, after)).toEqual({ ingress: new Uint8Array(3), egress: new Uint8Array(3) });
    // Different endpoints (another scenario): every pair must be compared.
    expect(affectedEnds(before, buildPolicyModel({ ...input, pods: input.pods.slice(1) }).model)).toBeUndefined();
  });
});
