// MetalLB balancers' resources: `calisim manifests` writes them in the management cluster's folder, carrying the
// model's pool, mode and peers, and they validate against MetalLB's CRDs (../shared/reference/metallb/crds, in CI).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { buildManifestSet } from '../../../src/emit/manifest-set.js';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { lbScenario } from '../../scenario/loadbalancer/lb-scenario.js';
import { checkOpenApi } from '../calico/openapi-check.js';
import { crdSchema, referenceCrds } from '../reference-crds.js';

const { dir: CRDS, enabled } = referenceCrds('metallb', 'metallb-resources');

const FILES: Readonly<Record<string, string>> = {
  IPAddressPool: 'metallb.io_ipaddresspools.yaml',
  L2Advertisement: 'metallb.io_l2advertisements.yaml',
  BGPAdvertisement: 'metallb.io_bgpadvertisements.yaml',
  BGPPeer: 'metallb.io_bgppeers.yaml',
};

type Obj = Record<string, unknown>;

/** The CRD's schema of the object's own version (a BGPPeer written as v1beta2 is checked against v1beta2). */
function schemaOf(o: Obj): Obj {
  return crdSchema(resolve(CRDS, FILES[o['kind'] as string]!), (o['apiVersion'] as string).split('/')[1]!);
}

const SCENARIO = lbScenario(`    - { name: f5-a, vips: [{ address: 203.0.113.5, port: 443 }], members: [{ host: mgmt-1, port: 30443 }] }
    - { name: sw-l2, kind: metallb, vips: [{ address: 203.0.113.10, port: 443 }] }
    - name: sw-bgp
      kind: metallb
      mode: bgp
      vips: [{ address: 198.51.100.12, port: 443 }]
      addresses: [198.51.100.10-198.51.100.20]
      peers:
        - { peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500, nodes: [mgmt-1] }
        - { peerAddress: 10.0.0.2, peerASN: 64501, myASN: 64500, holdTime: 9s }`);

function emitted(): Map<string, Obj[]> {
  const run = runPlatform(buildModel(loadScenario(SCENARIO)), { until: 0 });
  const files = buildManifestSet(run, { format: 'yaml', clusters: new Set(['mgmt']) }).filter((f) => f.path.includes('/loadbalancers/'));
  return new Map(files.map((f) => [f.path, parseAllDocuments(f.data).map((d) => d.toJS() as Obj)]));
}

describe('MetalLB resources', () => {
  it('writes the pool and the advertisement (L2) or peers and advertisement (BGP) beside the F5 declaration', () => {
    const files = emitted();
    expect([...files.keys()]).toEqual(['mgmt/loadbalancers/01-f5-a.as3.json', 'mgmt/loadbalancers/02-sw-l2.metallb.yaml', 'mgmt/loadbalancers/03-sw-bgp.metallb.yaml']);
    const l2 = files.get('mgmt/loadbalancers/02-sw-l2.metallb.yaml')!;
    expect(l2.map((o) => `${o['apiVersion']} ${o['kind']}`)).toEqual(['metallb.io/v1beta1 IPAddressPool', 'metallb.io/v1beta1 L2Advertisement']);
    expect(l2[0]).toMatchObject({ metadata: { name: 'sw-l2', namespace: 'metallb-system' }, spec: { addresses: ['203.0.113.10/32'] } });
    expect(l2[1]!['spec']).toEqual({ ipAddressPools: ['sw-l2'] });
    const bgp = files.get('mgmt/loadbalancers/03-sw-bgp.metallb.yaml')!;
    expect(bgp.map((o) => o['kind'])).toEqual(['IPAddressPool', 'BGPPeer', 'BGPPeer', 'BGPAdvertisement']);
    expect(bgp[1]).toMatchObject({
      apiVersion: 'metallb.io/v1beta2',
      metadata: { name: 'sw-bgp-10-0-0-1' },
      spec: { myASN: 64500, peerASN: 64501, peerAddress: '10.0.0.1', peerPort: 179, holdTime: '90s', nodeSelectors: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['mgmt-1'] }] }] },
    });
    expect(bgp[2]!['spec']).not.toHaveProperty('nodeSelectors');
    expect(bgp[2]!['spec']).toMatchObject({ holdTime: '9s' });
    expect(bgp[3]!['spec']).toEqual({ ipAddressPools: ['sw-bgp'], peers: ['sw-bgp-10-0-0-1', 'sw-bgp-10-0-0-2'] });
  });

  it.skipIf(!enabled)('every resource validates against its MetalLB CRD, and a malformed one does not', () => {
    const objects = [...emitted().entries()].filter(([p]) => p.endsWith('.metallb.yaml')).flatMap(([, os]) => os);
    expect(objects).toHaveLength(6);
    for (const o of objects) expect(checkOpenApi(schemaOf(o), o), `${o['kind']} ${JSON.stringify(o['metadata'])}`).toEqual([]);
    const peer = objects.find((o) => o['kind'] === 'BGPPeer')!;
    const { peerASN: _drop, ...spec } = peer['spec'] as Obj;
    expect(checkOpenApi(schemaOf(peer), { ...peer, spec: { ...spec, peerAsn: 64501 } }).length).toBeGreaterThan(0);
    const pool = objects.find((o) => o['kind'] === 'IPAddressPool')!;
    expect(checkOpenApi(schemaOf(pool), { ...pool, spec: {} }).length).toBeGreaterThan(0);
  });
});
