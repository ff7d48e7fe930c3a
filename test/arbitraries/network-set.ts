// test arbitrary: a NetworkSet (namespaced) or GlobalNetworkSet with labels and CIDRs or bare addresses.
import fc from 'fast-check';
import type { JsonObject } from '../../src/scenario/types.js';
import { labelSetArb } from './label-set.js';
import { CIDRS, NAMESPACE_NAMES } from './vocabulary.js';

/** Network set `name`. */
export function networkSetArb(name: string): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      global: fc.boolean(),
      namespace: fc.constantFrom(...NAMESPACE_NAMES),
      labels: labelSetArb(),
      nets: fc.uniqueArray(fc.constantFrom(...CIDRS.filter((c) => c !== '0.0.0.0/0'), '10.0.0.9', '10.0.1.7/32'), { minLength: 1, maxLength: 2 }),
    })
    .map((s) => ({
      apiVersion: 'projectcalico.org/v3',
      kind: s.global ? 'GlobalNetworkSet' : 'NetworkSet',
      metadata: { name, ...(s.global ? {} : { namespace: s.namespace }), labels: s.labels },
      spec: { nets: s.nets },
    }));
}
