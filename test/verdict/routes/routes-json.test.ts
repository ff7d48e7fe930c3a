import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../src/engine/bgp/bgp-network.js';
import { Simulation } from '../../../src/engine/simulation.js';
import { bgpJson } from '../../../src/verdict/routes/bgp-json.js';
import { bgpText } from '../../../src/verdict/routes/bgp-text.js';
import { routesJson } from '../../../src/verdict/routes/routes-json.js';
import { blockCidr, meshConfigs, nodeIp } from '../../engine/bgp/topology-gen.js';

function run(seed: number): BgpNetwork {
  const sim = new Simulation({ seed });
  const net = new BgpNetwork(sim, meshConfigs(2, { blocks: 2 }));
  sim.run(60_000);
  return net;
}

describe('routes and bgp outputs', () => {
  it('routesJson has exactly the documented shape, sorted', () => {
    const j = routesJson(run(1));
    expect(j).toEqual({
      nodes: [
        {
          name: 'node-0',
          routes: [
            { prefix: blockCidr(0), paths: [{ peer: 'local', nextHop: nodeIp(0), asPath: [], origin: 'igp', med: null, localPref: 100, best: true, communities: [], originatorId: null, clusterList: [], preference: 200 }], ecmp: [] },
            { prefix: blockCidr(1), paths: [{ peer: 'local', nextHop: nodeIp(0), asPath: [], origin: 'igp', med: null, localPref: 100, best: true, communities: [], originatorId: null, clusterList: [], preference: 200 }], ecmp: [] },
            { prefix: blockCidr(2), paths: [{ peer: 'node-1', nextHop: nodeIp(1), asPath: [], origin: 'igp', med: null, localPref: 2147482623, best: true, communities: [], originatorId: null, clusterList: [], preference: 100 }], ecmp: [nodeIp(1)] },
            { prefix: blockCidr(3), paths: [{ peer: 'node-1', nextHop: nodeIp(1), asPath: [], origin: 'igp', med: null, localPref: 2147482623, best: true, communities: [], originatorId: null, clusterList: [], preference: 100 }], ecmp: [nodeIp(1)] },
          ],
        },
        {
          name: 'node-1',
          routes: [
            { prefix: blockCidr(0), paths: [{ peer: 'node-0', nextHop: nodeIp(0), asPath: [], origin: 'igp', med: null, localPref: 2147482623, best: true, communities: [], originatorId: null, clusterList: [], preference: 100 }], ecmp: [nodeIp(0)] },
            { prefix: blockCidr(1), paths: [{ peer: 'node-0', nextHop: nodeIp(0), asPath: [], origin: 'igp', med: null, localPref: 2147482623, best: true, communities: [], originatorId: null, clusterList: [], preference: 100 }], ecmp: [nodeIp(0)] },
            { prefix: blockCidr(2), paths: [{ peer: 'local', nextHop: nodeIp(1), asPath: [], origin: 'igp', med: null, localPref: 100, best: true, communities: [], originatorId: null, clusterList: [], preference: 200 }], ecmp: [] },
            { prefix: blockCidr(3), paths: [{ peer: 'local', nextHop: nodeIp(1), asPath: [], origin: 'igp', med: null, localPref: 100, best: true, communities: [], originatorId: null, clusterList: [], preference: 200 }], ecmp: [] },
          ],
        },
      ],
    });
    // The first seven keys are the original shape; later keys were added after them (additive only).
    expect(Object.keys(j.nodes[0]?.routes[0]?.paths[0] ?? {})).toEqual(['peer', 'nextHop', 'asPath', 'origin', 'med', 'localPref', 'best', 'communities', 'originatorId', 'clusterList', 'preference']);
    expect(Object.keys(j.nodes[0]?.routes[0] ?? {})).toEqual(['prefix', 'paths', 'ecmp']);
  });

  it('same seed → byte-identical routes, bgp JSON and text', () => {
    const a = run(7);
    const b = run(7);
    expect(JSON.stringify(routesJson(a))).toBe(JSON.stringify(routesJson(b)));
    expect(JSON.stringify(bgpJson(a))).toBe(JSON.stringify(bgpJson(b)));
    expect(bgpText(a)).toBe(bgpText(b));
  });

  it('bgp JSON/text report state, uptime, routes and updates per session', () => {
    const net = run(3);
    const j = bgpJson(net);
    const s = j.nodes[0]?.sessions[0];
    expect(s).toMatchObject({ peer: 'node-1', peerIp: nodeIp(1), protocol: `Mesh_${nodeIp(1).replaceAll('.', '_')}`, kind: 'mesh', state: 'Established', routesReceived: 2, routesSent: 2, lastError: '' });
    expect(s?.uptimeMs).toBeGreaterThan(0);
    expect(s?.updatesReceived).toBeGreaterThanOrEqual(1);
    const text = bgpText(net);
    expect(text).toContain('node-0\n  Name');
    expect(text).toMatch(/Mesh_172_16_0_2\s+node-1\s+172\.16\.0\.2\s+Established/);
    expect(text).toContain('Blackhole windows\n  none');
  });
});
