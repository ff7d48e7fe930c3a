import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import { meshConfigs, nodeIp } from '../topology-gen.js';
import { routesOf } from '../helpers.js';
import { nodePeerings } from '../../../../src/model/bgp/node-peerings.js';

function run(gcAt: number): { routes: string; sets: number; service: string[] } {
  const sim = new Simulation({ seed: 4 });
  // Every node advertises the service CIDR (static route): each node ends with one path per node.
  const net = new BgpNetwork(sim, meshConfigs(12, { blocks: 2, serviceCidrs: ['10.96.0.0/12'] }));
  net.core.setGcAt = gcAt;
  net.schedule(20_000, { kind: 'node-down', node: 'node-3', mode: 'clean' });
  sim.run(100_000);
  return {
    routes: JSON.stringify(net.speakers().map((n) => net.routes(n))),
    sets: net.core.sets.setCount,
    service: routesOf(net, 'node-0')['10.96.0.0/12'] ?? [],
  };
}

describe('path-set garbage collection', () => {
  it('collecting sets mid-run changes nothing observable and shrinks the pool', () => {
    const plain = run(1 << 30);
    const collected = run(64);
    expect(collected.routes).toBe(plain.routes);
    expect(collected.sets).toBeLessThan(plain.sets);
    // The service CIDR: the local static route is best, every other live node's path is kept (ADD-PATH).
    expect(plain.service[0]).toBe('local');
    expect(plain.service).toHaveLength(11);
  });
});

describe('odd configurations', () => {
  it('a peering to an address no speaker has stays in Connect; a duplicate peering is reported', () => {
    const cfgs = meshConfigs(2);
    const first = cfgs[0] as (typeof cfgs)[number];
    const all = nodePeerings(first);
    const p = all[0] as (typeof all)[number];
    cfgs[0] = { ...first, mesh: undefined, peers: [...all, { ...p, protocolName: 'Node_172_16_99_99', peerIp: '172.16.99.99', peerName: 'ghost', passive: false }, { ...p, protocolName: 'Dup' }] };
    const sim = new Simulation({ seed: 1 });
    const net = new BgpNetwork(sim, cfgs);
    const stats = sim.run(600_000);
    expect(stats.reason).toBe('quiescent');
    const s = net.sessions();
    expect(s.map((x) => [x.node, x.peer, x.peerIp, x.state])).toEqual([
      ['node-0', 'ghost', '172.16.99.99', 'Connect'],
      ['node-0', 'node-1', nodeIp(1), 'Established'],
      ['node-1', 'node-0', nodeIp(0), 'Established'],
    ]);
    expect(net.warnings()).toEqual([`node-0: peering Dup to ${nodeIp(1)} ignored (another peering reaches the same remote)`]);
  });

  it('a peering the other side does not configure is refused (Active) and parked, not retried forever', () => {
    const cfgs = meshConfigs(2);
    const n0 = cfgs[0] as (typeof cfgs)[number];
    cfgs[0] = { ...n0, mesh: undefined, peers: nodePeerings(n0).map((p) => ({ ...p, passive: false })) };
    cfgs[1] = { ...(cfgs[1] as (typeof cfgs)[number]), mesh: undefined, peers: [] };
    const sim = new Simulation({ seed: 1 });
    const net = new BgpNetwork(sim, cfgs);
    expect(sim.run(3_600_000).reason).toBe('quiescent');
    expect(net.sessions().map((x) => [x.node, x.state])).toEqual([['node-0', 'Active']]);
    // node-1 configures the peering later: node-0's next attempt (replayed from the parked retries) works.
    net.schedule(3_700_000, { kind: 'reconfigure', configs: meshConfigs(2) });
    sim.run(3_800_000);
    expect(net.sessions().map((x) => [x.node, x.state])).toEqual([['node-0', 'Established'], ['node-1', 'Established']]);
  });
});
