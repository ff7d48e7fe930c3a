// test: MED without `deterministic med` as BIRD 1.6 runs it (Calico's bird.cfg). proto/bgp/attrs.c
// bgp_rte_better compares MEDs only between routes of the same neighbouring AS, and nest/rt-table.c
// rte_recalculate compares a new route only with the current best, so with tor-a (AS 65001, MED 10),
// tor-b (AS 65001, MED 30) and tor-c (AS 65002, MED 20) — a beats b on MED, b beats c and c beats a on
// router id — the best is whichever the arrival order leaves: a, c then b gives b; b, c then a gives a.
// The RFC's elimination (b out on MED, then c on router id) would answer c for both.
import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import type { ExternalBgpPeer } from '../../../../src/engine/bgp/types.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import type { BgpPeering, NodeBgpConfig } from '../../../../src/model/bgp/types.js';
import { meshConfigs } from '../topology-gen.js';

const src = { file: 'x.yaml', line: 1, col: 1 };
const PREFIX = '10.99.0.0/16';
/** name, address (= router id), AS, MED: a < b on MED, b < c < a on router id. */
const TORS = [
  ['tor-a', '172.16.0.103', 65001, 10],
  ['tor-b', '172.16.0.101', 65001, 30],
  ['tor-c', '172.16.0.102', 65002, 20],
] as const;

function peering(name: string, ip: string, as: number): BgpPeering {
  return { protocolName: `Global_${ip.replaceAll('.', '_')}`, kind: 'global', peerName: name, peerIsNode: false, peerIp: ip, peerAs: as, localAs: 64512, passive: false, rrClient: false, nextHopMode: 'Auto' };
}

function tor([name, ip, as, med]: (typeof TORS)[number]): ExternalBgpPeer {
  return { tenant: 't1', spec: { name, peerIP: ip, asNumber: as, announce: [{ prefix: PREFIX, asPath: [65100], origin: 'igp', med, communities: [], clusterList: [], src }], src } };
}

/** The best peer at node-0 for PREFIX after taking every peer down and bringing them up in `order`. */
function bestAfter(order: readonly string[]): string | undefined {
  const configs: NodeBgpConfig[] = meshConfigs(1).map((c) => ({ ...c, ipv4Address: '172.16.0.1/24', peers: TORS.map(([n, ip, as]) => peering(n, ip, as)) }));
  const sim = new Simulation({ seed: 7 });
  const net = new BgpNetwork(sim, configs, TORS.map(tor));
  sim.run(30_000);
  for (const [name] of TORS) net.apply({ kind: 'peer-down', node: 'node-0', peer: name });
  order.forEach((name, i) => {
    sim.run(40_000 + i * 20_000);
    net.apply({ kind: 'peer-up', node: 'node-0', peer: name });
  });
  sim.run(40_000 + order.length * 20_000);
  const r = net.routes('node-0').find((x) => x.prefix === PREFIX);
  expect(r?.paths.map((p) => p.peer).sort()).toEqual(['tor-a', 'tor-b', 'tor-c']);
  return r?.paths.find((p) => p.best)?.peer;
}

describe('MED without deterministic med (BIRD 1.6, arrival order)', () => {
  it('a, c, then b: each newcomer beats the best it meets, b wins', () => {
    expect(bestAfter(['tor-a', 'tor-c', 'tor-b'])).toBe('tor-b');
  });

  it('b, c, then a: c loses to b, a beats b on MED, a wins', () => {
    expect(bestAfter(['tor-b', 'tor-c', 'tor-a'])).toBe('tor-a');
  });

  it('a re-announced last beats the best it meets (b); when it leaves, the scan over the rest elects b over c', () => {
    const configs: NodeBgpConfig[] = meshConfigs(1).map((c) => ({ ...c, ipv4Address: '172.16.0.1/24', peers: TORS.map(([n, ip, as]) => peering(n, ip, as)) }));
    const sim = new Simulation({ seed: 7 });
    const net = new BgpNetwork(sim, configs, TORS.map(tor));
    sim.run(30_000);
    net.apply({ kind: 'peer-down', node: 'node-0', peer: 'tor-a' });
    sim.run(60_000);
    net.apply({ kind: 'peer-up', node: 'node-0', peer: 'tor-a' });
    sim.run(90_000);
    expect(net.routes('node-0').find((x) => x.prefix === PREFIX)?.paths.find((p) => p.best)?.peer).toBe('tor-a');
    net.apply({ kind: 'peer-down', node: 'node-0', peer: 'tor-a' });
    sim.run(120_000);
    expect(net.routes('node-0').find((x) => x.prefix === PREFIX)?.paths.find((p) => p.best)?.peer).toBe('tor-b');
  });
});
