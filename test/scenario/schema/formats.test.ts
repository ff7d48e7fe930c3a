// Input formats checked with ip-num at the edge, compared with the fast uint32 parsers the later stages use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCidr, parseCidr, parseIpv4 } from '../../../src/lib/ipv4.js';
import { cidr, community, dnsLabel, ipv4, parseAsNumber, portName } from '../../../src/scenario/schema/formats.js';

const octet = fc.integer({ min: 0, max: 255 });
const dotted = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

describe('ipv4 and cidr', () => {
  it('accept exactly what the uint32 parsers accept (property)', () => {
    const text = fc.oneof(dotted, fc.string({ unit: fc.constantFrom('1', '0', '.', '2', '5', '/', 'a'), maxLength: 12 }));
    fc.assert(fc.property(text, (t) => (ipv4(t) === undefined) === (parseIpv4(t) >= 0)));
  });

  it('want masked CIDRs and suggest the masked form (property)', () => {
    fc.assert(
      fc.property(dotted, fc.integer({ min: 0, max: 32 }), (ip, len) => {
        const text = `${ip}/${len}`;
        const masked = formatCidr(parseCidr(text) as NonNullable<ReturnType<typeof parseCidr>>);
        const problem = cidr(text);
        return masked === text ? problem === undefined : problem === `${text} has host bits set (did you mean ${masked}?)`;
      }),
    );
  });

  it('name what is wrong', () => {
    expect(cidr('10.0.0.0/33')).toBe('10.0.0.0/33 is not a CIDR');
    expect(cidr('10.0.0.0')).toBe('10.0.0.0 is not a CIDR');
    expect(cidr('10.0.0.0/024')).toBe('10.0.0.0/024 is not a CIDR');
    expect(ipv4('1.2.3.04')).toBe('1.2.3.04 is not an IPv4 address');
    expect(ipv4('256.1.1.1')).toBe('256.1.1.1 is not an IPv4 address');
  });
});

describe('AS numbers, communities, names', () => {
  it('reads plain and dotted AS numbers (asdot, RFC 5396)', () => {
    expect(parseAsNumber('64512')).toBe(64512);
    expect(parseAsNumber('1.10')).toBe(65546);
    expect(parseAsNumber('65535.65535')).toBe(4294967295);
    expect(parseAsNumber('4294967295')).toBe(4294967295);
    for (const bad of ['0', '4294967296', '65536.0', '1.65536', '-1', 'a', '1.2.3']) expect(parseAsNumber(bad)).toBeUndefined();
  });

  it('checks communities and names', () => {
    expect(community('65001:100')).toBeUndefined();
    expect(community('65001:100:7')).toBeUndefined();
    expect(community('65536:1')).toBeDefined();
    expect(community('1')).toBeDefined();
    expect(dnsLabel('shop-1')).toBeUndefined();
    expect(dnsLabel('Shop')).toBeDefined();
    expect(dnsLabel('a'.repeat(64))).toBeDefined();
    expect(portName('http')).toBeUndefined();
    expect(portName('8080')).toBeDefined();
    expect(portName('a--b')).toBeDefined();
  });
});
