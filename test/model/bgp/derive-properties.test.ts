import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveBgpConfigs } from '../../../src/model/bgp/derive-bgp-configs.js';
import type { ExternalPeerSpec } from '../../../src/scenario/types.js';
import { bgpNodes, cluster, numberedNodes, SRC } from './fixtures.js';
import { peeringsOf } from './peerings-of.js';

const setup = fc.record({
  nodes: fc.integer({ min: 1, max: 9 }),
  mesh: fc.boolean(),
  reflectors: fc.integer({ min: 0, max: 3 }),
  peers: fc.array(
    fc.record({
      octet: fc.integer({ min: 1, max: 5 }),
      target: fc.oneof(fc.constant('all'), fc.constant('zone-a'), fc.integer({ min: 1, max: 9 })),
      as: fc.constantFrom(64512, 65001),
    }),
    { maxLength: 4 },
  ),
});

describe('derivation invariants', () => {
  it('peerings are sorted and unique by protocol name; node-to-node sessions are configured on both ends', () => {
    fc.assert(
      fc.property(setup, (s) => {
        const nodes = numberedNodes(s.nodes).map((n, i) => ({ ...n, labels: { zone: i % 2 === 0 ? 'a' : 'b' } }));
        const peers: ExternalPeerSpec[] = s.peers.map((p, i) => ({
          name: `peer-${i}`,
          peerIP: `172.20.0.${p.octet}`,
          asNumber: p.as,
          ...(p.target === 'zone-a' ? { nodeSelector: "zone == 'a'" } : typeof p.target === 'number' ? { node: `node-${p.target}` } : {}),
          announce: [],
          src: SRC,
        }));
        const rrNodes = nodes.slice(0, s.reflectors).map((n) => n.name);
        const c = cluster(nodes, {
          nodeToNodeMeshEnabled: s.mesh,
          peers,
          ...(rrNodes.length > 0 ? { routeReflectors: { nodes: rrNodes, clusterId: '244.0.0.1', src: SRC } } : {}),
        });
        const d = deriveBgpConfigs(c, bgpNodes(nodes), new Map());
        expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
        const ends = new Set<string>();
        for (const cfg of d.configs) {
          const names = peeringsOf(cfg).map((p) => p.protocolName);
          expect(names).toEqual([...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
          for (const p of peeringsOf(cfg)) if (p.peerIsNode) ends.add(`${cfg.routerId}>${p.peerIp}`);
        }
        for (const e of ends) {
          const [a, b] = e.split('>');
          expect(ends.has(`${b}>${a}`)).toBe(true);
        }
        // A reflector never meshes, and no node meshes with a reflector.
        for (const cfg of d.configs) {
          for (const p of peeringsOf(cfg)) {
            if (p.kind === 'mesh') expect(rrNodes.includes(cfg.node) || rrNodes.includes(p.peerName)).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
