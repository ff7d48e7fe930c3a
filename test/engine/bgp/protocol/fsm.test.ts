import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import { meshConfigs } from '../topology-gen.js';
import { nodePeerings } from '../../../../src/model/bgp/node-peerings.js';

function kinds(sim: Simulation, from = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < sim.log.length; i++) if (sim.log.time(i) >= from) out.push(sim.kindName(sim.log.kind(i)));
  return out;
}

describe('session state machine (RFC 4271 §8, BIRD timers as Calico sets them)', () => {
  it('connect delay 2 s: the active side opens at exactly t = 2 s, the session is up a few latencies later', () => {
    const sim = new Simulation({ seed: 1 });
    const net = new BgpNetwork(sim, meshConfigs(2));
    sim.run(1_999);
    expect(net.sessions().map((s) => s.state)).toEqual(['Active', 'Active']);
    sim.run(60_000);
    const est = net.convergence()[0]?.lastRouteChange as number;
    expect(est).toBeGreaterThan(2_000 + 4); // SYN, OPEN/KEEPALIVE exchange, feed: at least 4 latencies of ≥ 1 ms
    expect(est).toBeLessThan(2_000 + 4 * 2 + 1);
    // Exactly one side connects (Calico mesh: the side with the greater address string is passive).
    expect(kinds(sim).filter((k) => k === 'bgp.syn')).toHaveLength(1);
  });

  it('both sides active: the connection collision keeps one session (higher BGP identifier wins)', () => {
    const cfgs = meshConfigs(2).map((c) => ({ ...c, mesh: undefined, peers: nodePeerings(c).map((p) => ({ ...p, passive: false })) }));
    const sim = new Simulation({ seed: 2 });
    // Without BIRD's restarts of crossing connections (collision.test.ts): RFC 4271 §6.8 alone.
    const net = new BgpNetwork(sim, cfgs, [], { crossingRestartP: 0 });
    sim.run(60_000);
    expect(net.sessions().map((s) => s.state)).toEqual(['Established', 'Established']);
    expect(kinds(sim).filter((k) => k === 'bgp.syn')).toHaveLength(2);
    expect(kinds(sim).filter((k) => k.startsWith('bgp.established'))).toHaveLength(2);
  });

  it('a peer that is down: SYNs are lost and retried every connect-retry time (4–5 s); once it is back the next retry connects', () => {
    const sim = new Simulation({ seed: 3 });
    // node-0's peer address 172.16.0.2 is the greater string: node-0 is passive, node-1 opens.
    const net = new BgpNetwork(sim, meshConfigs(2));
    net.schedule(1_000, { kind: 'node-down', node: 'node-0', mode: 'silent' });
    net.schedule(30_000, { kind: 'node-up', node: 'node-0' });
    sim.run(29_999);
    expect(net.sessions().find((s) => s.node === 'node-1')?.state).toBe('Connect');
    // Parked: no event was processed for the doomed retries between 2 s and 30 s.
    expect(kinds(sim, 2_001)).toEqual([]);
    sim.run(100_000);
    const s = net.sessions().find((x) => x.node === 'node-1');
    expect(s?.state).toBe('Established');
    const up = net.convergence()[2]?.lastRouteChange as number;
    // Retries at 2 s + k·(4..5 s): the first one after 30 s lies within 5 s.
    expect(up).toBeGreaterThan(30_000);
    expect(up).toBeLessThan(35_010);
  });

  it('hold-timer expiry is an error: the protocol waits the error wait (5 s, jittered 4–5 s) before restarting', () => {
    const sim = new Simulation({ seed: 4 });
    const net = new BgpNetwork(sim, meshConfigs(2));
    net.schedule(10_000, { kind: 'node-down', node: 'node-1', mode: 'silent' });
    sim.run(1_000_000);
    const log = sim.log;
    let hold = -1;
    let startup = -1;
    for (let i = 0; i < log.length; i++) {
      const k = sim.kindName(log.kind(i));
      if (k === 'bgp.hold-expired' && hold < 0) hold = log.time(i);
      if (k === 'bgp.startup' && hold >= 0 && startup < 0) startup = log.time(i);
    }
    expect(startup - hold).toBeGreaterThanOrEqual(4_000);
    expect(startup - hold).toBeLessThanOrEqual(5_000);
    expect(net.sessions().find((s) => s.node === 'node-0')?.lastError).toBe('Error: Hold timer expired');
  });
});
