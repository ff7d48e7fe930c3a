// The model as a whole: tier order (policy_sorter.go TierLess), policy order, AdminNetworkPolicy mapping
// (kube-admin / kube-baseline, fail-closed rules), network sets, host endpoints, rejected objects.
import { describe, expect, it } from 'vitest';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import { policySelectorText } from '../../../src/model/policy/convert/finalize-policy.js';
import { convertAdminPolicy } from '../../../src/model/policy/convert/convert-admin-policy.js';
import type { Diagnostic } from '../../../src/lib/diagnostics.js';
import { input, manifests, ns } from '../../fixtures/policy/manifests.js';

function build(yaml: string) {
  return buildPolicyModel(input({ namespaces: [ns('prod', { team: 'a' })], manifests: manifests(yaml, 'm.yaml') }));
}

describe('tiers and policy order', () => {
  it('built-in tiers, user tiers by order then name, nil order last', () => {
    const { model, diagnostics } = build(`apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: zeta}
spec: {}
---
apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: security}
spec: {order: 100, defaultAction: Pass}
---
apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: alpha}
spec: {order: 100}
`);
    expect(diagnostics).toEqual([]);
    expect(model.tiers.map((t) => `${t.name}:${t.order}:${t.defaultAction}`)).toEqual([
      'alpha:100:Deny', 'security:100:Pass', 'kube-admin:1000:Pass', 'default:1000000:Deny', 'kube-baseline:10000000:Pass', 'zeta:Infinity:Deny',
    ]);
  });
  it('a built-in tier may only be declared with its fixed values; a policy in a missing tier is rejected', () => {
    const { model, diagnostics } = build(`apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: default}
spec: {order: 5, defaultAction: Deny}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: lost}
spec: {tier: nowhere, ingress: [{action: Allow}]}
`);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toEqual(['spec.order', 'spec.tier']);
    expect(model.policies).toEqual([]);
    expect(model.tiers.find((t) => t.name === 'default')?.order).toBe(1_000_000);
  });
  it('policies sorted by tier, order, then name/namespace/kind; ids follow the order', () => {
    const { model } = build(`apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: b}
spec: {order: 5, ingress: [{action: Allow}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a, namespace: prod}
spec: {podSelector: {}}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: a}
spec: {order: 1000, ingress: [{action: Allow}]}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: z}
spec: {priority: 3, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}
`);
    expect(model.policies.map((p) => `${p.id}:${p.tier}:${p.order}:${p.sortKey}`)).toEqual([
      '0:kube-admin:3:z//AdminNetworkPolicy',
      '1:default:5:b//GlobalNetworkPolicy',
      '2:default:1000:a//GlobalNetworkPolicy',
      '3:default:1000:a/prod/KubernetesNetworkPolicy',
    ]);
  });
});

describe('AdminNetworkPolicy mapping', () => {
  function anp(yaml: string): { d: ReturnType<typeof convertAdminPolicy>; diags: Diagnostic[] } {
    const m = manifests(yaml)[0];
    if (!m) throw new Error('no manifest');
    const diags: Diagnostic[] = [];
    return { d: convertAdminPolicy({ manifest: m, diagnostics: diags }, m.kind === 'BaselineAdminNetworkPolicy'), diags };
  }
  it('subject, order = priority, types only for directions with rules, ports per protocol', () => {
    const { d } = anp(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: x}
spec:
  priority: 7
  subject: {pods: {namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: db}}}}
  ingress:
  - name: r0
    action: Pass
    from: [{namespaces: {matchLabels: {team: b}}}, {pods: {namespaceSelector: {}, podSelector: {}}}]
    ports: [{portNumber: {port: 80}}, {portRange: {protocol: UDP, start: 1000, end: 2000}}, {namedPort: web}]
`);
    expect([d?.tier, d?.order, d?.types]).toEqual(['kube-admin', 7, { ingress: true, egress: false }]);
    expect(d && policySelectorText(d)).toBe(`(projectcalico.org/orchestrator == 'k8s' && app == 'db') && pcns.team == "a"`);
    expect(d?.ingress.map((r) => [r.action, r.protocol, r.source.namespaceSelector, r.source.selector, r.origin.ruleName])).toEqual([
      ['Pass', undefined, "team == 'b'", undefined, 'r0'],
      ['Pass', undefined, 'all()', "projectcalico.org/orchestrator == 'k8s'", 'r0'],
      ['Pass', 6, "team == 'b'", undefined, 'r0'],
      ['Pass', 6, 'all()', "projectcalico.org/orchestrator == 'k8s'", 'r0'],
      ['Pass', 17, "team == 'b'", undefined, 'r0'],
      ['Pass', 17, 'all()', "projectcalico.org/orchestrator == 'k8s'", 'r0'],
    ]);
    expect(d?.ingress[0]?.destination.ports).toEqual({ ranges: [], named: ['web'] });
    expect(d?.ingress[4]?.destination.ports?.ranges).toEqual([{ min: 1000, max: 2000 }]);
  });
  it('a nodes peer fails closed: Deny/Pass become deny-all, Allow is dropped (with a warning)', () => {
    const { d, diags } = anp(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  egress:
  - {action: Allow, to: [{nodes: {}}]}
  - {action: Deny, to: [{networks: [10.0.0.0/8]}, {nodes: {matchLabels: {a: b}}}]}
`);
    expect(d?.egress.map((r) => [r.action, r.destination])).toEqual([['Deny', {}]]);
    expect([d?.tier, d?.order]).toEqual(['kube-baseline', 1000]);
    expect(diags.map((x) => x.severity)).toEqual(['warning', 'warning']);
  });
  it('validation: BANP name, priority range, Pass in a BANP', () => {
    const { diags } = anp(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: other}
spec:
  subject: {namespaces: {}}
  ingress: [{action: Pass, from: [{namespaces: {}}]}]
`);
    expect(diags.map((x) => x.path)).toEqual(['metadata.name', 'spec.ingress[0].action']);
    expect(anp(`apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: x}\nspec: {priority: 1001, subject: {namespaces: {}}}\n`).diags.map((x) => x.path)).toEqual(['spec.priority']);
  });
});

describe('network sets, host endpoints, profiles', () => {
  it('labels and addresses', () => {
    const { model, diagnostics } = build(`apiVersion: projectcalico.org/v3
kind: NetworkSet
metadata: {name: partners, namespace: prod, labels: {kind: partner}}
spec: {nets: [203.0.113.0/24, 198.51.100.7, "2001:db8::/32"]}
---
apiVersion: projectcalico.org/v3
kind: Profile
metadata: {name: edge}
spec: {labelsToApply: {zone: dmz}}
---
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: node1-eth0, labels: {role: edge}}
spec: {node: node1, interfaceName: eth0, expectedIPs: [192.0.2.10], profiles: [edge], ports: [{name: ssh, protocol: TCP, port: 22}]}
`);
    expect(diagnostics).toEqual([]);
    const set = model.networkSets[0];
    expect(set?.nets).toEqual([{ base: 0xcb007100, len: 24 }, { base: 0xc6336407, len: 32 }]);
    expect(set?.labels).toMatchObject({ kind: 'partner', 'projectcalico.org/namespace': 'prod', 'pcns.team': 'a', 'pcns.projectcalico.org/name': 'prod' });
    expect(model.hostEndpoints[0]).toMatchObject({ name: 'node1-eth0', ips: [0xc000020a], labels: { role: 'edge', zone: 'dmz' }, ports: [{ name: 'ssh', protocol: 6, port: 22 }] });
    expect(model.profiles.get('kns.prod')?.ingress.map((r) => r.action)).toEqual(['Allow']);
  });
});
