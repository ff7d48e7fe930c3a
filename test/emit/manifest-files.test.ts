import { describe, expect, it } from 'vitest';
import { renderBirdConfig } from '../../src/emit/bird/render-bird-config.js';
import { manifestFiles } from '../../src/emit/manifest-files.js';
import { deriveBgpConfigs } from '../../src/model/bgp/derive-bgp-configs.js';
import { bgpNodes, cluster, numberedNodes, SRC } from '../model/bgp/fixtures.js';

function tenant(name: string, n: number, withPeers: boolean) {
  const nodes = numberedNodes(n);
  const c = cluster(nodes, withPeers ? { peers: [{ name: 'tor', peerIP: '10.0.0.254', asNumber: 65001, announce: [], src: SRC }] } : {}, name);
  return { name, cluster: c, configs: deriveBgpConfigs(c, bgpNodes(nodes), new Map()).configs };
}

describe('manifestFiles', () => {
  const tenants = [tenant('globex', 2, false), tenant('acme', 3, true)];
  const files = manifestFiles(tenants);

  it('lists <tenant>/calico/*.yaml and <tenant>/bird/<node>.cfg, sorted', () => {
    expect(files.map((f) => f.path)).toEqual([
      'acme/bird/node-1.cfg',
      'acme/bird/node-2.cfg',
      'acme/bird/node-3.cfg',
      'acme/calico/bgpconfigurations.yaml',
      'acme/calico/bgppeers.yaml',
      'acme/calico/ippools.yaml',
      'acme/calico/nodes.yaml',
      'globex/bird/node-1.cfg',
      'globex/bird/node-2.cfg',
      'globex/calico/bgpconfigurations.yaml',
      'globex/calico/ippools.yaml',
      'globex/calico/nodes.yaml',
    ]);
  });

  it('the files hold the rendered content; a second rendering is identical', () => {
    const acme = tenants[1];
    expect(files.find((f) => f.path === 'acme/bird/node-2.cfg')?.data).toBe(renderBirdConfig(acme?.configs[1] as never));
    expect(files.find((f) => f.path === 'acme/calico/bgppeers.yaml')?.data).toContain('peerIP: 10.0.0.254');
    expect(manifestFiles([tenant('globex', 2, false), tenant('acme', 3, true)])).toEqual(files);
  });

  it.each(['../evil', '..', '.', ''])('a name unusable as a path segment (%j) is made safe', (name) => {
    for (const f of manifestFiles([tenant(name, 1, false)])) {
      const first = f.path.split('/')[0] as string;
      expect(['', '.', '..']).not.toContain(first);
      expect(first).not.toContain('/');
    }
  });
});
