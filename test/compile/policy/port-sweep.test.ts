// test: sweeping the destination-port classes of a protocol with one carried matrix gives, for every
// interval, the matrix a fresh compilation builds for any port inside it.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { compilePolicies } from '../../../src/compile/policy/compiled-policies.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import { clusterArb } from '../../arbitraries/cluster.js';
import { itInParts } from '../../setup/property-parts.js';

describe('sweepPorts', () => {
  itInParts('visits every port interval with the matrix of a fresh compilation', 200, 5, () =>
    fc.property(clusterArb({ maxPods: 6, maxPolicies: 6, extras: true, undeclared: true }), fc.constantFrom(6, 17), fc.nat(), (input, protocol, pick) => {
      const { model } = buildPolicyModel(input);
      const cp = compilePolicies(model);
      const n = model.endpoints.length;
      let next = 1;
      const count = cp.sweepPorts(protocol, (lo, hi, mx) => {
        expect(lo).toBe(next);
        next = hi + 1;
        const port = lo + (pick % (hi - lo + 1));
        const fresh = compilePolicies(model).matrix({ protocol, dstPort: port });
        for (let s = 0; s < n; s++) for (let d = 0; d < n; d++) expect(mx.verdict(s, d), `${s}->${d} port ${port} in [${lo}, ${hi}]`).toBe(fresh.verdict(s, d));
      });
      expect(next).toBe(65536);
      expect(count).toBeGreaterThan(0);
    }),
  );
});
