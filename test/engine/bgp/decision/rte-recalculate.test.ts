// test: BIRD's route list (nest/rt-table.c rte_recalculate) and pairwise comparison (proto/bgp/attrs.c
// bgp_rte_better). Where MEDs cannot conflict (one neighbouring AS, or one MED per AS) the comparison
// orders the routes and every arrival order and withdrawal sequence leaves the RFC's best in front;
// where they conflict, the known cycle gives a different best per order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgpRteBetter } from '../../../../src/engine/bgp/decision/bgp-rte-better.js';
import { type PathView, selectBestReference } from '../../../../src/engine/bgp/decision/decision.js';
import { rteRecalculate } from '../../../../src/engine/bgp/decision/rte-recalculate.js';

const LOCAL_AS = 64512;

function path(p: Partial<PathView>): PathView {
  return { preference: 100, local: false, localPref: 100, asPath: [], origin: 0, peerAs: 65001, ebgp: true, igpCost: 0, bgpId: 1, clusterListLength: 0, peerAddress: 1, resolvable: true, ...p };
}

/** Announces `order` one by one (then withdraws `gone`) and returns the list's head. */
function headAfter(order: readonly PathView[], gone: readonly PathView[] = []): PathView | undefined {
  let list: PathView[] = [];
  for (const p of order) list = rteRecalculate(list, undefined, p, bgpRteBetter);
  for (const p of gone) list = rteRecalculate(list, p, undefined, bgpRteBetter);
  return list[0];
}

/** Paths from distinct peers; MEDs uniform per neighbouring AS unless `oneAs`. */
const paths = fc.tuple(fc.boolean(), fc.array(fc.record({ lp: fc.constantFrom(100, 200), len: fc.nat(2), origin: fc.nat(2), as: fc.constantFrom(65001, 65002, 65003), med: fc.nat(3), ebgp: fc.boolean(), igp: fc.constantFrom(0, 0x80000000), rid: fc.nat(5) }), { minLength: 1, maxLength: 6 })).map(([oneAs, rs]) =>
  rs.map((r, i) => {
    const as = oneAs ? 65001 : r.as;
    return path({ localPref: r.lp, asPath: [as, ...Array<number>(r.len).fill(65100)], origin: r.origin, med: oneAs ? r.med : as - 65000, ebgp: r.ebgp, igpCost: r.igp, bgpId: r.rid, peerAddress: i + 1, peerAs: as });
  }),
);

describe('BIRD route list', () => {
  it('without conflicting MEDs any arrival order, then any withdrawals, leaves the RFC best in front', () => {
    fc.assert(
      fc.property(paths, fc.infiniteStream(fc.nat()), fc.nat(5), (ps, rnd, k) => {
        const it = rnd[Symbol.iterator]();
        const order = [...ps].sort(() => ((it.next().value as number) % 3) - 1);
        const gone = order.filter((_, i) => i % 2 === k % 2).slice(0, Math.max(0, ps.length - 1));
        const left = ps.filter((p) => !gone.includes(p));
        expect(headAfter(order, gone)).toBe(left[selectBestReference(left, LOCAL_AS)]);
      }),
      { seed: 13, numRuns: 400 },
    );
  });

  it('conflicting MEDs: the best depends on arrival order (a > b on MED, b > c > a on router id)', () => {
    const a = path({ asPath: [65001], med: 10, bgpId: 3, peerAddress: 3 });
    const b = path({ asPath: [65001], med: 30, bgpId: 1, peerAddress: 1 });
    const c = path({ asPath: [65002], med: 20, bgpId: 2, peerAddress: 2, peerAs: 65002 });
    expect(headAfter([a, c, b])).toBe(b);
    expect(headAfter([b, c, a])).toBe(a);
    expect(headAfter([a, b, c])).toBe(c);
    expect(selectBestReference([a, b, c], LOCAL_AS)).toBe(2);
    // The best leaves: the front-to-back scan over [c, b] (order of the list) elects b.
    expect(headAfter([b, c, a], [a])).toBe(b);
  });

  it('a withdrawn best is replaced by a scan from the front, a worse route is linked after the best', () => {
    const better = (x: number, y: number): boolean => x > y;
    expect(rteRecalculate([5, 1, 3], undefined, 2, better)).toEqual([5, 2, 1, 3]);
    expect(rteRecalculate([5, 1, 3], 5, undefined, better)).toEqual([3, 1]);
    expect(rteRecalculate([5, 1, 3], 5, 4, better)).toEqual([4, 1, 3]);
    expect(rteRecalculate([5, 1, 3], 1, 9, better)).toEqual([9, 5, 3]);
  });
});
