// test: the outside address space cut at CIDR edges — every interval lies wholly inside or outside each CIDR
// cut so far, and lookups find the interval holding an address (checked against plain CIDR containment).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtAtoms } from '../../../../src/compile/policy/classes/ext-atoms.js';
import { cidrContains, maskOf, type Cidr } from '../../../../src/lib/ipv4.js';

const cidrArb: fc.Arbitrary<Cidr> = fc.tuple(fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([ip, len]) => ({ base: (ip & maskOf(len)) >>> 0, len }));

describe('ExtAtoms', () => {
  it('keeps intervals uniform for every CIDR cut', () => {
    fc.assert(
      fc.property(fc.array(cidrArb, { maxLength: 10 }), fc.array(fc.nat({ max: 0xffffffff }), { minLength: 1, maxLength: 20 }), (cidrs, ips) => {
        const atoms = new ExtAtoms(0);
        for (const c of cidrs) {
          const [first, last] = atoms.cutCidr(c);
          for (let i = first; i <= last; i++) expect(cidrContains(c, atoms.starts[i] as number) && cidrContains(c, atoms.end(i))).toBe(true);
        }
        for (const ip of ips) {
          const i = atoms.intervalOf(ip);
          expect(atoms.starts[i] as number).toBeLessThanOrEqual(ip);
          expect(atoms.end(i)).toBeGreaterThanOrEqual(ip);
          for (const c of cidrs) expect(cidrContains(c, atoms.starts[i] as number)).toBe(cidrContains(c, ip));
        }
      }),
      { numRuns: 300 },
    );
  });
});
