// F5 balancers in cluster mode (`mode: cluster`, CIS --pool-member-type=cluster): CIS's defaults, and a mode of
// the other kind or a cluster-mode field out of place reported with file, line and field.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { brief, diagnosticsOf } from '../helpers.js';
import { lbScenario } from './lb-scenario.js';

describe('F5 balancer mode', () => {
  it('defaults to NodePort mode (CIS --pool-member-type default nodeport): no cluster part', () => {
    const [lb] = loadScenario(lbScenario(`    - { name: f5, vips: [{ address: 203.0.113.20, port: 443 }], members: [{ host: mgmt-1, port: 30443 }] }`)).platform!.loadBalancers;
    expect(lb).not.toHaveProperty('cluster');
    expect(lb).not.toHaveProperty('mode');
  });

  it('reads cluster mode with CIS defaults: the https Service port, --as3-post-delay 0 s, --node-poll-interval 30 s', () => {
    const [a, b] = loadScenario(
      lbScenario(`    - { name: a, mode: cluster, vips: [{ address: 203.0.113.20, port: 443 }] }
    - { name: b, mode: cluster, servicePort: 80, cis: { as3PostDelay: 2s, nodePollInterval: 10s }, vips: [{ address: 203.0.113.21, port: 80 }] }`),
    ).platform!.loadBalancers;
    expect(a).toMatchObject({ kind: 'f5', members: [], cluster: { servicePort: 443, as3PostDelay: 0, nodePollInterval: 30_000 } });
    expect(b!.cluster).toEqual({ servicePort: 80, as3PostDelay: 2000, nodePollInterval: 10_000 });
  });

  it("reports each kind's modes on the other, members in cluster mode, a port the ingress Service lacks and cluster fields without cluster mode", () => {
    const file = lbScenario(`    - { name: a, mode: l2, vips: [{ address: 203.0.113.20, port: 443 }] }
    - { name: b, kind: metallb, mode: cluster, vips: [{ address: 203.0.113.21, port: 443 }] }
    - { name: c, mode: cluster, servicePort: 8443, members: [{ host: mgmt-1, port: 30443 }], vips: [{ address: 203.0.113.22, port: 443 }] }
    - { name: d, servicePort: 443, cis: { nodePollInterval: 500ms }, vips: [{ address: 203.0.113.23, port: 443 }] }`);
    expect(brief(diagnosticsOf(file))).toEqual([
      '9:24 platform.loadBalancers[0].mode: `mode: l2` is a MetalLB mode: an F5 balancer takes nodeport or cluster (set `kind: metallb` for MetalLB)',
      '10:39 platform.loadBalancers[1].mode: `mode: cluster` is an F5 mode (CIS --pool-member-type): a MetalLB balancer takes l2 or bgp',
      "11:46 platform.loadBalancers[2].servicePort: 8443 is not a port of the ingress controller's Service (80 or 443)",
      "11:61 platform.loadBalancers[2].members: in cluster mode CIS makes the ingress controller's ready pods the members (pod IP and target port): leave `members` out",
      '12:31 platform.loadBalancers[3].servicePort: `servicePort` is a field of an F5 balancer in cluster mode: set `mode: cluster`',
      '12:41 platform.loadBalancers[3].cis: `cis` is a field of an F5 balancer in cluster mode: set `mode: cluster`',
      '12:61 platform.loadBalancers[3].cis.nodePollInterval: nodePollInterval must be at least 1s (CIS counts whole seconds)',
    ]);
  });
});
