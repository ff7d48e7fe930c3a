import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import type { NodeBgpConfig } from '../../../../src/model/bgp/types.js';
import { blockCidr, meshConfigs, reflectorConfigs } from '../topology-gen.js';
import { routesOf, sessionStates } from '../helpers.js';

function allRoutes(net: BgpNetwork): string {
  return JSON.stringify(net.speakers().map((n) => [n, routesOf(net, n)]));
}

describe('IPAM block changes', () => {
  it('a new block is announced, a removed one withdrawn, the rest of the class untouched', () => {
    const sim = new Simulation({ seed: 1 });
    const net = new BgpNetwork(sim, meshConfigs(3, { blocks: 2 }));
    sim.run(10_000);
    net.schedule(20_000, { kind: 'blocks', node: 'node-1', blocks: [blockCidr(2), blockCidr(90)] });
    sim.run(30_000);
    const r = routesOf(net, 'node-0');
    expect(r[blockCidr(90)]).toEqual(['node-1']);
    expect(r[blockCidr(2)]).toEqual(['node-1']);
    expect(r[blockCidr(3)]).toBeUndefined();
    expect(net.convergence()[1]?.convergenceMs).toBeLessThan(10);
  });

  it('a borrowed /32 inside another node’s block is exported by the hosting node and wins by length', () => {
    const sim = new Simulation({ seed: 1 });
    const net = new BgpNetwork(sim, meshConfigs(3, { blocks: 1 }));
    sim.run(10_000);
    const inside = blockCidr(0).replace('.0/26', '.5/32');
    net.schedule(20_000, { kind: 'blocks', node: 'node-2', blocks: [blockCidr(2)], borrowed: [inside] });
    sim.run(30_000);
    expect(routesOf(net, 'node-1')[inside]).toEqual(['node-2']);
    // node-0 owns the block: it keeps the blackhole /26 and learns the /32 (it would not re-export it).
    expect(routesOf(net, 'node-0')[inside]).toEqual(['node-2']);
    expect(routesOf(net, 'node-0')[blockCidr(0)]).toEqual(['local']);
  });

  it('random block churn with updates in flight converges to the same RIBs as a fresh network', () => {
    const blocksArb = fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ node: fc.integer({ min: 0, max: 2 }), blocks: blocksArb, dt: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 8 }),
        (steps) => {
          const sim = new Simulation({ seed: 9 });
          const cfgs = meshConfigs(3, { blocks: 2 });
          const net = new BgpNetwork(sim, cfgs);
          sim.run(5_000);
          let t = 5_000;
          const final: string[][] = cfgs.map((c) => [...c.blocks]);
          for (const s of steps) {
            t += s.dt;
            // k >= 8: blocks several nodes may announce at once (conflicting origins).
            const blocks = [...new Set(s.blocks)].map((k) => blockCidr(k >= 8 ? 200 + k : 3 * s.node + (k % 3) + 100 * (k >> 2)));
            net.schedule(t, { kind: 'blocks', node: `node-${s.node}`, blocks });
            final[s.node] = blocks;
          }
          sim.run(t + 60_000);
          const sim2 = new Simulation({ seed: 9 });
          const fresh = new BgpNetwork(sim2, cfgs.map((c, i) => ({ ...c, blocks: final[i] as string[] })));
          sim2.run(60_000);
          expect(allRoutes(net)).toBe(allRoutes(fresh));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('reconfiguration', () => {
  it('full mesh → route reflectors: mesh sessions removed with Cease, RR sessions established, routes kept', () => {
    const sim = new Simulation({ seed: 3 });
    const mesh = meshConfigs(5, { blocks: 1 });
    const net = new BgpNetwork(sim, mesh);
    sim.run(10_000);
    expect(sessionStates(net)).toEqual({ Established: 20 });
    // Same node names and addresses: node-0 becomes the reflector (rr-0 in the RR generator order).
    const rr = reflectorConfigs(4, 1, { blocks: 1 }).map((c, i): NodeBgpConfig => ({ ...c, node: `node-${i}` }));
    const renamed = rr.map((c) => ({ ...c, peers: c.peers.map((p) => ({ ...p, peerName: p.peerName.startsWith('rr-') ? 'node-0' : `node-${Number(p.peerName.slice(5)) + 1}` })) }));
    net.schedule(20_000, { kind: 'reconfigure', configs: renamed });
    sim.run(200_000);
    expect(sessionStates(net)).toEqual({ Established: 8 });
    const fresh = new BgpNetwork(new Simulation({ seed: 3 }), renamed);
    fresh.core.sim.run(60_000);
    expect(allRoutes(net)).toBe(allRoutes(fresh));
    const r = net.routes('node-2').find((x) => x.prefix === blockCidr(1));
    expect(r?.paths.map((p) => [p.peer, p.originatorId])).toEqual([['node-0', '172.16.0.2']]);
  });
});
