import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../src/engine/bgp/bgp-network.js';
import { Simulation } from '../../../src/engine/simulation.js';
import { blockCidr, meshConfigs } from './topology-gen.js';
import { routesOf, sessionStates } from './helpers.js';

describe('node-to-node mesh', () => {
  it('3 nodes converge: every node holds every block, sessions established', () => {
    const sim = new Simulation({ seed: 1 });
    const net = new BgpNetwork(sim, meshConfigs(3, { blocks: 2 }));
    sim.run(60_000);
    expect(sessionStates(net)).toEqual({ Established: 6 });
    for (let i = 0; i < 3; i++) {
      const r = routesOf(net, `node-${i}`);
      expect(Object.keys(r).sort()).toEqual([0, 1, 2, 3, 4, 5].map(blockCidr).sort());
      for (let j = 0; j < 3; j++) {
        for (const b of [blockCidr(2 * j), blockCidr(2 * j + 1)]) {
          expect(r[b]).toEqual(j === i ? ['local'] : [`node-${j}`]);
        }
      }
    }
    const conv = net.convergence();
    expect(conv[0]?.lastRouteChange).toBeGreaterThan(2000);
    expect(conv[0]?.lastRouteChange).toBeLessThan(2100);
  });
});
