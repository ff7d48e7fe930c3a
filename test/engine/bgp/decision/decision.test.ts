import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DecisionScratch,
  mergeableFast,
  mergeableReference,
  type PathView,
  selectBestFast,
  selectBestReference,
} from '../../../../src/engine/bgp/decision/decision.js';
import { parseIpv4 } from '../../../../src/lib/ipv4.js';

const LOCAL_AS = 64512;

function path(p: Partial<PathView>): PathView {
  return {
    preference: 100,
    local: false,
    localPref: 100,
    asPath: [],
    origin: 0,
    peerAs: LOCAL_AS,
    ebgp: false,
    igpCost: 0,
    bgpId: 1,
    clusterListLength: 0,
    peerAddress: 1,
    resolvable: true,
    ...p,
  };
}

function load(s: DecisionScratch, paths: readonly PathView[], localAs: number): void {
  s.reset(paths.length);
  paths.forEach((p, i) => {
    s.pref[i] = p.preference;
    s.lp[i] = p.localPref;
    s.pathLen[i] = p.asPath.length;
    s.origin[i] = p.origin;
    s.med[i] = p.med ?? 0;
    s.nas[i] = p.asPath.length > 0 ? (p.asPath[0] as number) : p.peerAs;
    s.ebgp[i] = p.ebgp ? 1 : 0;
    s.igp[i] = p.igpCost;
    s.rid[i] = p.originatorId ?? p.bgpId;
    s.clLen[i] = p.clusterListLength;
    s.peer[i] = p.peerAddress;
    s.ok[i] = p.resolvable && !p.asPath.includes(localAs) ? 1 : 0;
    s.local[i] = p.local ? 1 : 0;
  });
}

function fast(paths: readonly PathView[], localAs = LOCAL_AS): number {
  const s = new DecisionScratch();
  load(s, paths, localAs);
  return selectBestFast(s);
}

describe('decision process known answers (routing-ingress-semantics §1)', () => {
  it('MED is non-transitive: elimination picks the AS 65002 route, not the arrival-order answer', () => {
    const ps = [
      path({ asPath: [65001], peerAs: 65001, ebgp: true, med: 100, bgpId: 1, peerAddress: 1 }),
      path({ asPath: [65002], peerAs: 65002, ebgp: true, med: 50, bgpId: 2, peerAddress: 2 }),
      path({ asPath: [65001], peerAs: 65001, ebgp: true, med: 10, bgpId: 3, peerAddress: 3 }),
    ];
    expect(selectBestReference(ps, LOCAL_AS)).toBe(1);
    expect(fast(ps)).toBe(1);
  });

  it('router ids compare numerically: 10.0.0.20 beats 10.0.0.100', () => {
    const ps = [
      path({ bgpId: parseIpv4('10.0.0.100'), peerAddress: parseIpv4('10.0.0.100') }),
      path({ bgpId: parseIpv4('10.0.0.20'), peerAddress: parseIpv4('10.0.0.20') }),
    ];
    expect(selectBestReference(ps, LOCAL_AS)).toBe(1);
    expect(fast(ps)).toBe(1);
  });

  it('ORIGINATOR_ID replaces the router id, then the shorter CLUSTER_LIST wins', () => {
    const ps = [
      path({ bgpId: 5, originatorId: 9, peerAddress: 5 }),
      path({ bgpId: 7, originatorId: 3, clusterListLength: 2, peerAddress: 7 }),
      path({ bgpId: 8, originatorId: 3, clusterListLength: 1, peerAddress: 8 }),
    ];
    expect(selectBestReference(ps, LOCAL_AS)).toBe(2);
    expect(fast(ps)).toBe(2);
  });

  it('EBGP beats IBGP, but only after LOCAL_PREF, AS_PATH, ORIGIN and MED', () => {
    const ibgp = path({ bgpId: 1, asPath: [65001] });
    const ebgp = path({ bgpId: 9, asPath: [65001], peerAs: 65001, ebgp: true });
    expect(selectBestReference([ibgp, ebgp], LOCAL_AS)).toBe(1);
    expect(fast([ibgp, ebgp])).toBe(1);
    const shorter = path({ bgpId: 1, asPath: [] });
    expect(selectBestReference([shorter, ebgp], LOCAL_AS)).toBe(0);
    expect(fast([shorter, ebgp])).toBe(0);
  });

  it('excludes unresolvable next hops and AS loops; empty AS_PATH MEDs compare (neighbour = local AS)', () => {
    const ps = [
      path({ resolvable: false, localPref: 500 }),
      path({ asPath: [65001, LOCAL_AS], ebgp: true, peerAs: 65001 }),
      path({ med: 20, bgpId: 1 }),
      path({ med: 10, bgpId: 2 }),
    ];
    expect(selectBestReference(ps, LOCAL_AS)).toBe(3);
    expect(fast(ps)).toBe(3);
    expect(selectBestReference([ps[0] as PathView], LOCAL_AS)).toBe(-1);
  });
});

const pathArb: fc.Arbitrary<PathView> = fc.record({
  preference: fc.constantFrom(100, 100, 100, 200, 10),
  local: fc.boolean(),
  localPref: fc.constantFrom(100, 100, 200),
  asPath: fc.array(fc.constantFrom(65001, 65002, 65003, LOCAL_AS), { maxLength: 3 }),
  origin: fc.integer({ min: 0, max: 2 }),
  med: fc.option(fc.constantFrom(0, 10, 50, 100), { nil: undefined }),
  peerAs: fc.constantFrom(LOCAL_AS, 65001, 65002),
  ebgp: fc.boolean(),
  igpCost: fc.constantFrom(0, 0, 10),
  bgpId: fc.integer({ min: 1, max: 6 }).map((x) => x * 0x20000000 + 1),
  originatorId: fc.option(fc.integer({ min: 1, max: 6 }).map((x) => x * 0x20000000 + 1), { nil: undefined }),
  clusterListLength: fc.integer({ min: 0, max: 2 }),
  peerAddress: fc.integer({ min: 1, max: 5 }).map((x) => x * 0x30000000),
  resolvable: fc.boolean(),
});

function decisionKey(p: PathView): string {
  // MED and neighbour AS may differ between complete ties (different neighbour ASes), so they are left out.
  return [p.preference, p.localPref, p.asPath.length, p.origin, p.ebgp, p.igpCost, p.originatorId ?? p.bgpId, p.clusterListLength, p.peerAddress].join('|');
}

describe('fast decision = reference (property)', () => {
  it('selects the same best path', () => {
    fc.assert(
      fc.property(fc.array(pathArb, { maxLength: 8 }), (ps) => {
        expect(fast(ps)).toBe(selectBestReference(ps, LOCAL_AS));
      }),
      { numRuns: 3000 },
    );
  });

  it('the answer does not depend on the order of the candidates (elimination, not pairwise)', () => {
    fc.assert(
      fc.property(fc.array(pathArb, { minLength: 1, maxLength: 6 }), fc.integer(), (ps, rot) => {
        const b = selectBestReference(ps, LOCAL_AS);
        if (b < 0) return;
        const k = Math.abs(rot) % ps.length;
        const rotated = [...ps.slice(k), ...ps.slice(0, k)];
        const rb = selectBestReference(rotated, LOCAL_AS);
        // Same decision attributes win whatever the order (position only breaks complete ties).
        expect(decisionKey(rotated[rb] as PathView)).toBe(decisionKey(ps[b] as PathView));
      }),
      { numRuns: 1000 },
    );
  });

  it('ECMP mergeability agrees', () => {
    fc.assert(
      fc.property(fc.array(pathArb, { minLength: 2, maxLength: 6 }), (ps) => {
        const s = new DecisionScratch();
        load(s, ps, LOCAL_AS);
        const b = selectBestFast(s);
        if (b < 0) return;
        for (let i = 0; i < ps.length; i++) {
          expect(mergeableFast(s, b, i)).toBe(mergeableReference(ps[b] as PathView, ps[i] as PathView, LOCAL_AS));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
