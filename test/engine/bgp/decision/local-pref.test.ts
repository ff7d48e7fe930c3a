// test: LOCAL_PREF of a Calico node's own routes as its IBGP peers hold them — Calico's export filter sets
// bgp_local_pref = 2147483647 - krt_metric (1024 unless FelixConfiguration says otherwise), so BIRD keeps
// the node's path over an IBGP external peer's announcement of the same prefix (real BIRD 1.6: 2147482623).
import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import type { ExternalBgpPeer } from '../../../../src/engine/bgp/types.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import type { NodeBgpConfig } from '../../../../src/model/bgp/types.js';
import { blockCidr, meshConfigs } from '../topology-gen.js';

const PEER_IP = '172.16.100.1';
const src = { file: 'x.yaml', line: 1, col: 1 };

/** A 3-node mesh plus an IBGP peer (same AS, lower router id than any node) announcing node-1's block. */
function network(priority?: number): BgpNetwork {
  const configs: NodeBgpConfig[] = meshConfigs(3).map((c) => ({
    ...c,
    ...(priority !== undefined ? { normalRoutePriority: priority } : {}),
    peers: [
      { protocolName: 'Global_172_16_100_1', kind: 'global' as const, peerName: 'rr-ext', peerIsNode: false, peerIp: PEER_IP, peerAs: 64512, localAs: 64512, passive: false, rrClient: false, nextHopMode: 'Auto' as const },
    ],
  }));
  const peer: ExternalBgpPeer = {
    tenant: 't1',
    spec: { name: 'rr-ext', peerIP: PEER_IP, routerId: '1.1.1.1', asNumber: 64512, announce: [{ prefix: blockCidr(1), asPath: [], origin: 'igp', communities: [], clusterList: [], src }], src },
  };
  const sim = new Simulation({ seed: 3 });
  const net = new BgpNetwork(sim, configs, [peer]);
  sim.run(60_000);
  return net;
}

describe('LOCAL_PREF of node routes over IBGP', () => {
  it('is 2147483647 - 1024 and keeps the node path best over an IBGP peer with a lower router id', () => {
    const r = network().routes('node-0').find((x) => x.prefix === blockCidr(1));
    expect(r?.paths.map((p) => [p.peer, p.localPref, p.best])).toEqual([
      ['node-1', 2147482623, true],
      ['rr-ext', 100, false],
    ]);
  });

  it('follows FelixConfiguration routePriority', () => {
    const r = network(512).routes('node-2').find((x) => x.prefix === blockCidr(1));
    expect(r?.paths.find((p) => p.peer === 'node-1')?.localPref).toBe(2147483135);
  });
});
