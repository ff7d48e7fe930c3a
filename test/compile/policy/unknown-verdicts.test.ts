// test: pairs whose verdict depends on facts the input lacks (undeclared namespaces' labels, pods without an
// address) get exactly the reference evaluator's answers, `unknown` included, in the matrix, the verdicts and
// the explanations — also after incremental updates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicies } from '../../../src/compile/policy/compiled-policies.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { disagreement, PACKETS } from './agreement.js';

const options = { maxPods: 6, maxPolicies: 5, extras: true, undeclared: true, noIp: true };

describe('unknown verdicts', () => {
  it('match the reference on every pair', () => {
    let unknowns = 0;
    fc.assert(
      fc.property(clusterArb(options), fc.subarray([...PACKETS], { minLength: 1, maxLength: 2 }), (input, packets) => {
        const { model } = buildPolicyModel(input);
        const cp = compilePolicies(model);
        expect(disagreement(model, cp, compilePolicies(model), packets)).toBeUndefined();
        for (const p of packets) for (let s = 0; s < model.endpoints.length; s++) for (let d = 0; d < model.endpoints.length; d++) if (cp.matrix(p).verdict(s, d) === 'unknown') unknowns++;
      }),
      { numRuns: 400 },
    );
    expect(unknowns).toBeGreaterThan(0);
  });
});
