// test: the IGP metric step as BIRD 1.6 takes it (bgp_rte_better / bgp_rte_mergable step e): a next hop
// in the node's own subnet has metric 0, one reached through the default route's gateway an unknown
// (worst) metric — so the near peer wins over a far one with a lower router id, and they are not merged.
import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import type { ExternalBgpPeer } from '../../../../src/engine/bgp/types.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import type { BgpPeering, NodeBgpConfig } from '../../../../src/model/bgp/types.js';
import { meshConfigs, nodeIp } from '../topology-gen.js';

const src = { file: 'x.yaml', line: 1, col: 1 };
const PREFIX = '10.98.0.0/16';

function peering(name: string, ip: string): BgpPeering {
  return { protocolName: `Global_${ip.replaceAll('.', '_')}`, kind: 'global', peerName: name, peerIsNode: false, peerIp: ip, peerAs: 64512, localAs: 64512, passive: false, rrClient: false, nextHopMode: 'Auto' };
}

function routeServer(name: string, ip: string, routerId: string): ExternalBgpPeer {
  return { tenant: 't1', spec: { name, peerIP: ip, routerId, asNumber: 64512, announce: [{ prefix: PREFIX, asPath: [], origin: 'igp', communities: [], clusterList: [], src }], src } };
}

describe('IGP metric to the next hop', () => {
  it('an on-link next hop beats one behind the gateway, whatever the router ids, and ECMP keeps only it', () => {
    const near = '172.16.0.50';
    const far = '172.16.9.50';
    const configs: NodeBgpConfig[] = meshConfigs(2).map((c, i) => ({ ...c, ipv4Address: `${nodeIp(i)}/24`, peers: [peering('near', near), peering('far', far)] }));
    const sim = new Simulation({ seed: 4 });
    const net = new BgpNetwork(sim, configs, [routeServer('near', near, '172.16.0.50'), routeServer('far', far, '1.1.1.1')]);
    sim.run(60_000);
    for (const node of ['node-0', 'node-1']) {
      const r = net.routes(node).find((x) => x.prefix === PREFIX);
      expect(r?.paths.map((p) => [p.peer, p.best])).toEqual([
        ['near', true],
        ['far', false],
      ]);
      expect(r?.ecmp).toEqual([near]);
    }
  });

  it('two next hops both behind the gateway tie on the metric and stay mergeable', () => {
    const configs: NodeBgpConfig[] = meshConfigs(1).map((c) => ({ ...c, ipv4Address: `${nodeIp(0)}/24`, peers: [peering('a', '172.16.8.50'), peering('b', '172.16.9.50')] }));
    const sim = new Simulation({ seed: 4 });
    const net = new BgpNetwork(sim, configs, [routeServer('a', '172.16.8.50', '2.2.2.2'), routeServer('b', '172.16.9.50', '1.1.1.1')]);
    sim.run(60_000);
    const r = net.routes('node-0').find((x) => x.prefix === PREFIX);
    expect(r?.paths.find((p) => p.best)?.peer).toBe('b');
    expect(r?.ecmp).toEqual(['172.16.8.50', '172.16.9.50']);
  });
});
