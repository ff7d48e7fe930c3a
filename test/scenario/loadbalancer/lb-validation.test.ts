// Bad load-balancer values are reported with file, line, column and field (issue 17).
import { describe, expect, it } from 'vitest';
import { brief, diagnosticsOf } from '../helpers.js';
import { lbScenario } from './lb-scenario.js';

const scenario = lbScenario;

describe('load balancer validation', () => {
  it('reports an unknown method, a timeout not longer than its interval, a member naming no node, a VIP inside a pod pool', () => {
    const file = scenario(`    - name: f5
      vips: [{ address: 10.200.3.4, port: 443 }]
      members: [{ host: 10.0.0.99, port: 30443 }, { host: mgmt-1, port: 30443, ratio: 101 }]
      method: round-robbin
      monitors: [{ type: http, interval: 10s, timeout: 10s }]
      ha: { peer: f5 }`);
    expect(brief(diagnosticsOf(file))).toEqual([
      '10:25 platform.loadBalancers[0].vips[0].address: VIP 10.200.3.4 is inside pod pool pods of mgmt: IPAM could give it to a pod',
      '11:25 platform.loadBalancers[0].members[0].host: 10.0.0.99 is the address of no management host: a NodePort member must name a node',
      '11:87 platform.loadBalancers[0].members[1].ratio: 101 is not in 0..100',
      '12:15 platform.loadBalancers[0].method: round-robbin is not one of round-robin, least-connections-member, least-connections-node, ratio-member, source-address (did you mean `round-robin`?)',
      '13:56 platform.loadBalancers[0].monitors[0].timeout: timeout (10s) must be longer than interval (10s)',
      '14:19 platform.loadBalancers[0].ha.peer: f5 names a load balancer: the peer is the standby unit of this one, give it a device name of its own',
    ]);
  });

  it('reports lb events naming an unknown balancer or member', () => {
    const file = scenario(
      `    - { name: f5, vips: [{ address: 203.0.113.10, port: 443 }], members: [{ host: mgmt-1, port: 30443 }] }`,
      `events:
  - { at: 10s, kind: lb-down, lb: f6 }
  - { at: 20s, kind: lb-member-disable, lb: f5, member: mgmt-2 }
  - { at: 30s, kind: lb-member-enable, lb: f5 }`,
    );
    expect(brief(diagnosticsOf(file))).toEqual([
      '11:35 events[0].lb: load balancer f6 does not exist (did you mean `f5`?)',
      '12:57 events[1].member: mgmt-2 is not a member of f5 (write host:port or a host)',
      '13:5 events[2].member: a lb-member-enable event needs `member`',
    ]);
  });
});
