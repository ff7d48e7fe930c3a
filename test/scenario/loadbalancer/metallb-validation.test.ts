// MetalLB balancers (`kind: metallb`): MetalLB's defaults, and bad values reported with file, line and field.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { brief, diagnosticsOf } from '../helpers.js';
import { lbScenario } from './lb-scenario.js';

const scenario = lbScenario;

describe('MetalLB balancer', () => {
  it('defaults to L2 mode with the VIPs as a /32 pool and no F5 pool', () => {
    const s = loadScenario(scenario(`    - { name: lb, kind: metallb, vips: [{ address: 203.0.113.10, port: 443 }] }`));
    const [lb] = s.platform!.loadBalancers;
    expect(lb).toMatchObject({ kind: 'metallb', members: [], monitors: [], metallb: { mode: 'l2', addresses: ['203.0.113.10/32'], peers: [] } });
    expect(lb).not.toHaveProperty('mode');
  });

  it('reads BGP peers with MetalLB defaults (port 179, hold time 90s) and keeps F5 balancers F5', () => {
    const s = loadScenario(
      scenario(`    - name: lb
      kind: metallb
      mode: bgp
      vips: [{ address: 203.0.113.10, port: 443 }]
      addresses: [203.0.113.0/28, 198.51.100.10-198.51.100.20]
      peers: [{ peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500, nodes: [mgmt-1] }]
    - { name: f5, vips: [{ address: 203.0.113.20, port: 443 }], members: [{ host: mgmt-1, port: 30443 }] }`),
    );
    const [lb, f5] = s.platform!.loadBalancers;
    expect(lb!.metallb).toEqual({
      mode: 'bgp',
      addresses: ['203.0.113.0/28', '198.51.100.10-198.51.100.20'],
      peers: [{ peerAddress: '10.0.0.1', peerASN: 64501, myASN: 64500, peerPort: 179, holdTime: 90_000, nodes: ['mgmt-1'], ecmp: 'modulo' }],
    });
    expect(f5).toMatchObject({ kind: 'f5', method: 'round-robin', snat: 'automap' });
    expect(f5).not.toHaveProperty('metallb');
    expect(f5).not.toHaveProperty('mode');
  });

  it('reports F5 fields on MetalLB, MetalLB fields on F5, a BGP balancer without peers, a VIP outside the pool, an unknown node', () => {
    const file = scenario(`    - name: lb
      kind: metallb
      mode: bgp
      method: ratio-member
      vips: [{ address: 203.0.113.99, port: 443 }]
      addresses: [203.0.113.0/28, 10.1.0.9-10.1.0.300]
    - name: lb2
      kind: metallb
      vips: [{ address: 203.0.113.10, port: 443 }]
      peers: [{ peerAddress: 10.0.0.1, peerASN: 64501, myASN: 64500, nodes: [mgmt-3] }]
    - { name: f5, mode: bgp, vips: [{ address: 203.0.113.20, port: 443 }] }`);
    expect(brief(diagnosticsOf(file))).toEqual([
      '9:7 platform.loadBalancers[0].peers: a MetalLB balancer in BGP mode needs at least one peer (a BGPPeer)',
      "12:15 platform.loadBalancers[0].method: `method` is an F5 field: a MetalLB balancer sends to the Service's endpoints through kube-proxy",
      '13:25 platform.loadBalancers[0].vips[0].address: VIP 203.0.113.99 is outside the address pool (203.0.113.0/28): MetalLB would not assign it',
      '14:35 platform.loadBalancers[0].addresses[1]: 10.1.0.300 is not an IPv4 address',
      '18:14 platform.loadBalancers[1].peers: peers are for BGP mode: in L2 mode one node answers ARP for the VIP',
      "18:78 platform.loadBalancers[1].peers[0].nodes[0]: mgmt-3 is not a management host (did you mean `mgmt-1`?)",
      '19:25 platform.loadBalancers[2].mode: `mode: bgp` is a MetalLB mode: an F5 balancer takes nodeport or cluster (set `kind: metallb` for MetalLB)',
    ]);
  });
});
