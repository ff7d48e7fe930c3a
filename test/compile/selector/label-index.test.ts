// The inverted label index: key bitsets and value posting lists against the label maps they index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { popcount, toIndices } from '../../../src/lib/containers/bitset.js';
import { LabelIndex } from '../../../src/compile/selector/label-index.js';
import { KEYS, labels } from '../../lib/selector/arbitrary.js';

describe('LabelIndex', () => {
  it('indexes keys and values exactly', () => {
    fc.assert(
      fc.property(fc.array(labels, { maxLength: 100 }), (universe) => {
        const index = new LabelIndex(universe);
        expect(index.size).toBe(universe.length);
        expect(popcount(index.all)).toBe(universe.length);
        for (const k of KEYS) {
          const withKey = universe.flatMap((l, i) => (Object.hasOwn(l, k) ? [i] : []));
          expect(toIndices(index.membersWithKey(k) ?? new Int32Array(index.words))).toEqual(withKey);
          const values = index.valuesOf(k);
          for (const [v, members] of values ?? []) {
            expect(Array.from(members)).toEqual(universe.flatMap((l, i) => (Object.hasOwn(l, k) && l[k] === v ? [i] : [])));
            expect(index.membersWithValue(k, v)).toBe(members);
          }
          expect([...(values?.values() ?? [])].reduce((n, m) => n + m.length, 0)).toBe(withKey.length);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('knows nothing of absent keys and values', () => {
    const index = new LabelIndex([{ a: 'x' }]);
    expect(index.membersWithKey('b')).toBeUndefined();
    expect(index.membersWithValue('a', 'y')).toBeUndefined();
    expect(index.valuesOf('b')).toBeUndefined();
  });
});
