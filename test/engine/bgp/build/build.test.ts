// Building a network, over random clusters that mix the mesh with reflectors, global and per-node
// BGPPeers, some of them at node addresses (duplicates of mesh peerings):
// - the engine builds a node-to-node mesh straight from the shared member list (NodeBgpConfig.mesh),
//   never expanding it into n² peering objects. Reference: the same configurations with the mesh expanded
//   into explicit peerings (nodePeerings, confd's protocol order). Both must give the same network:
//   sessions, ignored duplicate protocols, routes and event count;
// - export profiles are assigned through a per-speaker cache; reference: the search over the speaker's
//   profiles by the end's settings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BgpNetwork } from '../../../../src/engine/bgp/bgp-network.js';
import { C_CONFIGURED, C_PASSIVE, EB_CFG, EI_PROFILE, EI_SPK, END_B, END_I } from '../../../../src/engine/bgp/tables/end-table.js';
import { findProfile } from '../../../../src/engine/bgp/build/session-config.js';
import type { ExternalBgpPeer } from '../../../../src/engine/bgp/types.js';
import { Simulation } from '../../../../src/engine/simulation.js';
import { deriveBgpConfigs } from '../../../../src/model/bgp/derive-bgp-configs.js';
import { nodePeerings, protocolName } from '../../../../src/model/bgp/node-peerings.js';
import type { NodeBgpConfig } from '../../../../src/model/bgp/types.js';
import type { ExternalPeerSpec } from '../../../../src/scenario/types.js';
import { bgpNodes, cluster, numberedNodes, SRC } from '../../../model/bgp/fixtures.js';
import { meshConfigs } from '../topology-gen.js';

const setup = fc.record({
  nodes: fc.integer({ min: 2, max: 8 }),
  reflectors: fc.integer({ min: 0, max: 2 }),
  peers: fc.array(
    fc.record({
      // 1-8: a node's address (a Global_/Node_ duplicate of a mesh peering); 20-21: an external router.
      octet: fc.constantFrom(1, 2, 3, 5, 8, 20, 21),
      target: fc.oneof(fc.constant('all'), fc.integer({ min: 1, max: 8 })),
      as: fc.constantFrom(64512, 65001),
    }),
    { maxLength: 4 },
  ),
  seed: fc.integer({ min: 1, max: 1000 }),
});

/** Ends whose export profile differs from the one the uncached search picks for their settings. */
function misassigned(net: BgpNetwork): number[] {
  const e = net.core.ends;
  const out: number[] = [];
  for (let n = 0; n < e.count; n++) {
    if (((e.u8[n * END_B + EB_CFG] as number) & C_CONFIGURED) === 0) continue;
    if (e.i32[n * END_I + EI_PROFILE] !== findProfile(net.core, e.i32[n * END_I + EI_SPK] as number, n)) out.push(n);
  }
  return out;
}

function run(configs: readonly NodeBgpConfig[], externals: readonly ExternalBgpPeer[], seed: number): unknown {
  const sim = new Simulation({ seed });
  const net = new BgpNetwork(sim, configs, externals);
  expect(misassigned(net)).toEqual([]);
  const stats = sim.run(300_000);
  return {
    events: stats.processed,
    sessions: net.sessions(),
    warnings: net.warnings(),
    routes: net.speakers().map((n) => [n, net.routes(n)]),
  };
}

describe('building a network', () => {
  it('a compact mesh builds the network its expanded peerings build; every end gets the profile its settings select', () => {
    let meshed = 0;
    let duplicates = 0;
    fc.assert(
      fc.property(setup, (s) => {
        const nodes = numberedNodes(s.nodes);
        const specs: ExternalPeerSpec[] = s.peers.map((p, i) => ({
          name: `peer-${i}`,
          peerIP: p.octet < 20 ? `10.0.0.${p.octet}` : `172.20.0.${p.octet}`,
          asNumber: p.as,
          ...(typeof p.target === 'number' ? { node: `node-${p.target}` } : {}),
          announce: [],
          src: SRC,
        }));
        const rr = nodes.slice(0, s.reflectors).map((n) => n.name);
        const c = cluster(nodes, {
          peers: specs,
          ...(rr.length > 0 ? { routeReflectors: { nodes: rr, clusterId: '244.0.0.1', src: SRC } } : {}),
          resources: [],
        });
        const ipam = new Map(nodes.map((n, i) => [n.name, { blocks: [`192.168.${i}.0/26`], borrowed: [] }]));
        const d = deriveBgpConfigs(c, bgpNodes(nodes), ipam);
        const compact = d.configs;
        const expanded = compact.map((cfg): NodeBgpConfig => ({ ...cfg, mesh: undefined, peers: nodePeerings(cfg) }));
        const externals = specs.filter((p) => p.peerIP.startsWith('172.')).map((spec) => ({ tenant: c.name, spec }));
        if (compact.some((cfg) => cfg.mesh !== undefined)) meshed++;
        const a = run(compact, externals, s.seed) as { warnings: string[] };
        if (a.warnings.length > 0) duplicates++;
        expect(a).toEqual(run(expanded, externals, s.seed));
      }),
      { numRuns: 60 },
    );
    // The runs exercised meshes, and protocols that duplicate a mesh peering.
    expect(meshed).toBeGreaterThan(30);
    expect(duplicates).toBeGreaterThan(3);
  });

  it('a Mesh_ end is passive exactly when the remote address is the greater string', () => {
    // Addresses whose string order differs from their numeric order (10.0.0.9 > 10.0.0.10 as strings).
    const address = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 120 })).map(([c, d]) => `10.0.${c}.${d}`);
    fc.assert(
      fc.property(fc.uniqueArray(address, { minLength: 2, maxLength: 12 }), (ips) => {
        const configs = meshConfigs(ips.length).map((cfg, i): NodeBgpConfig => ({ ...cfg, ipv4Address: `${ips[i]}/16`, routerId: ips[i] as string }));
        const members = ips.map((ip, i) => ({ name: `node-${i}`, ip, protocolName: protocolName('Mesh', ip) }));
        const net = new BgpNetwork(new Simulation({ seed: 1 }), configs.map((cfg) => ({ ...cfg, mesh: { members } })));
        const e = net.core.ends;
        for (let n = 0; n < e.count; n++) {
          const own = ips[e.i32[n * END_I + EI_SPK] as number] as string;
          const peer = ips[e.i32[(n ^ 1) * END_I + EI_SPK] as number] as string;
          expect(((e.u8[n * END_B + EB_CFG] as number) & C_PASSIVE) !== 0).toBe(peer > own);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
