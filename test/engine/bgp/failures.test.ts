import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../src/engine/bgp/bgp-network.js';
import { Simulation } from '../../../src/engine/simulation.js';
import { blockCidr, meshConfigs } from './topology-gen.js';
import { routesOf } from './helpers.js';

function mesh(seed: number, jitter = true): { sim: Simulation; net: BgpNetwork } {
  const sim = new Simulation({ seed });
  const net = new BgpNetwork(sim, meshConfigs(3), [], { timerJitter: jitter });
  sim.run(60_000);
  return { sim, net };
}

describe('failures', () => {
  it('silent node failure: peers keep its routes until the hold timer (240 s, keepalive 80 s) expires', () => {
    const { sim, net } = mesh(5, false);
    const t = 100_000;
    net.schedule(t, { kind: 'node-down', node: 'node-1', mode: 'silent' });
    // Without jitter the last keepalive came at most 80 s before the failure: expiry in (160 s, 240 s].
    sim.run(t + 160_000 - 1);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toEqual(['node-1']);
    sim.run(t + 240_000 + 10);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toBeUndefined();
    expect(routesOf(net, 'node-2')[blockCidr(1)]).toBeUndefined();
    const conv = net.convergence()[1];
    expect(conv?.convergenceMs).toBeGreaterThan(160_000);
    expect(conv?.convergenceMs).toBeLessThanOrEqual(240_000 + 10);
    // Traffic to node-1's pods was blackholed from the failure until the withdrawal, on both peers.
    const holes = net.blackholeWindows().filter((h) => h.reason === 'dead-next-hop');
    expect(holes.map((h) => [h.node, h.prefixes, h.from])).toEqual([
      ['node-0', [blockCidr(1)], t],
      ['node-2', [blockCidr(1)], t],
    ]);
    for (const h of holes) expect(h.to).toBeGreaterThan(t + 160_000);
  });

  it('with BIRD jitter the hold expiry lies in (100 s, 240 s] after a silent failure', () => {
    for (const seed of [1, 2, 3, 4]) {
      const { sim, net } = mesh(seed);
      net.schedule(500_000, { kind: 'node-down', node: 'node-2', mode: 'silent' });
      sim.run(2_000_000);
      const c = net.convergence()[1]?.convergenceMs as number;
      expect(c).toBeGreaterThan(100_000);
      expect(c).toBeLessThanOrEqual(240_010);
    }
  });

  it('crash (TCP closed, no NOTIFICATION): peers keep its routes stale for the 120 s restart time', () => {
    const { sim, net } = mesh(6);
    net.schedule(100_000, { kind: 'node-down', node: 'node-1', mode: 'crash' });
    sim.run(100_010);
    const held = net.routes('node-0').find((r) => r.prefix === blockCidr(1));
    expect(held?.paths.map((p) => [p.peer, p.stale])).toEqual([['node-1', true]]);
    expect(net.sessions().find((s) => s.node === 'node-0' && s.peer === 'node-1')?.lastError).toBe('Connection reset');
    sim.run(100_000 + 119_000);
    expect(routesOf(net, 'node-2')[blockCidr(1)]).toEqual(['node-1']);
    sim.run(100_000 + 121_000);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toBeUndefined();
    expect(routesOf(net, 'node-2')[blockCidr(1)]).toBeUndefined();
  });

  it('clean stop (Cease) withdraws at once', () => {
    const { sim, net } = mesh(6);
    net.schedule(100_000, { kind: 'node-down', node: 'node-1', mode: 'clean' });
    sim.run(100_010);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toBeUndefined();
    expect(net.convergence()[1]?.convergenceMs).toBeLessThan(5);
    sim.run(200_000);
    // The node comes back: sessions re-establish and its block is learned again.
    net.schedule(300_000, { kind: 'node-up', node: 'node-1' });
    sim.run(400_000);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toEqual(['node-1']);
    expect(net.sessions().filter((s) => s.state !== 'Established')).toEqual([]);
  });

  it('a restarted node misses the blocks it had before its stop until its sessions bring them back', () => {
    const { sim, net } = mesh(6);
    net.schedule(100_000, { kind: 'node-down', node: 'node-1', mode: 'clean' });
    net.schedule(300_000, { kind: 'node-up', node: 'node-1' });
    sim.run(400_000);
    const own = net.blackholeWindows().filter((h) => h.node === 'node-1');
    expect(own.map((h) => [h.prefixes, h.reason, h.from])).toEqual([
      [[blockCidr(0)], 'missing', 300_000],
      [[blockCidr(2)], 'missing', 300_000],
    ]);
    // Closed when the route comes back: the peers' parked attempts reconnect at once, within a connect delay.
    for (const h of own) expect(h.to).toBeGreaterThan(300_000);
    for (const h of own) expect(h.to).toBeLessThan(302_100);
  });

  it('link loss without NOTIFICATION: graceful restart keeps routes stale, refreshed when it comes back', () => {
    const { sim, net } = mesh(7);
    net.schedule(100_000, { kind: 'link-down', a: 'node-0', b: 'node-1' });
    sim.run(100_001);
    const stale = net.routes('node-0').find((r) => r.prefix === blockCidr(1))?.paths[0];
    expect(stale).toMatchObject({ peer: 'node-1', stale: true, best: true });
    net.schedule(150_000, { kind: 'link-up', a: 'node-0', b: 'node-1' });
    sim.run(200_000);
    const fresh = net.routes('node-0').find((r) => r.prefix === blockCidr(1))?.paths[0];
    expect(fresh).toMatchObject({ peer: 'node-1', stale: false });
    // The route was never withdrawn: only stale flag flips, so no forwarding-visible route change.
    expect(net.convergence()[1]?.routeChanges).toBe(0);
    expect(net.convergence()[2]?.routeChanges).toBe(0);
    const s = net.sessions().find((x) => x.node === 'node-0' && x.peer === 'node-1');
    expect(s?.state).toBe('Established');
  });

  it('link down longer than the restart time (120 s): stale routes flushed at the restart timeout', () => {
    const { sim, net } = mesh(8);
    net.schedule(100_000, { kind: 'link-down', a: 'node-0', b: 'node-1' });
    sim.run(100_000 + 119_999);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toEqual(['node-1']);
    sim.run(100_000 + 120_001);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toBeUndefined();
    expect(routesOf(net, 'node-1')[blockCidr(0)]).toBeUndefined();
    net.schedule(300_000, { kind: 'link-up', a: 'node-0', b: 'node-1' });
    sim.run(400_000);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toEqual(['node-1']);
  });

  it('silent partition: hold expiry flushes without graceful restart', () => {
    const { sim, net } = mesh(9, false);
    net.schedule(100_000, { kind: 'link-down', a: 'node-0', b: 'node-2', mode: 'silent' });
    sim.run(100_000 + 240_010);
    expect(routesOf(net, 'node-0')[blockCidr(2)]).toBeUndefined();
    expect(routesOf(net, 'node-2')[blockCidr(0)]).toBeUndefined();
    net.schedule(400_000, { kind: 'link-up', a: 'node-0', b: 'node-2' });
    sim.run(500_000);
    expect(routesOf(net, 'node-0')[blockCidr(2)]).toEqual(['node-2']);
  });

  it('peer down/up administratively (Cease)', () => {
    const { sim, net } = mesh(10);
    net.schedule(100_000, { kind: 'peer-down', node: 'node-0', peer: 'node-2' });
    sim.run(100_010);
    expect(routesOf(net, 'node-0')[blockCidr(2)]).toBeUndefined();
    expect(routesOf(net, 'node-2')[blockCidr(0)]).toBeUndefined();
    expect(routesOf(net, 'node-1')[blockCidr(0)]).toEqual(['node-0']);
    net.schedule(200_000, { kind: 'peer-up', node: 'node-0', peer: 'node-2' });
    sim.run(300_000);
    expect(routesOf(net, 'node-0')[blockCidr(2)]).toEqual(['node-2']);
  });

  it('a silently failed node that comes back before the hold timer: peers see a graceful restart', () => {
    const { sim, net } = mesh(11);
    net.schedule(100_000, { kind: 'node-down', node: 'node-1', mode: 'silent' });
    net.schedule(130_000, { kind: 'node-up', node: 'node-1' });
    sim.run(500_000);
    expect(routesOf(net, 'node-0')[blockCidr(1)]).toEqual(['node-1']);
    expect(routesOf(net, 'node-1')[blockCidr(0)]).toEqual(['node-0']);
    expect(net.sessions().every((s) => s.state === 'Established')).toBe(true);
  });
});
