import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { Manifest } from '../../../src/scenario/types.js';
import { policyDiagnostics } from '../../../src/verdict/state/policy-diagnostics.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { toManifest } from '../../arbitraries/to-manifest.js';

/** A policy in a tier nobody declares (an error) and, for each manifest picked, its duplicate (a warning). */
function withProblems(manifests: readonly Manifest[], picks: readonly number[]): Manifest[] {
  const orphan = toManifest({ apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'orphan', namespace: 'web' }, spec: { tier: 'nowhere', selector: 'all()' } }, 900);
  return [...manifests, orphan, ...picks.flatMap((i) => (manifests.length ? [manifests[i % manifests.length]!] : []))];
}

describe('policyDiagnostics', () => {
  it("equals a full build's diagnostics: pods in undeclared namespaces, network sets, host endpoints, errors and warnings", () => {
    let problems = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 8, maxPolicies: 5, extras: true, undeclared: true }), fc.array(fc.nat(), { maxLength: 3 }), (input, picks) => {
        const full = { ...input, manifests: withProblems(input.manifests, picks) };
        const expected = buildPolicyModel(full).diagnostics;
        problems += expected.length;
        expect(policyDiagnostics(full)).toEqual(expected);
      }),
      { numRuns: 150, seed: 1414 },
    );
    expect(problems).toBeGreaterThan(150);
  });
});
