import { describe, expect, it } from 'vitest';
import { deriveBgpConfigs } from '../../../src/model/bgp/derive-bgp-configs.js';
import type { NodeBgpConfig } from '../../../src/model/bgp/types.js';
import type { CalicoSpec } from '../../../src/scenario/types.js';
import { bgpNodes, cluster, manifests, SRC, type TestNode } from './fixtures.js';
import { peeringsOf } from './peerings-of.js';

const NODES: TestNode[] = [
  { name: 'kube-master', ip: '10.192.0.2', labels: { group: 'one' } },
  { name: 'kube-node-1', ip: '10.192.0.3', labels: { group: 'two' } },
  { name: 'kube-node-2', ip: '10.192.0.4', labels: { group: 'two' } },
];
const MESH_OFF = 'kind: BGPConfiguration\nmetadata: {name: default}\nspec: {nodeToNodeMeshEnabled: false}';

function derive(yaml: string, calico: Partial<CalicoSpec> = {}, nodes = NODES): Map<string, NodeBgpConfig> {
  const resources = manifests([MESH_OFF, yaml].join('\n---\n'));
  const d = deriveBgpConfigs(cluster(nodes, { resources, ...calico }), bgpNodes(nodes), new Map());
  expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  return new Map(d.configs.map((c) => [c.node, c]));
}

const names = (c: NodeBgpConfig | undefined): string[] => peeringsOf(c).map((p) => p.protocolName);

describe('BGPPeer resources', () => {
  it('node: only that node gets a Node_ peering', () => {
    const m = derive('kind: BGPPeer\nmetadata: {name: tor}\nspec: {node: kube-node-1, peerIP: 172.19.4.87, asNumber: 64533}');
    expect(names(m.get('kube-node-1'))).toEqual(['Node_172_19_4_87']);
    expect(names(m.get('kube-master'))).toEqual([]);
    expect(peeringsOf(m.get('kube-node-1'))[0]).toMatchObject({ kind: 'node', peerAs: 64533, peerName: 'tor', peerIsNode: false, passive: false });
    expect(peeringsOf(m.get('kube-node-1'))[0]?.origin).toMatchObject({ file: 'bgp.yaml' });
  });

  it('nodeSelector: the matching nodes; neither: every node gets a Global_ peering', () => {
    const m = derive(
      [
        "kind: BGPPeer\nmetadata: {name: sel}\nspec: {nodeSelector: group == 'two', peerIP: 172.19.4.87, asNumber: 64533}",
        'kind: BGPPeer\nmetadata: {name: everyone}\nspec: {peerIP: 172.19.4.1, asNumber: 64533}',
      ].join('\n---\n'),
    );
    expect(names(m.get('kube-master'))).toEqual(['Global_172_19_4_1']);
    expect(names(m.get('kube-node-2'))).toEqual(['Global_172_19_4_1', 'Node_172_19_4_87']);
    expect(peeringsOf(m.get('kube-node-2'))[0]?.kind).toBe('global');
  });

  it('a global peering to an IP suppresses node-specific ones to the same IP:port', () => {
    const m = derive(
      [
        'kind: BGPPeer\nmetadata: {name: a-global}\nspec: {peerIP: 172.19.4.87, asNumber: 64533}',
        'kind: BGPPeer\nmetadata: {name: b-node}\nspec: {node: kube-master, peerIP: 172.19.4.87, asNumber: 64533}',
        'kind: BGPPeer\nmetadata: {name: c-port}\nspec: {node: kube-master, peerIP: "172.19.4.87:1179", asNumber: 64533}',
      ].join('\n---\n'),
    );
    expect(names(m.get('kube-master'))).toEqual(['Global_172_19_4_87', 'Node_172_19_4_87_port_1179']);
    expect(peeringsOf(m.get('kube-master'))[1]?.peerPort).toBe(1179);
  });

  it('peerSelector: Node_ peerings to the selected nodes, each at its own AS, plus reverse peerings', () => {
    const m = derive(
      [
        "kind: BGPPeer\nmetadata: {name: one-to-two}\nspec: {nodeSelector: group == 'one', peerSelector: group == 'two'}",
        'kind: Node\napiVersion: projectcalico.org/v3\nmetadata: {name: kube-node-2}\nspec: {bgp: {asNumber: 65002}}',
        'kind: BGPConfiguration\nmetadata: {name: node.kube-node-1}\nspec: {listenPort: 500}',
      ].join('\n---\n'),
    );
    const master = m.get('kube-master');
    expect(names(master)).toEqual(['Node_10_192_0_3_port_500', 'Node_10_192_0_4']);
    expect(peeringsOf(master).map((p) => [p.peerAs, p.peerIsNode, p.peerName])).toEqual([
      [64512, true, 'kube-node-1'],
      [65002, true, 'kube-node-2'],
    ]);
    expect(names(m.get('kube-node-1'))).toEqual(['Node_10_192_0_2']);
    expect(peeringsOf(m.get('kube-node-2'))[0]).toMatchObject({ protocolName: 'Node_10_192_0_2', peerAs: 64512, localAs: 65002 });
  });

  it('reversePeering: Manual leaves the selected nodes without the reverse peering', () => {
    const m = derive("kind: BGPPeer\nmetadata: {name: p}\nspec: {nodeSelector: group == 'one', peerSelector: group == 'two', reversePeering: Manual}");
    expect(names(m.get('kube-master'))).toEqual(['Node_10_192_0_3', 'Node_10_192_0_4']);
    expect(names(m.get('kube-node-1'))).toEqual([]);
  });

  it('a global peerIP peer that is a Calico node: string passivity, and the node peers back to everyone', () => {
    const m = derive('kind: BGPPeer\nmetadata: {name: to-node-1}\nspec: {peerIP: 10.192.0.3, asNumber: 64512}');
    expect(peeringsOf(m.get('kube-master'))[0]).toMatchObject({ protocolName: 'Global_10_192_0_3', passive: true, peerIsNode: true, peerName: 'kube-node-1' });
    expect(peeringsOf(m.get('kube-node-2'))[0]).toMatchObject({ protocolName: 'Global_10_192_0_3', passive: false });
    expect(names(m.get('kube-node-1'))).toEqual(['Node_10_192_0_2', 'Node_10_192_0_4']);
    expect(peeringsOf(m.get('kube-node-1')).every((p) => !p.passive)).toBe(true);
  });

  it('peer options: timers, ttl security, next hop, local AS, allowed local AS, source address', () => {
    const m = derive(
      [
        'kind: BGPPeer\nmetadata: {name: a}',
        'spec: {node: kube-master, peerIP: 172.19.4.1, asNumber: 64533, keepaliveTime: 30s, maxRestartTime: 1m30s,',
        '  ttlSecurity: 2, nextHopMode: Self, localASNumber: 65001, numAllowedLocalASNumbers: 1, sourceAddress: None,',
        '  reachableBy: 10.192.0.1}',
        '---',
        'kind: BGPPeer\nmetadata: {name: b}\nspec: {node: kube-master, peerIP: 172.19.4.2, asNumber: 64533, keepOriginalNextHop: true}',
        '---',
        'kind: BGPPeer\nmetadata: {name: c}\nspec: {node: kube-master, peerIP: 172.19.4.3, asNumber: 64512, keepOriginalNextHop: true}',
      ].join('\n'),
    );
    const [a, b, c] = peeringsOf(m.get('kube-master'));
    expect(a).toMatchObject({ keepaliveTime: 30, gracefulRestartTime: 90, ttlSecurity: 2, nextHopMode: 'Self' });
    expect(a).toMatchObject({ localAs: 65001, localAsSet: true, numAllowedLocalASNumbers: 1, reachableBy: '10.192.0.1' });
    expect(a?.sourceAddress).toBeUndefined();
    expect(b).toMatchObject({ nextHopMode: 'Keep', sourceAddress: '10.192.0.2' }); // eBGP: legacy keep applies
    expect(c).toMatchObject({ nextHopMode: 'Auto' }); // iBGP: legacy keepOriginalNextHop ignored
  });
});

describe('external peers (calico.peers[])', () => {
  const peer = (name: string, extra: object) => ({ name, peerIP: '', asNumber: 65000, announce: [], src: SRC, ...extra });

  it('node / nodeSelector / all nodes become Node_ / Node_ / Global_ peerings with the peer AS', () => {
    const m = derive('', {
      peers: [
        peer('tor-a', { peerIP: '172.20.0.1', node: 'kube-node-1' }),
        peer('tor-b', { peerIP: '172.20.0.2', nodeSelector: "group == 'two'" }),
        peer('core', { peerIP: '172.20.0.3:1179', asNumber: 65010 }),
      ],
    });
    expect(names(m.get('kube-node-1'))).toEqual(['Global_172_20_0_3_port_1179', 'Node_172_20_0_1', 'Node_172_20_0_2']);
    expect(names(m.get('kube-master'))).toEqual(['Global_172_20_0_3_port_1179']);
    const g = peeringsOf(m.get('kube-master'))[0];
    expect(g).toMatchObject({ peerAs: 65010, peerName: 'core', peerIsNode: false, sourceAddress: '10.192.0.2', nextHopMode: 'Auto' });
    expect(peeringsOf(m.get('kube-node-2')).find((p) => p.peerName === 'tor-b')?.origin).toEqual(SRC);
  });

  it('keepaliveTime (ms) becomes the peering keepalive in seconds; holdTime stays the router\'s', () => {
    const m = derive('', { peers: [peer('tor', { peerIP: '172.20.0.1', keepaliveTime: 30_000, holdTime: 90_000 })] });
    const p = peeringsOf(m.get('kube-master'))[0];
    expect(p?.keepaliveTime).toBe(30);
    expect(p?.holdTime).toBeUndefined();
  });

  it('a BGPPeer manifest and its twin in calico.peers (as the scenario reader lists it) give one peering', () => {
    const nodes = NODES;
    const resources = manifests(`${MESH_OFF}\n---\nkind: BGPPeer\nmetadata: {name: tor}\nspec: {peerIP: "172.20.0.1:1179", asNumber: 65000}`);
    const c = cluster(nodes, { resources, peers: [peer('tor', { peerIP: '172.20.0.1' })] });
    const d = deriveBgpConfigs(c, bgpNodes(nodes), new Map());
    expect(d.diagnostics).toEqual([]);
    expect(names(d.configs[0])).toEqual(['Global_172_20_0_1_port_1179']);
  });
});
