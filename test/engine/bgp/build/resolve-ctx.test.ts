// Next-hop contexts: a speaker's context (its subnet) is found by key instead of a scan of every context so
// far (a platform has one per node subnet: 1,002 on scenarios/large.yaml). Reference: the former scan,
// `findIndex` over the contexts after the first; each node's import rule must name the context it returns,
// and no context may appear twice, over random node addresses and prefix lengths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import type { BgpCore } from '../../../../src/engine/bgp/bgp-core.js';
import { EI_IMPORT_RULE, EI_SPK, END_I } from '../../../../src/engine/bgp/tables/end-table.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import { formatIpv4, maskOf } from '../../../../src/lib/ipv4.js';
import { meshConfigs } from '../topology-gen.js';

/** The former lookup of speaker y's context. */
function scanCtx(core: BgpCore, y: number): number {
  if (core.spk.isNode[y] === 0 || (core.spk.subnetLen[y] as number) < 0) return 0;
  const base = core.spk.subnetBase[y] as number;
  const len = core.spk.subnetLen[y] as number;
  return core.resolveCtx.findIndex((c, k) => k > 0 && c.base === base && c.len === len && c.anyRoute === core.opt.underlayDefaultRoute);
}

describe('next-hop resolution contexts', () => {
  it('each node gets the context the scan finds, and contexts are distinct', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ ip: fc.integer({ min: 0x0a000001, max: 0x0a0003fe }), len: fc.constantFrom(16, 22, 24, 30) }), { minLength: 2, maxLength: 12 }), fc.boolean(), (addrs, anyRoute) => {
        const seen = new Set<number>();
        const unique = addrs.filter((a) => !seen.has(a.ip) && seen.add(a.ip));
        const configs = meshConfigs(unique.length, { blocks: 1 }).map((c, i) => {
          const a = unique[i] as { ip: number; len: number };
          return { ...c, ipv4Address: `${formatIpv4(a.ip)}/${a.len}`, routerId: formatIpv4(a.ip) };
        });
        const net = new BgpNetwork(new Simulation({ seed: 1 }), configs, [], { underlayDefaultRoute: anyRoute });
        const core = net.core;
        const keys = core.resolveCtx.map((c) => `${c.base}|${c.len}|${c.anyRoute}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (let n = 0; n < core.ends.count; n++) {
          const rule = core.ends.i32[n * END_I + EI_IMPORT_RULE] as number;
          if (rule < 0) continue;
          const y = core.ends.i32[n * END_I + EI_SPK] as number;
          const ctx = core.xf.importRule(rule).ctx;
          expect(ctx).toBe(scanCtx(core, y));
          const c = core.resolveCtx[ctx];
          if (ctx > 0) expect(((core.spk.ip[y] as number) & maskOf(c?.len ?? 0)) >>> 0).toBe(c?.base);
        }
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});
