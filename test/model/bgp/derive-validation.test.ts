import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/lib/diagnostics.js';
import { deriveBgpConfigs, type BgpDerivation } from '../../../src/model/bgp/derive-bgp-configs.js';
import type { CalicoSpec } from '../../../src/scenario/types.js';
import { bgpNodes, cluster, manifests, numberedNodes, SRC } from './fixtures.js';
import { peeringsOf } from './peerings-of.js';

function derive(yaml: string, calico: Partial<CalicoSpec> = {}): BgpDerivation {
  const nodes = numberedNodes(3);
  const resources = yaml === '' ? [] : manifests(yaml, 'peers.yaml');
  return deriveBgpConfigs(cluster(nodes, { resources, ...calico }), bgpNodes(nodes), new Map());
}

const errors = (d: BgpDerivation): Diagnostic[] => d.diagnostics.filter((x) => x.severity === 'error');

describe('BGP input validation', () => {
  it('BGPPeer with neither peerIP nor peerSelector: error at spec, peer skipped', () => {
    const d = derive('kind: BGPPeer\nmetadata:\n  name: nothing\nspec:\n  node: node-1\n');
    expect(errors(d)).toEqual([
      { severity: 'error', file: 'peers.yaml', line: 5, col: 3, path: 'spec', message: expect.stringContaining('needs peerIP') },
    ]);
    expect(peeringsOf(d.configs[0]).filter((p) => p.kind !== 'mesh')).toEqual([]);
  });

  it('peerIP without asNumber, and AS out of range', () => {
    const d = derive(
      [
        'kind: BGPPeer\nmetadata: {name: no-as}\nspec:\n  peerIP: 172.19.4.1',
        'kind: BGPPeer\nmetadata: {name: big-as}\nspec:\n  peerIP: 172.19.4.2\n  asNumber: 4294967296',
      ].join('\n---\n'),
    );
    expect(errors(d).map((e) => [e.line, e.path, e.message.split(':')[0]])).toEqual([
      [4, 'spec.asNumber', 'BGPPeer "no-as"'], // falls back to the nearest node: spec.peerIP's line
      [10, 'spec.asNumber', 'BGPPeer "big-as"'],
    ]);
    expect(d.configs.every((c) => peeringsOf(c).every((p) => p.kind === 'mesh'))).toBe(true);
  });

  it('peerIP and peerSelector both set; node and nodeSelector both set; asNumber with peerSelector', () => {
    const d = derive(
      [
        'kind: BGPPeer\nmetadata: {name: both-peer}\nspec:\n  peerIP: 172.19.4.1\n  peerSelector: all()',
        'kind: BGPPeer\nmetadata: {name: both-node}\nspec:\n  node: node-1\n  nodeSelector: all()\n  peerIP: 172.19.4.1\n  asNumber: 65000',
        'kind: BGPPeer\nmetadata: {name: sel-as}\nspec:\n  peerSelector: all()\n  asNumber: 65000',
      ].join('\n---\n'),
    );
    expect(errors(d).map((e) => [e.path, e.message])).toEqual([
      ['spec.peerSelector', 'BGPPeer "both-peer": peerIP and peerSelector cannot both be set'],
      ['spec.nodeSelector', 'BGPPeer "both-node": node and nodeSelector cannot both be set'],
      ['spec.asNumber', 'BGPPeer "sel-as": asNumber must be empty when peerSelector is set (each remote node uses its own AS)'],
    ]);
    expect(errors(d)[1]?.line).toBe(11);
  });

  it('invalid selectors are reported at their field', () => {
    const d = derive('kind: BGPPeer\nmetadata: {name: bad}\nspec:\n  nodeSelector: "a == "\n  peerSelector: all()\n');
    expect(errors(d)).toHaveLength(1);
    expect(errors(d)[0]).toMatchObject({ path: 'spec.nodeSelector', line: 4, col: 17 });
  });

  it('route reflectors without a (valid) cluster ID or with unknown nodes', () => {
    const none = derive('', { routeReflectors: { nodes: ['node-1'], clusterId: '', src: { file: 's.yaml', line: 7, col: 5 } } });
    expect(errors(none)).toEqual([
      expect.objectContaining({ file: 's.yaml', line: 7, path: 'calico.routeReflectors.clusterId' }),
    ]);
    expect(none.configs[0]?.routeReflectorClusterId).toBeUndefined();
    const bad = derive('', { routeReflectors: { nodes: ['node-1', 'ghost'], clusterId: 'rr-1', src: SRC } });
    expect(errors(bad).map((e) => e.path)).toEqual(['calico.routeReflectors.clusterId']);
    const ghost = derive('', { routeReflectors: { nodes: ['node-1', 'ghost'], clusterId: '244.0.0.1', src: SRC } });
    expect(errors(ghost).map((e) => e.path)).toEqual(['calico.routeReflectors.nodes[1]']);
  });

  it('external peers: no address, AS out of range, node and nodeSelector both set', () => {
    const peer = (name: string, extra: object) => ({ name, peerIP: '172.20.0.1', asNumber: 65000, announce: [], src: SRC, ...extra });
    const d = derive('', {
      peers: [
        peer('no-ip', { peerIP: '' }),
        peer('as-zero', { asNumber: 0 }),
        peer('both', { node: 'node-1', nodeSelector: 'all()' }),
        peer('fine', { node: 'node-1' }),
      ],
    });
    expect(errors(d).map((e) => e.path)).toEqual(['calico.peers[0].peerIP', 'calico.peers[1].asNumber', 'calico.peers[2].nodeSelector']);
    expect(peeringsOf(d.configs[0]).filter((p) => p.kind !== 'mesh').map((p) => p.peerName)).toEqual(['fine']);
  });

  it('calico.asNumber out of range; BGPConfiguration asNumber malformed', () => {
    expect(errors(derive('', { asNumber: 0 })).map((e) => e.path)).toEqual(['calico.asNumber']);
    const d = derive('kind: BGPConfiguration\nmetadata: {name: default}\nspec:\n  asNumber: "1.2.3"\n');
    expect(errors(d)).toEqual([expect.objectContaining({ path: 'spec.asNumber', line: 4 })]);
  });

  it('features not modelled are warnings, not errors', () => {
    const d = derive(
      [
        'kind: BGPPeer\nmetadata: {name: v6}\nspec: {peerIP: "fd00::1", asNumber: 65000}',
        'kind: BGPPeer\nmetadata: {name: filtered}\nspec: {peerIP: 172.19.4.1, asNumber: 65000, filters: [f1]}',
      ].join('\n---\n'),
    );
    expect(errors(d)).toEqual([]);
    expect(d.diagnostics.map((x) => x.path)).toEqual(['spec.peerIP', 'spec.filters']);
    expect(peeringsOf(d.configs[0]).map((p) => p.protocolName)).toContain('Global_172_19_4_1');
  });
});
