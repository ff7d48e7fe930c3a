// test: packet classes — the port intervals cover 1..65535 without gaps, cut at every rule range edge and
// failsafe port; packets of one interval share a key; the L4 test follows Felix (ICMP type/code, notICMP).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { l4Matches, PacketClasses } from '../../../../src/compile/policy/rules/packet-class.js';
import type { Rule } from '../../../../src/model/policy/types.js';

const SRC = { file: 'x', line: 1, col: 1 };
function rule(extra: Partial<Rule>): Rule {
  return { index: 0, action: 'Allow', source: { original: {} }, destination: { original: {} }, ipv4: true, origin: { path: 'p', src: SRC }, ...extra };
}

describe('PacketClasses', () => {
  it('cuts the port space at range edges into contiguous intervals sharing a key', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 3000 })), { maxLength: 12 }), (ranges) => {
        const pc = new PacketClasses();
        for (const [min, len] of ranges) pc.addRule(rule({ protocol: 6, destination: { ports: { ranges: [{ min, max: Math.min(65535, min + len) }], named: [] }, original: {} } }));
        const iv = pc.intervals();
        expect(iv[0]?.[0]).toBe(1);
        expect(iv[iv.length - 1]?.[1]).toBe(65535);
        for (let i = 1; i < iv.length; i++) expect(iv[i]?.[0]).toBe((iv[i - 1]?.[1] as number) + 1);
        for (const [lo, hi] of iv) {
          expect(pc.key({ protocol: 6, dstPort: lo })).toBe(pc.key({ protocol: 6, dstPort: hi }));
          for (const [min, len] of ranges) {
            const max = Math.min(65535, min + len);
            expect(lo >= min && hi <= max || hi < min || lo > max).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('tells failsafe ports and mentioned protocols apart', () => {
    const pc = new PacketClasses();
    expect(pc.key({ protocol: 6, dstPort: 22 })).not.toBe(pc.key({ protocol: 6, dstPort: 23 }));
    expect(pc.key({ protocol: 47 })).toBe(pc.key({ protocol: 50 }));
    pc.addRule(rule({ protocol: 47 }));
    expect(pc.key({ protocol: 47 })).not.toBe(pc.key({ protocol: 50 }));
  });
});

describe('l4Matches', () => {
  it('follows Felix protocol and ICMP matching', () => {
    const icmp = { protocol: 1, icmpType: 8, icmpCode: 0 };
    expect(l4Matches(rule({ protocol: 1, icmp: { type: 8 } }), icmp)).toBe(true);
    expect(l4Matches(rule({ protocol: 1, icmp: { type: 8, code: 1 } }), icmp)).toBe(false);
    expect(l4Matches(rule({ notICMP: { type: 8 } }), icmp)).toBe(false);
    expect(l4Matches(rule({ notICMP: { type: 8, code: 1 } }), icmp)).toBe(true);
    expect(l4Matches(rule({ protocol: 1, icmp: { type: 8 } }), { protocol: 1 })).toBe(false);
    expect(l4Matches(rule({ notProtocol: 6 }), { protocol: 6, dstPort: 80 })).toBe(false);
    expect(l4Matches(rule({ ipv4: false }), { protocol: 6, dstPort: 80 })).toBe(false);
  });
});
