import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../src/engine/bgp/bgp-network.js';
import { Simulation } from '../../../src/engine/simulation.js';
import { reflectorConfigs } from './topology-gen.js';

function scenario(seed: number): string {
  const sim = new Simulation({ seed });
  const net = new BgpNetwork(sim, reflectorConfigs(6, 2, { blocks: 3 }));
  net.schedule(50_000, { kind: 'node-down', node: 'rr-0', mode: 'silent' });
  net.schedule(60_000, { kind: 'link-down', a: 'node-1', b: 'rr-1' });
  net.schedule(90_000, { kind: 'link-up', a: 'node-1', b: 'rr-1' });
  net.schedule(400_000, { kind: 'node-up', node: 'rr-0' });
  sim.run(1_000_000);
  return JSON.stringify({
    routes: net.speakers().map((n) => net.routes(n)),
    sessions: net.sessions(),
    conv: net.convergence(),
    holes: net.blackholeWindows(),
  });
}

describe('determinism', () => {
  it('same seed → identical routes, sessions, convergence and windows', () => {
    expect(scenario(42)).toBe(scenario(42));
  });

  it('different seeds change timings, not the converged routes', () => {
    const a = JSON.parse(scenario(1)) as { routes: unknown; conv: { at: number; convergenceMs: number }[] };
    const b = JSON.parse(scenario(2)) as { routes: unknown; conv: { at: number; convergenceMs: number }[] };
    expect(a.routes).toEqual(b.routes);
    expect(a.conv.map((c) => c.convergenceMs)).not.toEqual(b.conv.map((c) => c.convergenceMs));
  });
});
