import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../src/engine/bgp/bgp-network.js';
import { Simulation } from '../../../src/engine/simulation.js';
import { blockCidr, nodeIp, reflectorConfigs } from './topology-gen.js';
import { sessionStates } from './helpers.js';

describe('route reflection (RFC 4456, BIRD bgp_import_control)', () => {
  it('one reflector: clients learn each other via the RR with next hop, ORIGINATOR_ID and CLUSTER_LIST', () => {
    const sim = new Simulation({ seed: 3 });
    const net = new BgpNetwork(sim, reflectorConfigs(3, 1, { blocks: 1 }));
    sim.run(60_000);
    expect(sessionStates(net)).toEqual({ Established: 6 });
    // node-0 is speaker index 1 (rr-0 first): its block is blockCidr(1).
    const r = net.routes('node-1');
    const fromNode0 = r.find((x) => x.prefix === blockCidr(1));
    expect(fromNode0?.paths).toEqual([
      expect.objectContaining({ peer: 'rr-0', nextHop: nodeIp(1), originatorId: nodeIp(1), clusterList: ['224.0.0.1'], asPath: [], best: true }),
    ]);
    // The reflector itself holds the client route with untouched attributes and its own block locally.
    const rr = net.routes('rr-0');
    expect(rr.find((x) => x.prefix === blockCidr(1))?.paths).toEqual([
      expect.objectContaining({ peer: 'node-0', nextHop: nodeIp(1), originatorId: null, clusterList: [] }),
    ]);
    expect(rr.find((x) => x.prefix === blockCidr(0))?.paths[0]?.peer).toBe('local');
    // A client's own block is not reflected back to it (originator/poison reverse).
    expect(net.routes('node-0').find((x) => x.prefix === blockCidr(1))?.paths.map((p) => p.peer)).toEqual(['local']);
  });

  it('two reflectors with one cluster id: clients hold a path from each, lower peer address best, one ECMP hop', () => {
    const sim = new Simulation({ seed: 4 });
    const net = new BgpNetwork(sim, reflectorConfigs(4, 2, { blocks: 2 }));
    sim.run(60_000);
    const r = net.routes('node-3');
    const p = r.find((x) => x.prefix === blockCidr(2 * 2)); // node-0 = speaker 2
    expect(p?.paths.map((x) => [x.peer, x.best, x.nextHop])).toEqual([
      ['rr-0', true, nodeIp(2)],
      ['rr-1', false, nodeIp(2)],
    ]);
    // Reflectors do not pass each other's reflections to clients (cluster-list loop on export), so a
    // client never sees a path whose CLUSTER_LIST holds the cluster id twice.
    for (const e of r) for (const x of e.paths) expect(x.clusterList.length).toBeLessThanOrEqual(1);
    // BIRD only checks the cluster loop on receipt for `rr client` sessions: rr-0 keeps rr-1's reflection
    // of a client route as a non-best path (CLUSTER_LIST [224.0.0.1], longer than the direct one).
    const rr = net.routes('rr-0').find((x) => x.prefix === blockCidr(4));
    expect(rr?.paths.map((x) => [x.peer, x.best, x.clusterList.length])).toEqual([
      ['node-0', true, 0],
      ['rr-1', false, 1],
    ]);
    for (let i = 0; i < 4; i++) expect(net.routeCounts(`node-${i}`).prefixes).toBe(12);
  });
});
