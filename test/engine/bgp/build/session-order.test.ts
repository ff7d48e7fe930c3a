import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import { EF_SESS_DELAY, EI_SPK, END_B, END_I, EndTable, SESS_F } from '../../../../src/engine/bgp/tables/end-table.js';
import type { IntList } from '../../../../src/lib/containers/int-list.js';
import { latencyOrder } from '../../../../src/engine/bgp/build/session-order.js';
import type { ExternalBgpPeer } from '../../../../src/engine/bgp/types.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import { meshConfigs, reflectorConfigs } from '../topology-gen.js';

describe('latencyOrder', () => {
  it('is a permutation that sorts by latency up to one step of the range, creation order within a step', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { maxLength: 300 }), (xs) => {
        const delays = Float64Array.from(xs);
        const order = latencyOrder(delays);
        expect([...order].sort((a, b) => a - b)).toEqual(xs.map((_, k) => k));
        const lo = Math.min(...xs);
        const step = (Math.max(...xs) - lo) / Math.max(1, xs.length);
        for (let p = 1; p < order.length; p++) {
          const a = delays[order[p - 1] as number] as number;
          const b = delays[order[p] as number] as number;
          expect(a).toBeLessThanOrEqual(b + step);
          // Same step (both below the next step boundary from a's): creation order.
          if (Math.floor((a - lo) / step) === Math.floor((b - lo) / step) && step > 0) expect(order[p - 1]).toBeLessThan(order[p] as number);
        }
      }),
    );
  });

  it('keeps creation order when every latency is the same', () => {
    expect([...latencyOrder(new Float64Array([2, 2, 2, 2]))]).toEqual([0, 1, 2, 3]);
  });

  it('puts the fastest sessions first', () => {
    expect([...latencyOrder(new Float64Array([1.9, 1.3, 1.6, 1.0]))]).toEqual([3, 1, 2, 0]);
  });
});

describe('EndTable staging', () => {
  const session = fc.record({
    a: fc.integer({ min: 0, max: 50 }),
    b: fc.integer({ min: -1, max: 50 }),
    delay: fc.double({ min: 1, max: 2, noNaN: true }),
    cfg: fc.tuple(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 127 })),
    conf: fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
    named: fc.boolean(),
  });

  it('laid out in any order, holds byte for byte the records a table built in place holds', () => {
    fc.assert(
      fc.property(fc.array(session, { minLength: 1, maxLength: 40 }).chain((ss) => fc.tuple(fc.constant(ss), fc.shuffledSubarray(ss.map((_, k) => k), { minLength: ss.length }))), ([ss, perm]) => {
        const live = new EndTable();
        const staged = new EndTable();
        staged.stage();
        for (const t of [live, staged]) {
          for (const s of ss) {
            const n = t.addPair(s.a, s.b, s.delay);
            for (const j of [0, 1]) {
              t.setCfg(n + j, s.cfg[j] as number);
              t.setConfId(n + j, s.conf[j] as number);
            }
            if (s.named) t.protocol.set(n, `Node_${n}`);
          }
        }
        // Staged ends answer like live ones before they are laid out.
        for (let n = 0; n < live.count; n++) {
          expect([staged.cfg(n), staged.confId(n), staged.spkOf(n)]).toEqual([live.cfg(n), live.confId(n), live.spkOf(n)]);
        }
        const order = Int32Array.from(perm);
        const at = staged.layOut(order);
        for (let p = 0; p < order.length; p++) staged.place(p);
        staged.placed();
        const SB = 2 * END_B;
        for (let p = 0; p < order.length; p++) {
          const k = order[p] as number;
          expect(at[k]).toBe(p);
          expect(staged.u8.subarray(p * SB, (p + 1) * SB)).toEqual(live.u8.subarray(k * SB, (k + 1) * SB));
        }
        expect([...staged.protocol].sort()).toEqual([...live.protocol].map(([n, v]) => [2 * (at[n >> 1] as number) + (n & 1), v]).sort());
      }),
    );
  });
});

describe('a network laid out by latency', () => {
  const src = { file: 'x.yaml', line: 1, col: 1 };
  const peer: ExternalBgpPeer = {
    tenant: 't1',
    spec: { name: 'tor', peerIP: '172.16.9.9', asNumber: 65001, announce: [{ prefix: '10.9.0.0/16', asPath: [65100], origin: 'igp', communities: [], clusterList: [], src }], src },
  };

  function story(layOutByLatency: boolean): string {
    const configs = reflectorConfigs(8, 2, { blocks: 3 }).map((c) =>
      c.node === 'node-0' ? { ...c, peers: [...c.peers, { protocolName: 'Global_172_16_9_9', kind: 'global' as const, peerName: 'tor', peerIsNode: false, peerIp: '172.16.9.9', peerAs: 65001, localAs: c.asNumber, passive: false, rrClient: false, nextHopMode: 'Auto' as const }] } : c,
    );
    const sim = new Simulation({ seed: 7 });
    const net = new BgpNetwork(sim, configs, [peer], { layOutByLatency });
    net.schedule(20_000, { kind: 'node-down', node: 'rr-0', mode: 'silent' });
    net.schedule(30_000, { kind: 'link-down', a: 'node-1', b: 'rr-1', mode: 'silent' });
    net.schedule(300_000, { kind: 'link-up', a: 'node-1', b: 'rr-1' });
    net.schedule(400_000, { kind: 'node-up', node: 'rr-0' });
    net.schedule(500_000, { kind: 'node-down', node: 'node-3', mode: 'clean' });
    net.schedule(520_000, { kind: 'node-up', node: 'node-3' });
    const stats = sim.run(2_000_000);
    return JSON.stringify({
      events: stats.processed,
      routes: net.speakers(false).map((n) => net.routes(n)),
      sessions: net.sessions(),
      conv: net.convergence(),
      holes: net.blackholeWindows(),
    });
  }

  it('gives the results of the table in creation order: failures, hold timers, restarts and all', () => {
    expect(story(true)).toBe(story(false));
  });

  it('numbers sessions by latency and names every end consistently', () => {
    const sim = new Simulation({ seed: 3 });
    const net = new BgpNetwork(sim, meshConfigs(24));
    const { ends, endOf, spk } = net.core;
    const sessions = ends.count >> 1;
    expect(sessions).toBe((24 * 23) / 2);
    const delays = Array.from({ length: sessions }, (_, s) => ends.f64[s * SESS_F + EF_SESS_DELAY] as number);
    const step = (Math.max(...delays) - Math.min(...delays)) / sessions;
    for (let s = 1; s < sessions; s++) expect(delays[s - 1]).toBeLessThanOrEqual((delays[s] as number) + step);
    for (let n = 0; n < ends.count; n++) {
      const y = ends.i32[n * END_I + EI_SPK] as number;
      const r = ends.i32[(n ^ 1) * END_I + EI_SPK] as number;
      expect(endOf.get(y, r)).toBe(n);
      expect([...(spk.ends[y] as IntList).view()]).toContain(n);
    }
    sim.run();
    expect(net.speakers().map((name) => net.routeCounts(name).prefixes)).toEqual(net.speakers().map(() => 24));
  });
});
