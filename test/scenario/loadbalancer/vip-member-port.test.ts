// A VIP's own member port (`vips[].memberPort`, NodePort mode; AS3: each virtual server names its pool, the
// pool's members carry servicePort): absent by default (the VIP sends to the members' own ports), and a bad
// port or one on a balancer without a NodePort pool reported with file, line and field.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { brief, diagnosticsOf } from '../helpers.js';
import { lbScenario } from './lb-scenario.js';

describe('a VIP member port', () => {
  it('is absent unless written, and read as written', () => {
    const [lb] = loadScenario(
      lbScenario(`    - { name: f5, vips: [{ address: 203.0.113.20, port: 443 }, { address: 203.0.113.20, port: 80, memberPort: 30080 }], members: [{ host: mgmt-1, port: 30443 }] }`),
    ).platform!.loadBalancers;
    expect(lb!.vips).toEqual([
      { address: '203.0.113.20', port: 443, protocol: 'TCP' },
      { address: '203.0.113.20', port: 80, protocol: 'TCP', memberPort: 30080 },
    ]);
  });

  it('reports a port out of range, and a member port on a cluster-mode or MetalLB balancer', () => {
    const file = lbScenario(`    - { name: a, vips: [{ address: 203.0.113.20, port: 80, memberPort: 70000 }], members: [{ host: mgmt-1, port: 30443 }] }
    - { name: b, mode: cluster, vips: [{ address: 203.0.113.21, port: 80, memberPort: 30080 }] }
    - { name: c, kind: metallb, vips: [{ address: 203.0.113.22, port: 80, memberPort: 30080 }] }`);
    expect(brief(diagnosticsOf(file))).toEqual([
      '9:72 platform.loadBalancers[0].vips[0].memberPort: 70000 is not a valid port in 1..65535',
      '10:87 platform.loadBalancers[1].vips[0].memberPort: memberPort is for an F5 balancer in NodePort mode: in cluster mode the members are the ingress pods at their target port (`servicePort` picks it)',
      "11:87 platform.loadBalancers[2].vips[0].memberPort: memberPort is for an F5 balancer in NodePort mode: a MetalLB VIP goes through kube-proxy to the Service's endpoints: it has no pool",
    ]);
  });
});
