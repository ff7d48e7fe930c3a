// MetalLB in BGP mode beside Calico's BGP: a node whose MetalLB speaker and BIRD peer with the same router is
// reported (MetalLB docs, "Issues with Calico": one BGP session per pair of addresses); other routers, other
// nodes and L2 mode are not.
import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { metallbVerdicts } from '../../../src/verdict/loadbalancer/metallb-bgp-conflict.js';
import { scenarioFile } from '../../scenario/helpers.js';

const scenario = (calicoPeers: string, metallb: string): string =>
  scenarioFile(`name: metallb-calico
platform:
  management:
    name: mgmt
    underlay: { physical: { cidr: 10.0.0.0/24 } }
    nodes: [{ name: mgmt-1, ip: 10.0.0.11 }, { name: mgmt-2, ip: 10.0.0.12 }, { name: mgmt-3, ip: 10.0.0.13 }]
    calico:
      asNumber: 64500
      ipPools: [{ name: pods, cidr: 10.200.0.0/16 }]
      peers: ${calicoPeers}
  loadBalancers:
    - { name: sw, kind: metallb, vips: [{ address: 203.0.113.10, port: 443 }], ${metallb} }
`);

const verdicts = (calicoPeers: string, metallb: string) => metallbVerdicts(runPlatform(buildModel(loadScenario(scenario(calicoPeers, metallb))), { until: 0 }));

const TOR = '[{ name: tor, peerIP: 10.0.0.1, asNumber: 64501 }]';

describe('MetalLB BGP beside Calico BGP', () => {
  it('fails when both speakers peer with the same router from the same nodes, naming them and the Calico protocol', () => {
    const [v] = verdicts(TOR, 'mode: bgp, peers: [{ peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500 }]');
    expect(v).toMatchObject({ id: 'metallb-bgp', status: 'fail' });
    expect(v!.detail).toContain('sw peers with 10.0.0.1 from mgmt-1, mgmt-2, mgmt-3, as Calico does (Global_10_0_0_1)');
    const [one] = verdicts(TOR, 'mode: bgp, peers: [{ peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500, nodes: [mgmt-2] }]');
    expect(one!.detail).toContain('sw peers with 10.0.0.1 from mgmt-2, as Calico does');
  });

  it('passes for another router, for nodes Calico does not peer from, and has nothing to say in L2 mode', () => {
    expect(verdicts(TOR, 'mode: bgp, peers: [{ peerAddress: 10.0.0.2, peerASN: 64501, myASN: 64500 }]')).toMatchObject([{ id: 'metallb-bgp', status: 'pass' }]);
    const nodePeer = '[{ name: tor, peerIP: 10.0.0.1, asNumber: 64501, node: mgmt-3 }]';
    expect(verdicts(nodePeer, 'mode: bgp, peers: [{ peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500, nodes: [mgmt-1, mgmt-2] }]')).toMatchObject([{ status: 'pass' }]);
    expect(verdicts(nodePeer, 'mode: bgp, peers: [{ peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500 }]')[0]!.detail).toContain('from mgmt-3,');
    expect(verdicts(TOR, 'mode: l2')).toEqual([]);
  });
});
