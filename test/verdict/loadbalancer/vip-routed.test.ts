// The verdict lb-vip-routed (issue 17): a MetalLB layer 2 VIP is routed only on the hosts' segment (ARP),
// a BGP-mode VIP by a MetalLB session Calico does not also hold from that node (MetalLB "Issues with
// Calico"), and either by Calico's BGP when a BGPConfiguration serviceLoadBalancerIPs range covers it.
import { describe, expect, it } from 'vitest';
import { runPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { vipRoutedVerdict, vipRoutes } from '../../../src/verdict/loadbalancer/vip-routed.js';
import { scenarioFile } from '../../scenario/helpers.js';

const TOR = '[{ name: tor, peerIP: 10.0.0.1, asNumber: 64501 }]';
const scenario = (calico: string, metallb: string): string =>
  scenarioFile(`name: vip-routed
platform:
  management:
    name: mgmt
    underlay: { physical: { cidr: 10.0.0.0/24 } }
    nodes: [{ name: mgmt-1, ip: 10.0.0.11 }, { name: mgmt-2, ip: 10.0.0.12 }]
    calico: { asNumber: 64500, ipPools: [{ name: pods, cidr: 10.200.0.0/16 }], ${calico} }
  loadBalancers:
    - { name: sw, kind: metallb, ${metallb} }
`);
const run = (calico: string, metallb: string) => runPlatform(buildModel(loadScenario(scenario(calico, metallb))), { until: 0 });
const BGP = 'mode: bgp, peers: [{ peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500 }]';

describe('lb-vip-routed', () => {
  it('routes a layer 2 VIP on the hosts segment, and fails one outside it', () => {
    expect(vipRoutes(run('peers: []', 'vips: [{ address: 10.0.0.40, port: 443 }]'))).toMatchObject([{ vip: '10.0.0.40', how: 'on-link' }]);
    const v = vipRoutedVerdict(run('peers: []', 'vips: [{ address: 203.0.113.40, port: 443 }]'));
    expect(v).toMatchObject({ id: 'lb-vip-routed', status: 'fail' });
    expect(v.detail).toContain("sw 203.0.113.40: 203.0.113.40 lies outside the hosts' network 10.0.0.0/24");
  });

  it('routes a BGP VIP by MetalLB when its sessions are its own, fails when Calico holds them all', () => {
    expect(vipRoutes(run('peers: []', `vips: [{ address: 203.0.113.40, port: 443 }], ${BGP}`))).toMatchObject([{ how: 'metallb-bgp', detail: '2 speaker(s) advertise 203.0.113.40/32 (mgmt-1, mgmt-2)' }]);
    const v = vipRoutedVerdict(run(`peers: ${TOR}`, `vips: [{ address: 203.0.113.40, port: 443 }], ${BGP}`));
    expect(v.status).toBe('fail');
    expect(v.detail).toContain('every peering is taken by Calico');
  });

  it("routes it by Calico's BGP when serviceLoadBalancerIPs covers it (MetalLB's fix for the conflict)", () => {
    const r = run(`peers: ${TOR}, serviceLoadBalancerIPs: [203.0.113.0/24]`, `vips: [{ address: 203.0.113.40, port: 443 }], ${BGP}`);
    expect(vipRoutes(r)).toMatchObject([{ how: 'calico-bgp' }]);
    expect(vipRoutedVerdict(r)).toMatchObject({ status: 'pass', detail: "1 VIP(s): 0 on-link, 1 by Calico's BGP, 0 by MetalLB's BGP" });
  });
});
