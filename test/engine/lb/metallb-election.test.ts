// MetalLB's stateless choices (issue 17): the layer 2 leader of a VIP (known answers from sha256sum of
// "node#vip", as speaker/layer2_controller.go sorts), memberlist's dead-node detection time (DefaultLANConfig,
// util.go suspicionTimeout), and the share of flows a router's modulo ECMP moves when its next hops change
// (MetalLB's BGP limitations page: "the majority of existing connections" break on a node change).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ecmpMovedShare, ecmpPick } from '../../../src/engine/lb/ecmp-rehash.js';
import { l2Leader, memberlistDetectionMs } from '../../../src/engine/lb/metallb-election.js';

describe('MetalLB layer 2 leader election', () => {
  // printf 'mgmt-N#10.0.0.40' | sha256sum: mgmt-2 20f9…, mgmt-3 2936…, mgmt-1 7fa9…
  it('elects the node whose sha256(node#vip) sorts first', () => {
    expect(l2Leader(['mgmt-1', 'mgmt-2', 'mgmt-3'], '10.0.0.40')).toBe('mgmt-2');
    // mgmt-1 501b…, mgmt-3 5c9a…, mgmt-2 9ae7… for 203.0.113.41
    expect(l2Leader(['mgmt-3', 'mgmt-2', 'mgmt-1'], '203.0.113.41')).toBe('mgmt-1');
  });

  it('keeps the leader when another node leaves, and moves to the next in hash order when the leader does', () => {
    expect(l2Leader(['mgmt-2', 'mgmt-3'], '10.0.0.40')).toBe('mgmt-2');
    expect(l2Leader(['mgmt-1', 'mgmt-3'], '10.0.0.40')).toBe('mgmt-3');
    expect(l2Leader([], '10.0.0.40')).toBeUndefined();
  });
});

describe('memberlist failure detection', () => {
  it('takes a probe round, the probe timeout and 4 × max(1, log10 n) s of suspicion', () => {
    expect(memberlistDetectionMs(3)).toBe(5500);
    expect(memberlistDetectionMs(10)).toBe(5500);
    expect(memberlistDetectionMs(100)).toBe(9500);
    // 1000 speakers: 13.5 s, past MetalLB's "more than about 10s is a bug" bound.
    expect(memberlistDetectionMs(1000)).toBe(13_500);
  });
});

describe('ECMP rehash on a next-hop change', () => {
  it('moves 2/3 of the flows when one of three next hops goes, and none when nothing changes', () => {
    expect(ecmpMovedShare(['a', 'b', 'c'], ['b', 'c'])).toBeCloseTo(2 / 3, 12);
    expect(ecmpMovedShare(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(ecmpMovedShare(['a', 'b'], ['a'])).toBe(0.5);
    expect(ecmpMovedShare(['a'], [])).toBe(1);
  });

  it('agrees with counting every hash of one period (arbitrary sets, orders and overlaps)', () => {
    const brute = (b: string[], a: string[]): number => {
      let period = b.length * a.length;
      for (let p = 1; p <= period; p++) if (p % b.length === 0 && p % a.length === 0) period = p;
      let moved = 0;
      for (let h = 0; h < period; h++) if (b[h % b.length] !== a[h % a.length]) moved++;
      return moved / period;
    };
    const nodes = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 14 }).map((xs) => xs.map((x) => `n${x}`));
    fc.assert(
      fc.property(nodes, nodes, (b, a) => {
        expect(ecmpMovedShare(b, a)).toBeCloseTo(brute(b, a), 12);
      }),
      { seed: 17, numRuns: 200 },
    );
  });

  it('agrees with a count over sampled flow hashes, and moves a majority when one of n ≥ 3 next hops leaves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 24 }), fc.nat(), (n, k) => {
        const before = Array.from({ length: n }, (_, i) => `n${i}`);
        const after = before.filter((_, i) => i !== k % n);
        const exact = ecmpMovedShare(before, after);
        let moved = 0;
        const samples = 20_000;
        for (let h = 0; h < samples; h++) {
          const flow = Math.imul(h + 1, 0x9e3779b1) >>> 0;
          if (before[ecmpPick(n, flow)] !== after[ecmpPick(n - 1, flow)]) moved++;
        }
        expect(Math.abs(moved / samples - exact)).toBeLessThan(0.02);
        expect(exact).toBeGreaterThan(0.5);
      }),
      { seed: 17, numRuns: 40 },
    );
  });
});
