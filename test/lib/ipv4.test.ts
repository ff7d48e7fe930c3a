import fc from 'fast-check';
import { IPv4, IPv4CidrRange } from 'ip-num';
import { describe, expect, it } from 'vitest';
import { cidrContains, cidrsOverlap, formatIpv4, parseCidr, parseIpv4 } from '../../src/lib/ipv4.js';

describe('ipv4', () => {
  it('parses and formats dotted quads, rejecting malformed ones', () => {
    expect(parseIpv4('10.0.0.1')).toBe(0x0a000001);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of ['10.0.0', '10.0.0.256', '01.0.0.1', 'a.b.c.d', '10.0.0.1 ']) expect(parseIpv4(bad)).toBe(-1);
    expect(formatIpv4(0xc0a80001)).toBe('192.168.0.1');
  });

  it('agrees with ip-num on parsing and containment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 0xffffffff }), (ip, len, probe) => {
        const text = formatIpv4(ip);
        expect(parseIpv4(text)).toBe(Number(IPv4.fromDecimalDottedString(text).getValue()));
        const c = parseCidr(`${text}/${len}`);
        expect(c).toBeDefined();
        const range = IPv4CidrRange.fromCidr(`${formatIpv4(c!.base)}/${len}`);
        const inside = range.contains(IPv4CidrRange.fromCidr(`${formatIpv4(probe)}/32`));
        expect(cidrContains(c!, probe)).toBe(inside);
      }),
      { numRuns: 500 },
    );
  });

  it('knows strict CIDRs and overlaps', () => {
    expect(parseCidr('10.0.0.1/24', true)).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(cidrsOverlap(parseCidr('10.0.0.0/16')!, parseCidr('10.0.5.0/24')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.0.0.0/24')!, parseCidr('10.0.1.0/24')!)).toBe(false);
  });
});
