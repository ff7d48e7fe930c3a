import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../src/engine/bgp/bgp-network.js';
import type { ExternalBgpPeer } from '../../../src/engine/bgp/types.js';
import { Simulation } from '../../../src/engine/simulation.js';
import type { NodeBgpConfig } from '../../../src/model/bgp/types.js';
import { blockCidr, meshConfigs, nodeIp } from './topology-gen.js';

const TOR_IP = '172.16.100.1';
const src = { file: 'x.yaml', line: 1, col: 1 };

function withTor(n: number): { configs: NodeBgpConfig[]; tor: ExternalBgpPeer } {
  const configs = meshConfigs(n).map((c) => ({
    ...c,
    peers: [
      ...c.peers,
      {
        protocolName: `Global_${TOR_IP.replaceAll('.', '_')}`,
        kind: 'global' as const,
        peerName: 'tor-1',
        peerIsNode: false,
        peerIp: TOR_IP,
        peerAs: 65001,
        localAs: 64512,
        passive: false,
        rrClient: false,
        nextHopMode: 'Auto' as const,
      },
    ],
  }));
  const tor: ExternalBgpPeer = {
    tenant: 't1',
    spec: {
      name: 'tor-1',
      peerIP: TOR_IP,
      asNumber: 65001,
      announce: [
        { prefix: '10.99.0.0/16', asPath: [65100], origin: 'egp', med: 50, localPref: 300, communities: ['65001:7'], clusterList: [], src },
        { prefix: '0.0.0.0/0', asPath: [], origin: 'igp', communities: [], clusterList: [], src },
      ],
      src,
    },
  };
  return { configs, tor };
}

describe('external peers', () => {
  it('an announced prefix appears at every node with its attributes (EBGP: AS prepended, LOCAL_PREF ignored)', () => {
    const { configs, tor } = withTor(3);
    const sim = new Simulation({ seed: 2 });
    const net = new BgpNetwork(sim, configs, [tor]);
    sim.run(60_000);
    for (let i = 0; i < 3; i++) {
      const r = net.routes(`node-${i}`).find((x) => x.prefix === '10.99.0.0/16');
      expect(r?.paths).toEqual([
        {
          peer: 'tor-1',
          nextHop: TOR_IP,
          asPath: [65001, 65100],
          origin: 'egp',
          med: 50,
          localPref: 100,
          best: true,
          stale: false,
          originatorId: null,
          clusterList: [],
          communities: ['65001:7'],
          preference: 100,
        },
      ]);
      // Outside every pool: not re-exported to mesh peers (calico_export_to_bgp_peers rejects it).
      expect(net.routes(`node-${i}`).find((x) => x.prefix === '0.0.0.0/0')?.paths.map((p) => p.peer)).toEqual(['tor-1']);
    }
  });

  it('the ToR hears every block from every node (mesh-learned pool routes are exported to EBGP), ECMP over them', () => {
    const { configs, tor } = withTor(3);
    const sim = new Simulation({ seed: 2 });
    const net = new BgpNetwork(sim, configs, [tor]);
    sim.run(60_000);
    const r = net.routes('tor-1').find((x) => x.prefix === blockCidr(1));
    expect(r?.paths.map((p) => [p.peer, p.nextHop, p.asPath, p.best])).toEqual([
      ['node-0', nodeIp(0), [64512], true],
      ['node-1', nodeIp(1), [64512], false],
      ['node-2', nodeIp(2), [64512], false],
    ]);
    // The announced routes are not reflected back to the ToR.
    expect(net.routes('tor-1').find((x) => x.prefix === '10.99.0.0/16')?.paths.map((p) => p.peer)).toEqual(['local']);
    const sess = net.sessions().filter((s) => s.peer === 'tor-1');
    expect(sess.map((s) => [s.node, s.state, s.routesReceived, s.routesSent])).toEqual([
      ['node-0', 'Established', 2, 3],
      ['node-1', 'Established', 2, 3],
      ['node-2', 'Established', 2, 3],
    ]);
  });

  it('hold time is negotiated down to the peer’s (180 s), so its silent failure is noticed sooner', () => {
    const { configs, tor } = withTor(2);
    const sim = new Simulation({ seed: 2 });
    const net = new BgpNetwork(sim, configs, [tor], { timerJitter: false });
    sim.run(60_000);
    net.schedule(100_000, { kind: 'node-down', node: 'tor-1', mode: 'silent' });
    sim.run(1_000_000);
    const c = net.convergence()[1]?.convergenceMs as number;
    expect(c).toBeGreaterThan(180_000 - 60_000);
    expect(c).toBeLessThanOrEqual(180_010);
  });
});
