import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveBgpConfigs } from '../../../src/model/bgp/derive-bgp-configs.js';
import type { NodeBgpConfig } from '../../../src/model/bgp/types.js';
import { bgpNodes, cluster, manifests, numberedNodes, type TestNode } from './fixtures.js';
import { peeringsOf } from './peerings-of.js';

function derive(nodes: readonly TestNode[], yaml = ''): NodeBgpConfig[] {
  const d = deriveBgpConfigs(cluster(nodes, { resources: yaml ? manifests(yaml) : [] }), bgpNodes(nodes), new Map());
  expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  return d.configs;
}

const byNode = (configs: NodeBgpConfig[], name: string): NodeBgpConfig => {
  const c = configs.find((x) => x.node === name);
  if (c === undefined) throw new Error(`no config for ${name}`);
  return c;
};

describe('node-to-node mesh', () => {
  it('10.0.0.9 vs 10.0.0.10: the string "10.0.0.9" is greater, so 10.0.0.10 is passive', () => {
    const configs = derive([
      { name: 'a', ip: '10.0.0.9' },
      { name: 'b', ip: '10.0.0.10' },
    ]);
    const a = peeringsOf(byNode(configs, 'a'));
    const b = peeringsOf(byNode(configs, 'b'));
    expect(a).toHaveLength(1);
    expect(a[0]?.protocolName).toBe('Mesh_10_0_0_10');
    expect(a[0]?.passive).toBe(false); // 10.0.0.9 initiates
    expect(b[0]?.protocolName).toBe('Mesh_10_0_0_9');
    expect(b[0]?.passive).toBe(true);
  });

  it('every other node, source address = own IP, multihop with ttl security off, AS of the cluster', () => {
    const configs = derive(numberedNodes(4));
    const c = byNode(configs, 'node-2');
    expect(peeringsOf(c).map((p) => p.protocolName)).toEqual(['Mesh_10_0_0_1', 'Mesh_10_0_0_3', 'Mesh_10_0_0_4']);
    for (const p of peeringsOf(c)) {
      expect(p).toMatchObject({ kind: 'mesh', peerIsNode: true, sourceAddress: '10.0.0.2', peerAs: 64512, localAs: 64512 });
      expect(p.ttlSecurity).toBeUndefined();
      expect(p.rrClient).toBe(false);
      expect(p.gracefulRestartTime).toBeUndefined();
    }
    expect(c.routerId).toBe('10.0.0.2');
    expect(c.ipv4Address).toBe('10.0.0.2/16');
    expect(c.listenPort).toBe(179);
  });

  it('exactly one side of each mesh session is passive (a total order on IP strings)', () => {
    const ips = fc.uniqueArray(
      fc.tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 1, max: 254 })).map(([x, y]) => `10.${x}.0.${y}`),
      { minLength: 2, maxLength: 12, selector: (s) => s },
    );
    fc.assert(
      fc.property(ips, (list) => {
        const nodes = list.map((ip, i) => ({ name: `n${i}`, ip }));
        const configs = derive(nodes);
        const passive = new Map<string, boolean>();
        for (const c of configs) for (const p of peeringsOf(c)) passive.set(`${c.routerId}>${p.peerIp}`, p.passive);
        for (const a of list) {
          for (const b of list) {
            if (a >= b) continue;
            expect(passive.get(`${a}>${b}`)).toBe(true); // the smaller string waits
            expect(passive.get(`${b}>${a}`)).toBe(false);
          }
        }
        expect(configs.reduce((n, c) => n + peeringsOf(c).length, 0)).toBe(list.length * (list.length - 1));
      }),
      { numRuns: 60 },
    );
  });

  it('disabled by BGPConfiguration default; nodeMeshMaxRestartTime and listenPort applied', () => {
    const off = derive(numberedNodes(3), 'kind: BGPConfiguration\nmetadata: {name: default}\nspec: {nodeToNodeMeshEnabled: false}\n');
    expect(off.every((c) => peeringsOf(c).length === 0)).toBe(true);
    const yaml = [
      'kind: BGPConfiguration\nmetadata: {name: default}\nspec: {nodeMeshMaxRestartTime: 2m, listenPort: 1790}',
      'kind: BGPConfiguration\nmetadata: {name: node.node-3}\nspec: {listenPort: 500}',
    ].join('\n---\n');
    const configs = derive(numberedNodes(3), yaml);
    const p = peeringsOf(byNode(configs, 'node-1'));
    expect(p.map((x) => [x.protocolName, x.peerPort, x.gracefulRestartTime])).toEqual([
      ['Mesh_10_0_0_2', 1790, 120],
      ['Mesh_10_0_0_3', 500, 120],
    ]);
    expect(byNode(configs, 'node-3').listenPort).toBe(500);
    expect(byNode(configs, 'node-1').listenPort).toBe(1790);
  });

  it('remote AS: the remote node\'s own AS if set, else this node\'s AS (confd fallback)', () => {
    const yaml = [
      'kind: Node\napiVersion: projectcalico.org/v3\nmetadata: {name: node-1}\nspec: {bgp: {asNumber: 65001}}',
      'kind: Node\napiVersion: projectcalico.org/v3\nmetadata: {name: node-2}\nspec: {bgp: {asNumber: "1.10"}}',
    ].join('\n---\n');
    const configs = derive(numberedNodes(3), yaml);
    const n1 = byNode(configs, 'node-1');
    expect(n1.asNumber).toBe(65001);
    expect(peeringsOf(n1).map((p) => [p.protocolName, p.peerAs])).toEqual([
      ['Mesh_10_0_0_2', 65546],
      ['Mesh_10_0_0_3', 65001], // node-3 has no AS of its own: node-1's AS is used
    ]);
    expect(peeringsOf(byNode(configs, 'node-3')).map((p) => p.peerAs)).toEqual([65001, 65546]);
  });
});
