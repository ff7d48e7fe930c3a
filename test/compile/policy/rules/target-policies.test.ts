// test: the per-class policy lists and groups a compilation builds at once (TargetPolicies.addAll: integer
// partition ids, then one list per group) are those add() builds one policy at a time, in any order — the
// same policies in Felix order for every class and direction, and two classes in one group exactly when add()
// puts them in one — on random clusters (tiers, orders, staged policies, HostEndpoints, network sets).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyCore } from '../../../../src/compile/policy/matrix/policy-core.js';
import { TargetPolicies } from '../../../../src/compile/policy/rules/target-policies.js';
import { buildPolicyModel } from '../../../../src/model/policy/build-policy-model.js';
import { clusterArb } from '../../../arbitraries/cluster.js';

describe('TargetPolicies.addAll', () => {
  it('gives the lists and groups of adding each policy in turn', () => {
    let shared = 0;
    fc.assert(
      fc.property(clusterArb({ maxPods: 8, maxPolicies: 8, extras: true }), fc.nat(), (input, seed) => {
        const core = new PolicyCore(buildPolicyModel(input).model);
        const cps = [...core.policies.values()];
        // add() in a seeded shuffle of the policies (it inserts each in Felix order).
        const order = cps.map((cp, i) => ({ cp, k: (Math.imul(i + 1, 0x9e3779b1) ^ seed) >>> 0 })).sort((a, b) => a.k - b.k);
        const ref = new TargetPolicies();
        for (const { cp } of order) ref.add(cp, core.pool);
        const n = core.classCount();
        for (const dir of ['ingress', 'egress'] as const) {
          for (let c = 0; c < n; c++) {
            expect(core.targets.get(dir, c), `${dir} class ${c}`).toEqual(ref.get(dir, c));
            for (let d = 0; d < c; d++) {
              const same = core.targets.groupOf(dir, c) === core.targets.groupOf(dir, d);
              expect(same, `${dir} classes ${d}, ${c}`).toBe(ref.groupOf(dir, c) === ref.groupOf(dir, d));
              if (same && core.targets.get(dir, c).length > 0) shared++;
            }
          }
        }
      }),
      { numRuns: 150, seed: 21 },
    );
    expect(shared).toBeGreaterThan(20);
  });
});
