// The filter part of class signatures taken in bulk (each profile's CIDRs finding the prefixes inside them)
// equals the former per-pair question, `FilterProfiles.evaluate` for every (prefix, profile), on random
// pools (some with BGP export disabled), static routes and prefixes of every length, nested and overlapping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterProfiles } from '../../../../src/engine/bgp/decision/export-filter.js';
import { filterVerdicts } from '../../../../src/engine/bgp/decision/filter-verdicts.js';
import { PrefixClasses } from '../../../../src/engine/bgp/tables/prefix-classes.js';
import { formatIpv4, maskOf } from '../../../../src/lib/ipv4.js';
import type { BgpPool } from '../../../../src/model/bgp/types.js';

/** Addresses from a few /8s so that CIDRs and prefixes overlap often. */
const cidrArb = fc.record({ hi: fc.constantFrom(10, 172, 192), rest: fc.integer({ min: 0, max: 0xffffff }), len: fc.integer({ min: 0, max: 32 }) }).map(({ hi, rest, len }) => {
  const base = ((((hi << 24) | rest) >>> 0) & maskOf(len)) >>> 0;
  return { base, len, text: `${formatIpv4(base)}/${len}` };
});

const profileArb = fc.record({
  pools: fc.array(fc.record({ cidr: cidrArb, off: fc.boolean() }), { maxLength: 3 }),
  statics: fc.array(cidrArb, { maxLength: 2 }),
});

function pool(cidr: string, off: boolean): BgpPool {
  return { cidr, ipipMode: 'Never', vxlanMode: 'Never', disableBGPExport: off, disabled: false };
}

describe('filter verdicts in bulk', () => {
  it('equal evaluate over every profile for every prefix', () => {
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 1, maxLength: 6 }), fc.array(cidrArb, { minLength: 1, maxLength: 80 }), (profiles, prefixes) => {
        const filters = new FilterProfiles();
        for (const p of profiles) filters.intern(p.pools.map((x) => pool(x.cidr.text, x.off)), p.statics.map((c) => c.text));
        const classes = new PrefixClasses();
        const qs = prefixes.map((c) => classes.prefix(c.base, c.len));
        const got = filterVerdicts(filters, classes, qs);
        const want = qs.map((q) => {
          let s = '';
          for (let g = 0; g < filters.count; g++) s += filters.evaluate(g, classes.pBase[q] as number, classes.pLen[q] as number);
          return s;
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});
