// A node whose pool list and static routes are the very arrays of the node interned before it (a
// cluster's nodes share them) gets that node's filter profile without reparsing: the ids equal those of
// interning fresh copies every time (what the profile's text key alone decides), on random sequences of
// shared, copied and new lists, and the profiles' rules are the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterProfiles } from '../../../src/engine/bgp/decision/export-filter.js';
import type { BgpPool } from '../../../src/model/bgp/types.js';

const cidr = fc.constantFrom('10.1.0.0/16', '10.2.0.0/16', '10.96.0.0/12', '192.168.0.0/24', 'not-a-cidr', '10.1.0.0/16');
const poolArb = fc.record({ cidr, disableBGPExport: fc.boolean() }).map(
  (p): BgpPool => ({ cidr: p.cidr, ipipMode: 'Never', vxlanMode: 'Always', disableBGPExport: p.disableBGPExport, disabled: false }),
);
const listsArb = fc.record({ pools: fc.array(poolArb, { maxLength: 3 }), statics: fc.array(cidr, { maxLength: 3 }) });

describe('FilterProfiles.intern', () => {
  it('gives the ids and rules of interning fresh copies, on shared, copied and new lists', () => {
    fc.assert(
      fc.property(fc.array(listsArb, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 20 }), (lists, picks) => {
        const fast = new FilterProfiles();
        const ref = new FilterProfiles();
        for (const [k, j, copy] of picks) {
          // Pools of one list with the static routes of another: the two arrays are shared independently.
          const pools = lists[k % lists.length]!.pools;
          const statics = lists[j % lists.length]!.statics;
          const id = fast.intern(copy ? [...pools] : pools, copy ? [...statics] : statics);
          expect(id).toBe(ref.intern([...pools], [...statics]));
          expect(fast.rules(id)).toEqual(ref.rules(id));
        }
        expect(fast.count).toBe(ref.count);
      }),
      { numRuns: 300, seed: 77 },
    );
  });
});
