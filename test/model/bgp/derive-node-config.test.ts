import { describe, expect, it } from 'vitest';
import { deriveBgpConfigs, EXCLUDE_LB_LABEL } from '../../../src/model/bgp/derive-bgp-configs.js';
import type { CalicoSpec } from '../../../src/scenario/types.js';
import { bgpNodes, cluster, manifests, pool, SRC, type TestNode } from './fixtures.js';

const NODES: TestNode[] = [
  { name: 'rr', ip: '10.0.0.1' },
  { name: 'w1', ip: '10.0.0.2' },
  { name: 'w2', ip: '10.0.0.3', labels: { [EXCLUDE_LB_LABEL]: 'true' } },
];

function derive(calico: Partial<CalicoSpec>) {
  const ipam = new Map([
    ['w1', { blocks: ['192.168.10.64/26', '192.168.9.0/26', '192.168.10.0/26'], borrowed: ['192.168.9.70', '192.168.2.5'] }],
  ]);
  const d = deriveBgpConfigs(cluster(NODES, calico), bgpNodes(NODES, 24), ipam);
  expect(d.diagnostics).toEqual([]);
  return new Map(d.configs.map((c) => [c.node, c]));
}

describe('per-node configuration', () => {
  it('blocks and borrowed addresses from IPAM, pools from calico.ipPools (IPv4 only)', () => {
    const m = derive({ ipPools: [pool('192.168.0.0/16', { vxlanMode: 'CrossSubnet' }), pool('fd00::/48'), pool('10.50.0.0/16', { disableBGPExport: true })] });
    const w1 = m.get('w1');
    expect(w1?.blocks).toEqual(['192.168.9.0/26', '192.168.10.0/26', '192.168.10.64/26']);
    expect(w1?.borrowed).toEqual(['192.168.2.5', '192.168.9.70']);
    expect(m.get('w2')?.blocks).toEqual([]);
    expect(w1?.pools).toEqual([
      { cidr: '192.168.0.0/16', ipipMode: 'Never', vxlanMode: 'CrossSubnet', disableBGPExport: false, disabled: false },
      { cidr: '10.50.0.0/16', ipipMode: 'Never', vxlanMode: 'Never', disableBGPExport: true, disabled: false },
    ]);
    expect(w1?.ipv4Address).toBe('10.0.0.2/24');
  });

  it('service ranges: advertised by every node not excluded; single /32 LB/external entries are per-service', () => {
    const m = derive({
      serviceClusterIPs: ['10.96.0.0/12'],
      serviceExternalIPs: ['203.0.113.0/24', '203.0.113.200/32'],
      serviceLoadBalancerIPs: ['198.51.100.0/24', 'fd00:96::/112'],
      routeReflectors: { nodes: ['rr'], clusterId: '244.0.0.1', src: SRC },
      nodeToNodeMeshEnabled: false,
    });
    // ordered as confd lists `/staticroutes` keys (`a.b.c.d-len`, byte order)
    const all = ['10.96.0.0/12', '198.51.100.0/24', '203.0.113.0/24'];
    expect(m.get('w1')?.serviceCidrs).toEqual(all);
    expect(m.get('w2')?.serviceCidrs).toEqual([]);
    expect(m.get('w2')?.serviceRejectCidrs).toEqual(all);
    expect(m.get('rr')?.reflectedLoadBalancerIPs).toEqual(['198.51.100.0/24']);
    expect(m.get('rr')?.reflectedExternalIPs).toEqual(['203.0.113.0/24', '203.0.113.200/32']);
    expect(m.get('w1')?.reflectedExternalIPs).toBeUndefined();
  });

  it('BGPConfiguration: service ranges, LB aggregation, bind mode, log level, communities, route priority', () => {
    const resources = manifests(
      [
        'kind: BGPConfiguration\nmetadata: {name: default}',
        'spec:',
        '  serviceLoadBalancerIPs: [{cidr: 198.51.100.0/24}, {}]',
        '  serviceLoadBalancerAggregation: Disabled',
        '  bindMode: NodeIP',
        '  logSeverityScreen: Warning',
        '  ipv4NormalRoutePriority: 512',
        '  programClusterRoutes: Enabled',
        '  ignoredInterfaces: [eth9]',
        '  communities: [{name: mine, value: "65000:100"}]',
        '  prefixAdvertisements: [{cidr: 192.168.0.0/16, communities: [mine, "65000:1:2", mine]}]',
        '---',
        'kind: BGPConfiguration\nmetadata: {name: node.w1}\nspec: {logSeverityScreen: Debug, prefixAdvertisements: [{cidr: 10.0.0.0/8, communities: ["1:1"]}]}',
      ].join('\n'),
    );
    const m = derive({ resources });
    const rr = m.get('rr');
    expect(rr?.serviceCidrs).toEqual([]);
    expect(rr).toMatchObject({ listenAddress: '10.0.0.1', logLevel: 'none', normalRoutePriority: 512, programClusterRoutes: 'Enabled' });
    expect(rr?.ignoredInterfaces).toEqual(['eth9']);
    expect(rr?.communities).toEqual([{ cidr: '192.168.0.0/16', communities: ['65000:100', '65000:1:2'] }]); // Go byte order
    expect(m.get('w1')).toMatchObject({ logLevel: 'debug', communities: [{ cidr: '10.0.0.0/8', communities: ['1:1'] }] });
  });

  it('defaults: AS 64512 from calico, listen port 179, info logging, Felix programs IPIP routes', () => {
    const m = derive({});
    expect(m.get('w1')).toMatchObject({ asNumber: 64512, listenPort: 179, logLevel: 'info', programClusterRoutes: 'EnabledNoEncapOnly', normalRoutePriority: 1024 });
    expect(m.get('w1')?.listenAddress).toBeUndefined();
    expect(m.get('w1')?.tenant).toBe('acme');
  });
});
