// test: the compiled policy matrix, verdicts and explanations agree with the reference evaluator on every
// pair of random clusters (Calico and Kubernetes policies in up to three tiers, Deny/Pass/Log, selectors,
// nets, ports, named ports, staged policies); every deciding rule really matches.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { compilePolicies } from '../../../src/compile/policy/compiled-policies.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { disagreement, PACKETS } from './agreement.js';
import { itInParts } from '../../setup/property-parts.js';

const packetsArb = fc.subarray([...PACKETS], { minLength: 1, maxLength: 2 });

describe('compilePolicies agrees with evaluateReference', () => {
  itInParts('on random clusters of pods and policies', 600, 4, () =>
    fc.property(clusterArb({ maxPods: 8, maxPolicies: 6 }), packetsArb, (input, packets) => {
      const { model } = buildPolicyModel(input);
      expect(disagreement(model, compilePolicies(model), compilePolicies(model), packets)).toBeUndefined();
    }),
  );
});
