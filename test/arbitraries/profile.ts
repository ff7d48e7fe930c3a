// test arbitrary: the user Profile `prof1` (used by generated HostEndpoints) with labels to apply and rules.
import fc from 'fast-check';
import type { JsonObject } from '../../src/scenario/types.js';
import { calicoRuleArb } from './calico-rule.js';

export function profileArb(): fc.Arbitrary<JsonObject> {
  return fc
    .record({ ingress: fc.array(calicoRuleArb(), { maxLength: 2 }), egress: fc.array(calicoRuleArb(), { maxLength: 2 }), env: fc.constantFrom('a', 'b') })
    .map((p) => ({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Profile',
      metadata: { name: 'prof1' },
      spec: { ingress: p.ingress, egress: p.egress, labelsToApply: { env: p.env } },
    }));
}
