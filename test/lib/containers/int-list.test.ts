import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntList } from '../../../src/lib/containers/int-list.js';

describe('IntList', () => {
  it('holds what an array holds through pushes (growing past its capacity), reservations and removals', () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: -5, max: 5 }) }),
      fc.record({ remove: fc.integer({ min: -5, max: 5 }) }),
      fc.record({ reserve: fc.integer({ min: 0, max: 40 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (ops, capacity) => {
        const list = new IntList(capacity);
        let ref: number[] = [];
        for (const o of ops) {
          if ('push' in o) {
            list.push(o.push);
            ref.push(o.push);
          } else if ('reserve' in o) {
            list.reserve(o.reserve);
          } else {
            list.remove(o.remove);
            ref = ref.filter((x) => x !== o.remove);
          }
          expect(Array.from(list.view())).toEqual(ref);
        }
      }),
    );
  });
});
