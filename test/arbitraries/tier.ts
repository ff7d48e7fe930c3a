// test arbitrary: up to three user tiers (Tier manifests) with orders (some equal, some absent) and
// default actions Deny or Pass.
import fc from 'fast-check';
import type { JsonObject } from '../../src/scenario/types.js';
import { TIER_NAMES } from './vocabulary.js';

/** Tier manifests for a prefix of TIER_NAMES. */
export function tiersArb(): fc.Arbitrary<JsonObject[]> {
  const tier = fc.record({ order: fc.constantFrom<number | undefined>(100, 200, 200, 300, undefined), defaultAction: fc.constantFrom('Deny', 'Pass') });
  return fc.array(tier, { minLength: 0, maxLength: 3 }).map((ts) =>
    ts.map((t, i): JsonObject => ({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Tier',
      metadata: { name: TIER_NAMES[i] as string },
      spec: { ...(t.order !== undefined ? { order: t.order } : {}), defaultAction: t.defaultAction },
    })),
  );
}
