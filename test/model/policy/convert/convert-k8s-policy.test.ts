// Known answers from libcalico-go conversion_test.go (K8sNetworkPolicyToCalico) and the Kubernetes API
// (defaulting and validation of NetworkPolicy), plus the Diagnostics calisim gives for bad input.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../src/lib/diagnostics.js';
import { convertK8sPolicy } from '../../../../src/model/policy/convert/convert-k8s-policy.js';
import type { DraftPolicy } from '../../../../src/model/policy/convert/draft.js';
import { manifests } from '../../../fixtures/policy/manifests.js';

function convert(spec: string): { d: DraftPolicy | undefined; diags: Diagnostic[] } {
  const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: test.policy\n  namespace: default\nspec:\n${spec}`;
  const m = manifests(text, 'np.yaml')[0];
  if (!m) throw new Error('no manifest');
  const diags: Diagnostic[] = [];
  return { d: convertK8sPolicy({ manifest: m, diagnostics: diags }, false), diags };
}

const ORCH = "projectcalico.org/orchestrator == 'k8s'";

describe('K8sNetworkPolicyToCalico known answers', () => {
  it('basic policy: selector sorted, TCP default, numeric and named ports in one rule', () => {
    const { d } = convert(`  podSelector: {matchLabels: {label2: value2, label: value}}
  ingress:
  - ports: [{port: 80}, {port: foo}]
    from: [{podSelector: {matchLabels: {k: v, k2: v2}}}]
  policyTypes: [Ingress]
`);
    expect(d?.order).toBe(1000);
    expect(d?.tier).toBe('default');
    expect(d?.kind).toBe('KubernetesNetworkPolicy');
    expect(d?.selector).toBe(`${ORCH} && label == 'value' && label2 == 'value2'`);
    expect(d?.ingress).toHaveLength(1);
    const r = d?.ingress[0];
    expect(r?.protocol).toBe(6);
    expect(r?.source.selector).toBe(`${ORCH} && k == 'v' && k2 == 'v2'`);
    expect(r?.destination.ports).toEqual({ ranges: [{ min: 80, max: 80 }], named: ['foo'] });
    expect(d?.types).toEqual({ ingress: true, egress: false });
    expect(d?.egress).toHaveLength(0);
  });

  it('multiple peers and ports: one rule per protocol × peer, protocols sorted (TCP before UDP)', () => {
    const { d } = convert(`  podSelector: {matchLabels: {label: value}}
  ingress:
  - ports: [{port: 90, protocol: UDP}, {port: 80, protocol: TCP}]
    from: [{podSelector: {matchLabels: {k: v}}}, {podSelector: {matchLabels: {k2: v2}}}]
`);
    const rules = d?.ingress ?? [];
    expect(rules.map((r) => [r.protocol, r.source.selector, r.destination.ports?.ranges[0]?.min, r.origin.k8sRuleIndex, r.origin.k8sPeerIndex])).toEqual([
      [6, `${ORCH} && k == 'v'`, 80, 0, 0],
      [6, `${ORCH} && k2 == 'v2'`, 80, 0, 1],
      [17, `${ORCH} && k == 'v'`, 90, 0, 0],
      [17, `${ORCH} && k2 == 'v2'`, 90, 0, 1],
    ]);
  });

  it('no ports → every protocol; blank port entry → all TCP ports; endPort → range; ports merged', () => {
    expect(convert(`  podSelector: {}\n  ingress: [{from: [{podSelector: {}}]}]\n`).d?.ingress[0]?.protocol).toBeUndefined();
    const blank = convert(`  podSelector: {}\n  ingress: [{ports: [{}]}]\n`).d?.ingress[0];
    expect([blank?.protocol, blank?.destination.ports]).toEqual([6, undefined]);
    const range = convert(`  podSelector: {}\n  ingress: [{ports: [{port: 32000, endPort: 32768}, {port: 32769}, {port: 80}]}]\n`).d?.ingress[0];
    expect(range?.destination.ports?.ranges).toEqual([{ min: 80, max: 80 }, { min: 32000, max: 32769 }]);
  });

  it('peers: namespaceSelector only, both, empty namespaceSelector, ipBlock with except', () => {
    const { d } = convert(`  podSelector: {}
  egress:
  - to:
    - namespaceSelector: {matchLabels: {team: a}}
    - namespaceSelector: {}
      podSelector: {matchExpressions: [{key: role, operator: DoesNotExist}]}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
`);
    const [a, b, c] = d?.egress ?? [];
    expect(a?.destination).toEqual({ selector: ORCH, namespaceSelector: "team == 'a'" });
    expect(b?.destination).toEqual({ selector: `${ORCH} && ! has(role)`, namespaceSelector: 'all()' });
    expect(c?.destination).toEqual({ nets: [{ base: 0x0a000000, len: 8 }], notNets: [{ base: 0x0a010000, len: 16 }] });
    expect(d?.types).toEqual({ ingress: true, egress: true });
  });

  it('policyTypes default as the API server does; an Egress-only policy ignores ingress rules', () => {
    expect(convert(`  podSelector: {}\n`).d?.types).toEqual({ ingress: true, egress: false });
    expect(convert(`  podSelector: {}\n  egress: [{}]\n`).d?.types).toEqual({ ingress: true, egress: true });
    const eg = convert(`  podSelector: {}\n  ingress: [{}]\n  policyTypes: [Egress]\n`).d;
    expect([eg?.types, eg?.ingress.length]).toEqual([{ ingress: false, egress: true }, 0]);
    const { diags } = convert(`  podSelector: {}\n  egress: [{}]\n  policyTypes: [Ingress]\n`);
    expect(diags.map((x) => x.severity)).toEqual(['warning']);
  });

  it('empty rule {} allows everything; ingress: [] allows nothing', () => {
    const all = convert(`  podSelector: {}\n  ingress: [{}]\n`).d?.ingress ?? [];
    expect(all).toHaveLength(1);
    expect([all[0]?.protocol, all[0]?.source, all[0]?.destination]).toEqual([undefined, {}, {}]);
    expect(convert(`  podSelector: {}\n  ingress: []\n`).d?.ingress).toEqual([]);
  });
});

describe('NetworkPolicy validation diagnostics', () => {
  it.each([
    ['port 0', `  podSelector: {}\n  ingress: [{ports: [{port: 0}]}]\n`, 'spec.ingress[0].ports[0].port', 8],
    ['port > 65535', `  podSelector: {}\n  ingress: [{ports: [{port: 70000}]}]\n`, 'spec.ingress[0].ports[0].port', 8],
    ['endPort < port', `  podSelector: {}\n  ingress: [{ports: [{port: 90, endPort: 80}]}]\n`, 'spec.ingress[0].ports[0].endPort', 8],
    ['endPort with a named port', `  podSelector: {}\n  ingress: [{ports: [{port: http, endPort: 80}]}]\n`, 'spec.ingress[0].ports[0].endPort', 8],
    ['lower-case protocol', `  podSelector: {}\n  ingress: [{ports: [{port: 80, protocol: tcp}]}]\n`, 'spec.ingress[0].ports[0].protocol', 8],
    ['bad CIDR', `  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/33}\n`, 'spec.ingress[0].from[0].ipBlock.cidr', 10],
    ['except outside cidr', `  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}\n`, 'spec.ingress[0].from[0].ipBlock.except[0]', 10],
    ['ipBlock with a selector', `  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8}\n      podSelector: {}\n`, 'spec.ingress[0].from[0]', 10],
    ['unknown field', `  podSelector: {}\n  ingres: []\n`, 'spec.ingres', 8],
    ['bad selector operator', `  podSelector: {matchExpressions: [{key: a, operator: Equals, values: [x]}]}\n`, 'spec.podSelector.matchExpressions[0].operator', 7],
    ['bad policyType', `  podSelector: {}\n  policyTypes: [Both]\n`, 'spec.policyTypes[0]', 8],
  ])('%s', (_name, spec, path, line) => {
    const { d, diags } = convert(spec);
    expect(d).toBeUndefined();
    const errors = diags.filter((x) => x.severity === 'error');
    expect(errors.map((e) => e.path)).toContain(path);
    const e = errors.find((x) => x.path === path);
    expect(e?.file).toBe('np.yaml');
    expect(e?.line).toBe(line);
  });
});

describe('unknown fields in policies', () => {
  it('offer the closest known field, as the API-server checks do', () => {
    const { diags } = convert(`  podSelectr: {}\n  ingres: []\n`);
    const msgs = diags.filter((x) => x.severity === 'error').map((e) => e.message);
    expect(msgs).toContainEqual(expect.stringContaining('unknown field "podSelectr" in spec (did you mean `podSelector`?)'));
    expect(msgs).toContainEqual(expect.stringContaining('unknown field "ingres" in spec (did you mean `ingress`?)'));
  });
  it('offer nothing when no field is close', () => {
    const { diags } = convert(`  podSelector: {}\n  zzzzzzzz: 1\n`);
    const e = diags.find((x) => x.severity === 'error' && x.path === 'spec.zzzzzzzz');
    expect(e?.message).not.toContain('did you mean');
  });
});
