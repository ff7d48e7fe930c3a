// Validates the emitted Calico objects against the real CRD schemas in ../shared/reference/calico/crds
// (projectcalico/calico api/config/crd). Runs whenever CI is set; without CI it skips when the folder
// is absent.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { buildCalicoObjects } from '../../../src/emit/calico/calico-objects.js';
import { renderCalicoManifests } from '../../../src/emit/calico/render-calico-manifests.js';
import { deriveBgpConfigs } from '../../../src/model/bgp/derive-bgp-configs.js';
import type { ClusterSpec, JsonObject } from '../../../src/scenario/types.js';
import { bgpNodes, cluster, manifests, numberedNodes, pool, SRC } from '../../model/bgp/fixtures.js';
import { checkOpenApi } from './openapi-check.js';

const CRDS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/calico/crds');
const present = existsSync(CRDS);
const enabled = present || process.env['CI'] !== undefined;
if (!enabled) console.warn(`calico-crd-schema: ${CRDS} is absent and CI is unset; skipping the CRD schema test`);

const FILES: Readonly<Record<string, string>> = {
  IPPool: 'projectcalico.org_ippools.yaml',
  BGPConfiguration: 'projectcalico.org_bgpconfigurations.yaml',
  BGPPeer: 'projectcalico.org_bgppeers.yaml',
};

const schemas = new Map<string, Record<string, unknown>>();

/** The openAPIV3Schema of the served `v3` version of a kind's CRD (read once). */
function schemaOf(kind: string): Record<string, unknown> {
  const cached = schemas.get(kind);
  if (cached !== undefined) return cached;
  const crd = parse(readFileSync(resolve(CRDS, FILES[kind] as string), 'utf8')) as {
    spec: { group: string; versions: { name: string; schema: { openAPIV3Schema: Record<string, unknown> } }[] };
  };
  const v3 = crd.spec.versions.find((v) => v.name === 'v3');
  if (v3 === undefined) throw new Error(`no v3 in ${FILES[kind]}`);
  schemas.set(kind, v3.schema.openAPIV3Schema);
  return v3.schema.openAPIV3Schema;
}

function richCluster(): ClusterSpec {
  const nodes = numberedNodes(6).map((n, i) => (i === 5 ? { ...n, labels: { rack: 'r1' } } : n));
  const resources = manifests(
    [
      'kind: BGPConfiguration\napiVersion: projectcalico.org/v3\nmetadata: {name: default}',
      'spec: {asNumber: 64600, logSeverityScreen: Warning, nodeMeshMaxRestartTime: 3m, listenPort: 1790, bindMode: NodeIP}',
      '---',
      'kind: BGPConfiguration\napiVersion: projectcalico.org/v3\nmetadata: {name: node.node-6}\nspec: {listenPort: 500}',
      '---',
      'kind: BGPPeer\napiVersion: crd.projectcalico.org/v1\nmetadata: {name: tuned, resourceVersion: "12"}',
      'spec: {node: node-3, peerIP: "172.19.4.9:1179", asNumber: 65009, keepaliveTime: 20s, ttlSecurity: 1, nextHopMode: Keep}',
    ].join('\n'),
  );
  return cluster(nodes, {
    routeReflectors: { nodes: ['node-1', 'node-2'], clusterId: '244.0.0.1', src: SRC },
    peers: [
      { name: 'tor-a', peerIP: '10.0.0.254', asNumber: 65001, nodeSelector: "rack == 'r1'", announce: [], src: SRC },
      { name: 'tor-b', peerIP: '10.0.0.253', asNumber: 65001, node: 'node-2', announce: [], src: SRC },
    ],
    ipPools: [
      pool('192.168.0.0/16', { ipipMode: 'CrossSubnet', nodeSelector: "rack != 'r1'" }),
      pool('172.16.0.0/16', { vxlanMode: 'Always', blockSize: 28, disabled: true }),
      pool('198.51.100.0/24', { allowedUses: ['LoadBalancer'], natOutgoing: false }),
      pool('fd00:10::/48', { blockSize: 122, disableBGPExport: true }),
    ],
    serviceClusterIPs: ['10.96.0.0/12'],
    serviceLoadBalancerIPs: ['198.51.100.0/24'],
    resources,
  });
}

function objectsOf(c: ClusterSpec): JsonObject[] {
  const configs = deriveBgpConfigs(c, bgpNodes(c.nodes.map((n) => ({ name: n.name, ip: n.ip ?? '' }))), new Map()).configs;
  return renderCalicoManifests(c, configs).flatMap((f) => parseAllDocuments(f.text).map((d) => d.toJS() as JsonObject));
}

describe.skipIf(!enabled)('emitted Calico objects satisfy the real CRD schemas', () => {
  it('finds the CRDs', () => {
    expect(present).toBe(true);
  });

  for (const [name, make] of [
    ['route-reflector recipe, external peers, user resources, varied pools', richCluster],
    ['defaults only', () => cluster(numberedNodes(2))],
  ] as const) {
    it(name, () => {
      const docs = objectsOf(make());
      const checked = docs.filter((d) => String(d['kind']) in FILES);
      expect(new Set(checked.map((d) => d['kind']))).toEqual(new Set(name === 'defaults only' ? ['IPPool', 'BGPConfiguration'] : Object.keys(FILES)));
      for (const d of checked) {
        const problems = checkOpenApi(schemaOf(String(d['kind'])), d);
        expect({ kind: d['kind'], name: (d['metadata'] as JsonObject)['name'], problems }).toMatchObject({ problems: [] });
      }
    });
  }

  it('the schema check can fail: wrong types, unknown fields, enums and int32 range are caught', () => {
    const peer = schemaOf('BGPPeer');
    const bad = { apiVersion: 'projectcalico.org/v3', kind: 'BGPPeer', metadata: { name: 'x' }, spec: { peerIP: 1, asNumber: 4294967295, nextHopMode: 'Never', bogus: true } };
    expect(checkOpenApi(peer, bad).map((p) => p.path).sort()).toEqual(['.spec.asNumber', '.spec.bogus', '.spec.nextHopMode', '.spec.peerIP']);
    const config = schemaOf('BGPConfiguration');
    const badConfig = { metadata: {}, spec: { logSeverityScreen: 'Loud', listenPort: 0, serviceClusterIPs: [{ cidr: '10.0.0.0/33' }] } };
    expect(checkOpenApi(config, badConfig).map((p) => p.path).sort()).toEqual(['.spec.listenPort', '.spec.logSeverityScreen', '.spec.serviceClusterIPs[0].cidr']);
    expect(checkOpenApi(schemaOf('IPPool'), { metadata: {}, spec: { blockSize: 26 } })).toEqual([{ path: '.spec.cidr', message: 'required' }]);
  });
});

describe('Calico objects (no schema files needed)', () => {
  it('recipe BGPPeer, Node labels and spec.bgp, user resources normalised to projectcalico.org/v3', () => {
    const c = richCluster();
    const configs = deriveBgpConfigs(c, bgpNodes(c.nodes.map((n) => ({ name: n.name, ip: n.ip ?? '' }))), new Map()).configs;
    const o = buildCalicoObjects(c, configs);
    expect(o.bgpPeers.map((p) => [(p['metadata'] as JsonObject)['name'], p['apiVersion']])).toEqual([
      ['peer-with-route-reflectors', 'projectcalico.org/v3'],
      ['tor-a', 'projectcalico.org/v3'],
      ['tor-b', 'projectcalico.org/v3'],
      ['tuned', 'projectcalico.org/v3'],
    ]);
    expect(o.bgpPeers[0]?.['spec']).toEqual({ nodeSelector: 'all()', peerSelector: "route-reflector == 'true'" });
    expect(o.bgpPeers[3]?.['metadata']).toEqual({ name: 'tuned' });
    expect(o.nodes[0]).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Node',
      metadata: { name: 'node-1', labels: { 'route-reflector': 'true' } },
      spec: { bgp: { ipv4Address: '10.0.0.1/16', routeReflectorClusterID: '244.0.0.1' } },
    });
    expect(o.bgpConfigurations.map((b) => (b['metadata'] as JsonObject)['name'])).toEqual(['default', 'node.node-6']);
    expect(o.bgpConfigurations[0]?.['spec']).toMatchObject({ asNumber: 64600, nodeToNodeMeshEnabled: true, logSeverityScreen: 'Warning' });
    const text = renderCalicoManifests(c, configs).map((f) => f.text).join('');
    expect(text).toContain("route-reflector: \"true\"");
    expect(renderCalicoManifests(c, configs)).toEqual(renderCalicoManifests(richCluster(), configs));
  });
});
