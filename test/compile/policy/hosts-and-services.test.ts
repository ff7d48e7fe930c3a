// test: agreement with the reference evaluator when clusters also hold HostEndpoints (failsafe ports,
// profiles), network sets, Services (DNAT, `services` rule matches) and a user Profile.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { compilePolicies } from '../../../src/compile/policy/compiled-policies.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { disagreement, PACKETS } from './agreement.js';
import { itInParts } from '../../setup/property-parts.js';

describe('compilePolicies with host endpoints, network sets and Services', () => {
  itInParts('agrees with evaluateReference on every pair', 500, 4, () =>
    fc.property(clusterArb({ maxPods: 7, maxPolicies: 5, extras: true }), fc.subarray([...PACKETS], { minLength: 1, maxLength: 2 }), (input, packets) => {
      const { model } = buildPolicyModel(input);
      expect(disagreement(model, compilePolicies(model), compilePolicies(model), packets)).toBeUndefined();
    }),
  );
});
