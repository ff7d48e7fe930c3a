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

  // Reference: the grammar as regular expressions (what the character scanner replaced).
  const refIpv4 = (text: string): number => {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
    if (!m) return -1;
    let v = 0;
    for (const part of m.slice(1) as string[]) {
      if ((part.length > 1 && part[0] === '0') || Number(part) > 255) return -1;
      v = v * 256 + Number(part);
    }
    return v;
  };
  const refCidr = (text: string): string => {
    const slash = text.indexOf('/');
    if (slash < 0) return 'none';
    const ip = refIpv4(text.slice(0, slash));
    const lenText = text.slice(slash + 1);
    if (ip < 0 || !/^\d{1,2}$/.test(lenText) || Number(lenText) > 32) return 'none';
    const len = Number(lenText);
    return `${len === 0 ? 0 : Math.floor(ip / 2 ** (32 - len)) * 2 ** (32 - len)}/${len}`;
  };

  it('parses exactly the dotted-quad and CIDR grammar (property test against regular expressions)', () => {
    // Strings over the characters that matter, biased towards near-misses of valid text.
    const piece = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('0', '00', '01', '007', '032', '255', '256', '999', '1000', '', ' ', 'a', '-1', '٣'));
    const text = fc.oneof(
      fc.tuple(piece, piece, piece, piece).map((p) => p.join('.')),
      fc.tuple(piece, piece, piece, piece, piece).map(([a, b, c, d, l]) => `${a}.${b}.${c}.${d}/${l}`),
      fc.stringMatching(/^[0-9./ a]{0,20}$/),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIpv4(t)).toBe(refIpv4(t));
        const c = parseCidr(t);
        expect(c === undefined ? 'none' : `${c.base}/${c.len}`).toBe(refCidr(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('knows strict CIDRs and overlaps', () => {
    expect(parseCidr('10.0.0.1/24', true)).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(cidrsOverlap(parseCidr('10.0.0.0/16')!, parseCidr('10.0.5.0/24')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.0.0.0/24')!, parseCidr('10.0.1.0/24')!)).toBe(false);
  });
});
