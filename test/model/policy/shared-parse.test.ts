// The manifests' parse shared between pod sets (policy-parse-cache.ts): every build equals the old
// per-build conversion (reference-build-policy-model.ts), whichever pod set parsed the manifests first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { PolicyInput } from '../../../src/model/endpoints/types.js';
import type { PolicyModel } from '../../../src/model/policy/types.js';
import type { Manifest } from '../../../src/scenario/types.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { toManifest } from '../../arbitraries/to-manifest.js';
import { referenceBuildPolicyModel } from './reference-build-policy-model.js';

/** A policy in a tier nobody declares (an error) and, for each manifest picked, its duplicate (a warning). */
function withProblems(manifests: readonly Manifest[], picks: readonly number[]): Manifest[] {
  const orphan = toManifest({ apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'orphan', namespace: 'web' }, spec: { tier: 'nowhere', selector: 'all()' } }, 900);
  return [...manifests, orphan, ...picks.flatMap((i) => (manifests.length ? [manifests[i % manifests.length]!] : []))];
}

/** The model as plain data: profiles as entries, selectors as their canonical text (functions dropped). */
function shape(r: { model: PolicyModel; diagnostics: unknown }): string {
  return JSON.stringify({ ...r.model, profiles: [...r.model.profiles] }, (_, v: unknown) =>
    typeof v === 'object' && v !== null && 'ast' in v && 'matches' in v ? String(v) : v === Infinity ? 'Infinity' : v,
  ) + JSON.stringify(r.diagnostics);
}

const arb = fc.tuple(
  clusterArb({ maxPods: 8, maxPolicies: 6, extras: true, undeclared: true }),
  fc.array(fc.nat(), { maxLength: 3 }),
  fc.nat(),
);

describe('buildPolicyModel with a shared parse', () => {
  it('equals the per-build conversion: models, diagnostics, after a parse by another pod set or order', () => {
    let policies = 0;
    fc.assert(
      fc.property(arb, ([cluster, picks, cut]) => {
        const input: PolicyInput = { ...cluster, manifests: withProblems(cluster.manifests, picks) };
        // The same manifests read first with fewer pods (as validation and the diagnostics do).
        buildPolicyModel({ ...input, pods: input.pods.slice(0, cut % (input.pods.length + 1)), services: [] });
        const built = buildPolicyModel(input);
        policies += built.model.policies.length;
        expect(shape(built)).toBe(shape(referenceBuildPolicyModel(input)));
        // The same objects in another order (the first kept) are another list: parsed afresh, read in order.
        const turned: PolicyInput = { ...input, manifests: [input.manifests[0]!, ...input.manifests.slice(1).reverse()] };
        expect(shape(buildPolicyModel(turned))).toBe(shape(referenceBuildPolicyModel(turned)));
      }),
      { numRuns: 120, seed: 6006 },
    );
    expect(policies).toBeGreaterThan(120);
  });
});
