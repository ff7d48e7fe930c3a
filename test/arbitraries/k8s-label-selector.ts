// test arbitrary: a Kubernetes LabelSelector object (matchLabels and matchExpressions) over the vocabulary.
import fc from 'fast-check';
import type { JsonObject } from '../../src/scenario/types.js';
import { LABEL_KEYS, LABEL_VALUES } from './vocabulary.js';

/** A LabelSelector; `keys`/`values` default to the pod vocabulary. */
export function k8sLabelSelectorArb(keys: readonly string[] = LABEL_KEYS, values: readonly string[] = LABEL_VALUES): fc.Arbitrary<JsonObject> {
  const expr = fc.oneof(
    fc.tuple(fc.constantFrom(...keys), fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }), fc.constantFrom('In', 'NotIn')).map(
      ([key, vs, operator]): JsonObject => ({ key, operator, values: vs }),
    ),
    fc.tuple(fc.constantFrom(...keys), fc.constantFrom('Exists', 'DoesNotExist')).map(([key, operator]): JsonObject => ({ key, operator })),
  );
  return fc
    .record(
      {
        matchLabels: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 2 }),
        matchExpressions: fc.array(expr, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    )
    .map((s) => s as JsonObject);
}
