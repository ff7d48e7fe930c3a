// Shares of new connections per member (BIG-IP methods, ratio, priority group activation): known answers,
// and properties against a direct reading of F5's rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeMembers, memberShares, type ShareMember } from '../../../src/engine/lb/member-shares.js';

const m = (ratio: number, priorityGroup = 0, node = `n${ratio}`): ShareMember => ({ ratio, priorityGroup, node });
const all = () => true;

describe('memberShares', () => {
  it('splits equally for round robin, by ratio for ratio-member, per node for least-connections-node', () => {
    const ms = [m(3, 0, 'a'), m(1, 0, 'a'), m(1, 0, 'b')];
    expect(memberShares(ms, all, 'round-robin', 1)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(memberShares(ms, all, 'ratio-member', 1)).toEqual([0.6, 0.2, 0.2]);
    expect(memberShares(ms, all, 'least-connections-node', 1)).toEqual([0.25, 0.25, 0.5]);
    expect(memberShares(ms, () => false, 'round-robin', 1)).toEqual([0, 0, 0]);
  });

  it('serves from the highest priority group until fewer than minimumMembersActive are available', () => {
    const ms = [m(1, 10), m(1, 10), m(1, 5), m(1, 0)];
    expect(activeMembers(ms, all, 2)).toEqual([0, 1]);
    expect(activeMembers(ms, (i) => i !== 1, 2)).toEqual([0, 2]);
    expect(activeMembers(ms, (i) => i > 1, 2)).toEqual([2, 3]);
    expect(activeMembers(ms, all, 0)).toEqual([0, 1, 2, 3]);
  });

  it('sums to 1 whenever a member is in service, and gives none to members out of it (property)', () => {
    const member = fc.record({ ratio: fc.integer({ min: 1, max: 100 }), priorityGroup: fc.integer({ min: 0, max: 3 }), node: fc.constantFrom('a', 'b', 'c') });
    const method = fc.constantFrom('round-robin', 'least-connections-member', 'least-connections-node', 'ratio-member', 'source-address' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(member, fc.boolean()), { minLength: 1, maxLength: 12 }), method, fc.integer({ min: 0, max: 4 }), (rows, meth, min) => {
        const ms = rows.map(([x]) => x);
        const up = (i: number) => rows[i]![1];
        const s = memberShares(ms, up, meth, min);
        const active = activeMembers(ms, up, min);
        s.forEach((x, i) => expect(x > 0).toBe(active.includes(i)));
        if (active.length) expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        // Priority groups: an active member's group is at least any available inactive member's group.
        const lowestActive = Math.min(...active.map((i) => ms[i]!.priorityGroup));
        ms.forEach((x, i) => {
          if (up(i) && !active.includes(i)) expect(x.priorityGroup).toBeLessThan(lowestActive);
        });
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
