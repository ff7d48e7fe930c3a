// test arbitrary: a label map over the shared vocabulary (keys may be absent; values from a small set).
import fc from 'fast-check';
import type { Labels } from '../../src/scenario/types.js';
import { LABEL_KEYS, LABEL_VALUES } from './vocabulary.js';

/** Labels with any subset of `keys`, values from `values`. */
export function labelSetArb(keys: readonly string[] = LABEL_KEYS, values: readonly string[] = LABEL_VALUES): fc.Arbitrary<Labels> {
  return fc.record(Object.fromEntries(keys.map((k) => [k, fc.constantFrom(...values)])), { requiredKeys: [] }) as fc.Arbitrary<Labels>;
}
