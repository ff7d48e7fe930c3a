import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveBgpConfigs } from '../../../src/model/bgp/derive-bgp-configs.js';
import type { BgpPeering, NodeBgpConfig } from '../../../src/model/bgp/types.js';
import type { CalicoSpec } from '../../../src/scenario/types.js';
import { bgpNodes, cluster, manifests, numberedNodes, SRC, type TestNode } from './fixtures.js';
import { peeringsOf } from './peerings-of.js';

function derive(nodes: readonly TestNode[], calico: Partial<CalicoSpec>): NodeBgpConfig[] {
  const d = deriveBgpConfigs(cluster(nodes, calico), bgpNodes(nodes), new Map());
  expect(d.diagnostics).toEqual([]);
  return d.configs;
}

const peer = (c: NodeBgpConfig | undefined, name: string): BgpPeering | undefined =>
  peeringsOf(c).find((p) => p.protocolName === name);

const rr = (nodes: string[], clusterId = '244.0.0.1'): Partial<CalicoSpec> => ({
  nodeToNodeMeshEnabled: false,
  routeReflectors: { nodes, clusterId, src: SRC },
});

describe('route reflectors (calico.routeReflectors recipe)', () => {
  const nodes = numberedNodes(5);
  const configs = derive(nodes, rr(['node-1', 'node-2']));
  const [n1, n2, n3] = configs;

  it('reflectors get the cluster ID; clients peer with every reflector as Node_ peers', () => {
    expect(n1?.routeReflectorClusterId).toBe('244.0.0.1');
    expect(n3?.routeReflectorClusterId).toBeUndefined();
    expect(peeringsOf(n3).map((p) => p.protocolName)).toEqual(['Node_10_0_0_1', 'Node_10_0_0_2']);
    for (const p of peeringsOf(n3)) {
      expect(p).toMatchObject({ kind: 'node', peerIsNode: true, rrClient: false, passive: false, peerAs: 64512 });
      expect(p.sourceAddress).toBe('10.0.0.3');
    }
  });

  it('on a reflector: clients get rr client + rr cluster id; the other reflector (same ID) is a plain peer', () => {
    expect(peeringsOf(n1).map((p) => p.protocolName)).toEqual(['Node_10_0_0_2', 'Node_10_0_0_3', 'Node_10_0_0_4', 'Node_10_0_0_5']);
    expect(peer(n1, 'Node_10_0_0_2')).toMatchObject({ rrClient: false, peerName: 'node-2' });
    expect(peer(n1, 'Node_10_0_0_2')?.rrClusterId).toBeUndefined();
    expect(peer(n1, 'Node_10_0_0_4')).toMatchObject({ rrClient: true, rrClusterId: '244.0.0.1' });
    expect(peer(n2, 'Node_10_0_0_1')).toMatchObject({ rrClient: false });
  });

  it('r(r-1)/2 + c*r sessions for r reflectors and c clients', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 8 }), (r, c) => {
        const all = numberedNodes(r + c);
        const cfgs = derive(all, rr(all.slice(0, r).map((n) => n.name)));
        const ends = cfgs.reduce((n, x) => n + peeringsOf(x).length, 0);
        expect(ends).toBe(2 * ((r * (r - 1)) / 2 + c * r));
      }),
      { numRuns: 25 },
    );
  });

  it('with the mesh still on: reflectors skip it and clients mesh only among themselves', () => {
    const cfgs = derive(nodes, { ...rr(['node-1']), nodeToNodeMeshEnabled: true });
    expect(peeringsOf(cfgs[0]).every((p) => p.kind === 'node')).toBe(true);
    expect(peeringsOf(cfgs[2]).map((p) => p.protocolName)).toEqual(['Mesh_10_0_0_2', 'Mesh_10_0_0_4', 'Mesh_10_0_0_5', 'Node_10_0_0_1']);
  });

  it('reflectors with different cluster IDs (Node resources) treat each other as clients', () => {
    const resources = manifests(
      [
        'kind: Node\napiVersion: projectcalico.org/v3\nmetadata: {name: node-1, labels: {rr: "true"}}\nspec: {bgp: {routeReflectorClusterID: 244.0.0.1}}',
        'kind: Node\napiVersion: projectcalico.org/v3\nmetadata: {name: node-2}\nspec: {bgp: {routeReflectorClusterID: 244.0.0.2}}',
        "kind: BGPPeer\nmetadata: {name: to-rr}\nspec: {nodeSelector: all(), peerSelector: \"rr == 'true' || role == 'rr'\"}",
      ].join('\n---\n'),
    );
    const ns = numberedNodes(3).map((n) => (n.name === 'node-1' ? { ...n, labels: { rr: 'true' } } : n.name === 'node-2' ? { ...n, labels: { role: 'rr' } } : n));
    const cfgs = derive(ns, { nodeToNodeMeshEnabled: false, resources });
    expect(peer(cfgs[0], 'Node_10_0_0_2')).toMatchObject({ rrClient: true, rrClusterId: '244.0.0.1' });
    expect(peer(cfgs[1], 'Node_10_0_0_1')).toMatchObject({ rrClient: true, rrClusterId: '244.0.0.2' });
  });

  it('an iBGP peerIP peer on a reflector is a client, an eBGP one is not', () => {
    const resources = manifests(
      [
        'kind: BGPPeer\nmetadata: {name: ibgp}\nspec: {node: node-1, peerIP: 172.19.4.87, asNumber: 64512}',
        'kind: BGPPeer\nmetadata: {name: ebgp}\nspec: {node: node-1, peerIP: 172.19.4.88, asNumber: 64533}',
      ].join('\n---\n'),
    );
    const cfgs = derive(numberedNodes(2), { ...rr(['node-1']), resources });
    expect(peer(cfgs[0], 'Node_172_19_4_87')).toMatchObject({ rrClient: true, rrClusterId: '244.0.0.1', peerName: 'ibgp', peerIsNode: false });
    expect(peer(cfgs[0], 'Node_172_19_4_88')).toMatchObject({ rrClient: false, peerAs: 64533 });
  });
});
