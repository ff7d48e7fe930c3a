import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBirdConfig } from '../../src/emit/bird/render-bird-config.js';
import { writeManifests } from '../../src/emit/write-manifests.js';
import { deriveBgpConfigs } from '../../src/model/bgp/derive-bgp-configs.js';
import { bgpNodes, cluster, numberedNodes, SRC } from '../model/bgp/fixtures.js';

const out = mkdtempSync(join(tmpdir(), 'calisim-manifests-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function tenant(name: string, n: number, withPeers: boolean) {
  const nodes = numberedNodes(n);
  const c = cluster(nodes, withPeers ? { peers: [{ name: 'tor', peerIP: '10.0.0.254', asNumber: 65001, announce: [], src: SRC }] } : {}, name);
  return { name, cluster: c, configs: deriveBgpConfigs(c, bgpNodes(nodes), new Map()).configs };
}

describe('writeManifests', () => {
  const tenants = [tenant('globex', 2, false), tenant('acme', 3, true)];
  const paths = writeManifests(out, tenants);

  it('writes <tenant>/calico/*.yaml and <tenant>/bird/<node>.cfg, returning the paths sorted', () => {
    expect(paths.map((p) => relative(out, p))).toEqual([
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

  it('the files hold the rendered content; a second run is byte-identical', () => {
    const acme = tenants[1];
    expect(readFileSync(join(out, 'acme/bird/node-2.cfg'), 'utf8')).toBe(renderBirdConfig(acme?.configs[1] as never));
    expect(readFileSync(join(out, 'acme/calico/bgppeers.yaml'), 'utf8')).toContain('peerIP: 10.0.0.254');
    const before = paths.map((p) => readFileSync(p, 'utf8'));
    writeManifests(out, [tenant('globex', 2, false), tenant('acme', 3, true)]);
    expect(paths.map((p) => readFileSync(p, 'utf8'))).toEqual(before);
  });

  it('names unusable as a path segment are made safe', () => {
    const t = tenant('../evil', 1, false);
    const written = writeManifests(out, [t]);
    for (const p of written) expect(relative(out, p).split(sep)[0]).toBe('.._evil');
  });
});
