import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearLookup } from '../../../src/compile/fib/linear-fib.js';
import { buildPrefixIndex } from '../../../src/compile/fib/prefix-index.js';
import { buildStrideTrie } from '../../../src/compile/fib/stride-trie.js';
import { parseCidr, parseIpv4 } from '../../../src/lib/ipv4.js';

const prefixArb = fc.record({
  base: fc.integer({ min: 0, max: 0xffffffff }),
  len: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(8, 16, 24, 26, 32)),
});

/** Addresses near the prefixes (so most lookups hit something) plus random ones. */
function addressesArb(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: n, maxLength: n });
}

describe('stride trie', () => {
  it('known answers: longest prefix wins, no match is 0', () => {
    const cidrs = ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.1.2.64/26', '10.1.2.65/32', '0.0.0.0/0'];
    const bases = cidrs.map((c) => parseCidr(c)!.base);
    const lens = cidrs.map((c) => parseCidr(c)!.len);
    const values = cidrs.map((_, i) => i + 1);
    const t = buildStrideTrie(bases, lens, values);
    const at = (ip: string): number => t.lookup(parseIpv4(ip));
    expect(at('10.1.2.65')).toBe(5);
    expect(at('10.1.2.66')).toBe(4);
    expect(at('10.1.2.1')).toBe(3);
    expect(at('10.1.3.1')).toBe(2);
    expect(at('10.200.0.1')).toBe(1);
    expect(at('192.168.0.1')).toBe(6);
    const t2 = buildStrideTrie(bases.slice(0, 5), lens.slice(0, 5), values.slice(0, 5));
    expect(t2.lookup(parseIpv4('192.168.0.1'))).toBe(0);
    expect(t2.lookup(parseIpv4('255.255.255.255'))).toBe(0);
  });

  it('agrees with the linear scan on random prefix sets and addresses', () => {
    fc.assert(
      fc.property(fc.array(prefixArb, { minLength: 0, maxLength: 60 }), addressesArb(40), (ps, extra) => {
        const bases = ps.map((p) => p.base);
        const lens = ps.map((p) => p.len);
        const values = ps.map((_, i) => i + 1);
        const t = buildStrideTrie(bases, lens, values);
        // Probe each prefix's first, last and a middle address, plus random addresses.
        const probes = [...extra];
        for (const p of ps) {
          const size = 2 ** (32 - p.len);
          const lo = p.len === 0 ? 0 : (p.base & (0xffffffff << (32 - p.len))) >>> 0;
          probes.push(lo, lo + size - 1, lo + Math.floor(size / 2));
        }
        for (const ip of probes) expect(t.lookup(ip)).toBe(linearLookup(bases, lens, values, ip));
      }),
      { numRuns: 300 },
    );
  });

  it('prefix index: lookup and parent chain agree with the linear scan', () => {
    fc.assert(
      fc.property(fc.uniqueArray(prefixArb, { selector: (p) => `${p.len === 0 ? 0 : (p.base & (0xffffffff << (32 - p.len))) >>> 0}/${p.len}`, maxLength: 50 }), addressesArb(30), (ps, probes) => {
        const bases = ps.map((p) => p.base);
        const lens = ps.map((p) => p.len);
        const idx = buildPrefixIndex(bases, lens);
        const ids = ps.map((_, i) => i + 1);
        for (const ip of probes) expect(idx.lookup(ip) + 1).toBe(linearLookup(bases, lens, ids, ip));
        // parent[i] = longest strictly shorter prefix containing prefix i.
        for (let i = 0; i < ps.length; i++) {
          const shorter = lens.map((l, j) => (l < (lens[i] as number) ? j + 1 : 0));
          const only = (j: number): boolean => (shorter[j] as number) > 0;
          const subB = bases.filter((_, j) => only(j));
          const subL = lens.filter((_, j) => only(j));
          const subV = shorter.filter((v) => v > 0);
          expect(idx.parent[i] as number).toBe(linearLookup(subB, subL, subV, bases[i] as number) - 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
