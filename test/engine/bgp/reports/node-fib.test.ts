import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearLookup } from '../../../../src/compile/fib/linear-fib.js';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import { NHG_BLACKHOLE } from '../../../../src/engine/bgp/tables/next-hop-groups.js';
import { nodeFib, sharedFib } from '../../../../src/engine/bgp/reports/node-fib.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import { parseCidr, parseIpv4 } from '../../../../src/lib/ipv4.js';
import { blockCidr, meshConfigs, nodeIp } from '../topology-gen.js';

describe('FIB from the RIB', () => {
  const sim = new Simulation({ seed: 1 });
  const cfgs = meshConfigs(4, { blocks: 3 });
  // node-3 borrows an address inside node-0's first block; node-2 announces a covering /24.
  cfgs[3] = { ...(cfgs[3] as (typeof cfgs)[number]), borrowed: [blockCidr(0).replace('.0/26', '.9/32')] };
  cfgs[2] = { ...(cfgs[2] as (typeof cfgs)[number]), blocks: [...(cfgs[2] as (typeof cfgs)[number]).blocks, '64.0.0.0/24'] };
  const net = new BgpNetwork(sim, cfgs);
  sim.run(60_000);

  it('own blocks are blackholes, learned ones point at the originator, the borrowed /32 wins by length', () => {
    const fib = nodeFib(net, 'node-1');
    const at = (ip: string): readonly number[] => fib.hops(fib.lookup(parseIpv4(ip)));
    expect(fib.lookup(parseIpv4('64.0.0.193'))).toBe(NHG_BLACKHOLE); // node-1's own block 64.0.0.192/26
    expect(at('64.0.0.1')).toEqual([parseIpv4(nodeIp(0))]);
    expect(at('64.0.0.9')).toEqual([parseIpv4(nodeIp(3))]);
    expect(fib.lookup(parseIpv4('8.8.8.8'))).toBe(0);
  });

  it('shared index + per-node row = materialised FIB = linear scan over the node routes (property)', () => {
    const shared = sharedFib(net);
    for (const name of net.speakers()) {
      const fib = nodeFib(net, name);
      const y = net.speaker(name);
      const routes = net.routes(name);
      const bases = routes.map((r) => r.base);
      const lens = routes.map((r) => r.len);
      const ids = routes.map((_, i) => i + 1);
      const probes = fc.sample(fc.integer({ min: 0x40000000 - 256, max: 0x40000000 + 64 * 16 }), 400);
      for (const r of routes) {
        const c = parseCidr(r.prefix);
        if (c) probes.push(c.base, c.base + 2 ** (32 - c.len) - 1);
      }
      for (const ip of probes) {
        const i = linearLookup(bases, lens, ids, ip);
        const g = fib.lookup(ip);
        expect(shared.lookup(y, ip)).toBe(g);
        expect(g === 0).toBe(i === 0);
      }
    }
  });
});
