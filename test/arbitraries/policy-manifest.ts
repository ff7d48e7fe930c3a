// test arbitrary: one policy manifest — a Kubernetes NetworkPolicy, a Calico (Global/Staged) policy, or an
// AdminNetworkPolicy / BaselineAdminNetworkPolicy.
import fc from 'fast-check';
import type { JsonObject } from '../../src/scenario/types.js';
import { adminPolicyArb } from './admin-policy.js';
import { calicoPolicyArb } from './calico-policy.js';
import { k8sPolicyArb } from './k8s-policy.js';

/** A policy named `name` in `default` or one of `tiers`. */
export function policyManifestArb(name: string, tiers: readonly string[]): fc.Arbitrary<JsonObject> {
  return fc.oneof(
    { weight: 4, arbitrary: k8sPolicyArb(name) },
    { weight: 8, arbitrary: calicoPolicyArb(name, tiers) },
    { weight: 1, arbitrary: fc.boolean().chain((baseline) => adminPolicyArb(name, baseline)) },
  );
}
