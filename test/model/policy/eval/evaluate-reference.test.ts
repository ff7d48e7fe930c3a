// Known answers from the Kubernetes NetworkPolicy docs and Calico's policy docs/sources (calico-semantics.md
// §2-§3, §10): the reference evaluator's verdicts and explanations.
import { describe, expect, it } from 'vitest';
import { evaluateReference } from '../../../../src/model/policy/eval/evaluate-reference.js';
import { ns, pod } from '../../../fixtures/policy/manifests.js';
import { model, tcp } from '../../../fixtures/policy/model.js';

const NAMESPACES = [ns('prod', { team: 'a' }), ns('dev', { team: 'b' })];
const PODS = [
  pod('prod/db', { app: 'db' }, '10.0.0.1', { ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }),
  pod('prod/web', { app: 'web' }, '10.0.0.2'),
  pod('dev/web', { app: 'web' }, '10.0.1.2'),
  pod('dev/blocked', { role: 'blocked' }, '10.0.1.3'),
];
const parts = { namespaces: NAMESPACES, pods: PODS };

function verdict(yaml: string, src: string, dst: string, port: number, protocol = 6) {
  const m = model(yaml, parts);
  return evaluateReference(m, tcp(m, src, dst, port, protocol));
}

const KNP = (name: string, spec: string, namespace = 'prod'): string =>
  `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}\n`;
const CALICO = (kind: string, name: string, spec: string, namespace?: string): string =>
  `---\napiVersion: projectcalico.org/v3\nkind: ${kind}\nmetadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}\nspec:\n${spec}\n`;

describe('Kubernetes NetworkPolicy', () => {
  it('no policy: allowed by the kns profile', () => {
    const v = verdict('', 'prod/web', 'prod/db', 80);
    expect(v.verdict).toBe('allow');
    expect([v.ingress.decided, v.ingress.profile, v.egress.decided]).toEqual(['no-policy', 'kns.prod', 'no-policy']);
  });
  it('default deny ingress: end of tier default', () => {
    const v = verdict(KNP('deny', '  podSelector: {}\n  policyTypes: [Ingress]'), 'prod/web', 'prod/db', 80);
    expect(v.verdict).toBe('deny');
    expect([v.ingress.decided, v.ingress.tier, v.egress.action]).toEqual(['end-of-tier', 'default', 'allow']);
    expect(v.ingress.trail.map((t) => t.result)).toEqual(['no-match', 'end-of-tier-deny']);
  });
  it('allow from a namespace by label', () => {
    const y = KNP('from-a', '  podSelector: {matchLabels: {app: db}}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {team: a}}}]}]');
    expect(verdict(y, 'prod/web', 'prod/db', 80).verdict).toBe('allow');
    expect(verdict(y, 'dev/web', 'prod/db', 80).verdict).toBe('deny');
    const v = verdict(y, 'prod/web', 'prod/db', 80);
    expect([v.ingress.decided, v.ingress.policy?.name, v.ingress.ruleIndex, v.ingress.k8sRuleIndex]).toEqual(['rule', 'from-a', 0, 0]);
  });
  it('podSelector-only peer is restricted to the policy namespace', () => {
    const y = KNP('web', '  podSelector: {matchLabels: {app: db}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]');
    expect(verdict(y, 'prod/web', 'prod/db', 80).verdict).toBe('allow');
    expect(verdict(y, 'dev/web', 'prod/db', 80).verdict).toBe('deny');
  });
  it('ipBlock with except', () => {
    const y = KNP('ipb', '  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: 192.168.0.0/16, except: [192.168.1.0/24]}}]}]');
    expect(verdict(y, '192.168.2.7', 'prod/db', 80).verdict).toBe('allow');
    expect(verdict(y, '192.168.1.7', 'prod/db', 80).verdict).toBe('deny');
    expect(verdict(y, '8.8.8.8', 'prod/db', 80).verdict).toBe('deny');
    expect(verdict(y, '192.168.2.7', 'prod/db', 80).egress.decided).toBe('not-applicable');
  });
  it('named port resolved on the destination pod', () => {
    const y = KNP('named', '  podSelector: {}\n  ingress: [{ports: [{port: http}]}]');
    expect(verdict(y, 'prod/web', 'prod/db', 8080).verdict).toBe('allow');
    expect(verdict(y, 'prod/web', 'prod/db', 80).verdict).toBe('deny');
    expect(verdict(y, 'prod/db', 'prod/web', 8080).verdict).toBe('deny');
    expect(verdict(y, 'prod/web', 'prod/db', 8080, 17).verdict).toBe('deny');
  });
  it('endPort range boundaries', () => {
    const y = KNP('range', '  podSelector: {}\n  ingress: [{ports: [{port: 32000, endPort: 32768}]}]');
    expect([31999, 32000, 32768, 32769].map((p) => verdict(y, 'prod/web', 'prod/db', p).verdict)).toEqual(['deny', 'allow', 'allow', 'deny']);
  });
  it('policyTypes defaulting: egress rules without policyTypes make the policy govern egress', () => {
    const y = KNP('eg', '  podSelector: {matchLabels: {app: web}}\n  egress: [{ports: [{port: 53, protocol: UDP}]}]');
    expect(verdict(y, 'prod/web', 'prod/db', 80).verdict).toBe('deny');
    expect(verdict(y, 'prod/web', 'prod/db', 53, 17).verdict).toBe('allow');
    expect(verdict(y, 'prod/web', 'prod/db', 80).egress.decided).toBe('end-of-tier');
  });
  it('pod to pod needs the source egress and the destination ingress', () => {
    const y = KNP('eg', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]') + KNP('in', '  podSelector: {}\n  ingress: [{}]');
    const v = verdict(y, 'prod/web', 'prod/db', 80);
    expect([v.verdict, v.egress.action, v.ingress.action]).toEqual(['deny', 'deny', 'allow']);
  });
});

describe('Calico policy semantics', () => {
  it('a rule with only ports is not namespace-scoped', () => {
    const y = CALICO('NetworkPolicy', 'ports', '  selector: all()\n  ingress: [{action: Allow, protocol: TCP, destination: {ports: [80]}}]', 'prod');
    expect(verdict(y, 'dev/web', 'prod/db', 80).verdict).toBe('allow');
    expect(verdict(y, '8.8.8.8', 'prod/db', 80).verdict).toBe('allow');
  });
  it('notSelector is never namespace-scoped', () => {
    const y = CALICO('NetworkPolicy', 'not', "  ingress: [{action: Allow, source: {namespaceSelector: all(), notSelector: \"role == 'blocked'\"}}]", 'prod');
    expect(verdict(y, 'dev/web', 'prod/db', 80).verdict).toBe('allow');
    expect(verdict(y, 'dev/blocked', 'prod/db', 80).verdict).toBe('deny');
  });
  it('Pass leaves the tier; the next tier (or the profiles) decide', () => {
    const tier = CALICO('Tier', 'security', '  order: 100');
    const pass = CALICO('GlobalNetworkPolicy', 'pass-all', '  tier: security\n  ingress: [{action: Pass}]');
    expect(verdict(tier + pass, 'prod/web', 'prod/db', 80).verdict).toBe('allow');
    const deny = KNP('deny', '  podSelector: {}\n  policyTypes: [Ingress]');
    const v = verdict(tier + pass + deny, 'prod/web', 'prod/db', 80);
    expect([v.verdict, v.ingress.decided, v.ingress.tier]).toEqual(['deny', 'end-of-tier', 'default']);
    expect(v.ingress.trail.map((t) => `${t.tier}:${t.result}`)).toEqual(['security:pass', 'default:no-match', 'default:end-of-tier-deny']);
  });
  it('end of tier denies even when a later tier would allow; defaultAction Pass continues', () => {
    const tier = CALICO('Tier', 'security', '  order: 100');
    const gnp = CALICO('GlobalNetworkPolicy', 'only-dns', '  tier: security\n  ingress: [{action: Allow, protocol: UDP, destination: {ports: [53]}}]');
    const allow = KNP('all', '  podSelector: {}\n  ingress: [{}]');
    expect(verdict(tier + gnp + allow, 'prod/web', 'prod/db', 80).verdict).toBe('deny');
    const passTier = CALICO('Tier', 'security', '  order: 100\n  defaultAction: Pass');
    expect(verdict(passTier + gnp + allow, 'prod/web', 'prod/db', 80).verdict).toBe('allow');
  });
  it('staged policies are never enforced and do not arm the end-of-tier drop', () => {
    const staged = CALICO('StagedNetworkPolicy', 'deny', '  ingress: [{action: Deny}]', 'prod');
    const v = verdict(staged, 'prod/web', 'prod/db', 80);
    expect([v.verdict, v.ingress.decided]).toEqual(['allow', 'profile']);
    expect(v.ingress.trail.map((t) => t.result)).toEqual(['staged']);
    const stagedK8s = CALICO('StagedKubernetesNetworkPolicy', 'deny', '  podSelector: {}\n  policyTypes: [Ingress]', 'prod');
    expect(verdict(stagedK8s, 'prod/web', 'prod/db', 80).verdict).toBe('allow');
  });
  it('Log is not terminal', () => {
    const y = CALICO('NetworkPolicy', 'log', '  ingress: [{action: Log}, {action: Allow}]', 'prod');
    const v = verdict(y, 'prod/web', 'prod/db', 80);
    expect([v.verdict, v.ingress.ruleIndex]).toEqual(['allow', 1]);
    expect(verdict(CALICO('NetworkPolicy', 'log', '  ingress: [{action: Log}]', 'prod'), 'prod/web', 'prod/db', 80).verdict).toBe('deny');
  });
  it('equal orders are broken by name/namespace/kind (v3.32)', () => {
    const a = CALICO('GlobalNetworkPolicy', 'a-deny', '  order: 10\n  ingress: [{action: Deny}]');
    const b = CALICO('GlobalNetworkPolicy', 'b-allow', '  order: 10\n  ingress: [{action: Allow}]');
    expect(verdict(a + b, 'prod/web', 'prod/db', 80).ingress.policy?.name).toBe('a-deny');
    const c = CALICO('GlobalNetworkPolicy', 'c-deny', '  order: 10\n  ingress: [{action: Deny}]');
    expect(verdict(b + c, 'prod/web', 'prod/db', 80).verdict).toBe('allow');
    // Same name: `x//GlobalNetworkPolicy` sorts before `x/prod/NetworkPolicy`.
    const gx = CALICO('GlobalNetworkPolicy', 'x', '  order: 10\n  ingress: [{action: Deny}]');
    const nx = CALICO('NetworkPolicy', 'x', '  order: 10\n  ingress: [{action: Allow}]', 'prod');
    expect(verdict(nx + gx, 'prod/web', 'prod/db', 80).ingress.policy?.kind).toBe('GlobalNetworkPolicy');
    // An order always beats none (nil = +Inf).
    const none = CALICO('GlobalNetworkPolicy', 'a-none', '  ingress: [{action: Deny}]');
    expect(verdict(none + b, 'prod/web', 'prod/db', 80).verdict).toBe('allow');
  });
  it('network sets join selector IP sets', () => {
    const set = `---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: partners, labels: {kind: partner}}\nspec: {nets: [203.0.113.0/24]}\n`;
    const y = set + CALICO('NetworkPolicy', 'p', "  ingress: [{action: Allow, source: {selector: \"kind == 'partner'\", namespaceSelector: global()}}]", 'prod');
    expect(verdict(y, '203.0.113.9', 'prod/db', 80).verdict).toBe('allow');
    expect(verdict(y, '198.51.100.9', 'prod/db', 80).verdict).toBe('deny');
  });
});

describe('AdminNetworkPolicy and BaselineAdminNetworkPolicy', () => {
  const ANP = (name: string, priority: number, spec: string): string =>
    `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  priority: ${priority}\n  subject: {namespaces: {matchLabels: {team: a}}}\n${spec}\n`;
  const BANP = `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n  subject: {namespaces: {}}\n  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n`;
  it('ANP Deny wins over a NetworkPolicy Allow; Pass defers to NetworkPolicy, then BANP', () => {
    const deny = ANP('deny-dev', 10, '  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {team: b}}}]}]');
    const allow = KNP('all', '  podSelector: {}\n  ingress: [{}]');
    const v = verdict(deny + allow, 'dev/web', 'prod/db', 80);
    expect([v.verdict, v.ingress.tier, v.ingress.policy?.kind]).toEqual(['deny', 'kube-admin', 'AdminNetworkPolicy']);
    const pass = ANP('pass-dev', 10, '  ingress: [{action: Pass, from: [{namespaces: {matchLabels: {team: b}}}]}]');
    expect(verdict(pass + allow + BANP, 'dev/web', 'prod/db', 80).verdict).toBe('allow');
    expect(verdict(pass + BANP, 'dev/web', 'prod/db', 80).ingress.tier).toBe('kube-baseline');
    expect(verdict(BANP, 'prod/web', 'prod/db', 80).verdict).toBe('deny');
  });
  it('lower priority number first', () => {
    const allow = ANP('z-allow', 1, '  ingress: [{action: Allow, from: [{namespaces: {}}]}]');
    const deny = ANP('a-deny', 2, '  ingress: [{action: Deny, from: [{namespaces: {}}]}]');
    expect(verdict(allow + deny, 'dev/web', 'prod/db', 80).verdict).toBe('allow');
  });
});

describe('what the input cannot decide, and DNAT', () => {
  it('a namespaceSelector against an undeclared namespace is unknown, unless the answer does not depend on it', () => {
    const parts2 = { namespaces: [ns('prod', { team: 'a' })], pods: [pod('prod/db', { app: 'db' }, '10.0.0.1'), pod('ghost/x', {}, '10.0.2.1')] };
    const y = KNP('from-a', '  podSelector: {}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {team: a}}}]}]');
    const m = model(y, parts2);
    const v = evaluateReference(m, tcp(m, 'ghost/x', 'prod/db', 80));
    expect([v.verdict, v.ingress.decided]).toEqual(['unknown', 'unknown']);
    expect(v.notes?.join(' ')).toMatch(/ghost/);
    const byName = KNP('by-name', "  podSelector: {}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ghost}}}]}]");
    const m2 = model(byName, parts2);
    expect(evaluateReference(m2, tcp(m2, 'ghost/x', 'prod/db', 80)).verdict).toBe('allow');
  });
  it('a pod without an IP against an ipBlock is unknown', () => {
    const parts2 = { namespaces: [ns('prod')], pods: [pod('prod/db', {}, '10.0.0.1'), pod('prod/noip', {}, undefined)] };
    const m = model(KNP('ipb', '  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}}]}]'), parts2);
    expect(evaluateReference(m, tcp(m, 'prod/noip', 'prod/db', 80)).verdict).toBe('unknown');
  });
  it('hostNetwork pods have no workload policy', () => {
    const parts2 = { namespaces: [ns('prod')], pods: [pod('prod/db', {}, '10.0.0.1'), pod('prod/agent', {}, '192.0.2.10', { hostNetwork: true })] };
    const m = model(KNP('deny', '  podSelector: {}\n  policyTypes: [Ingress, Egress]'), parts2);
    const v = evaluateReference(m, tcp(m, 'prod/db', 'prod/agent', 80));
    expect([v.verdict, v.egress.action, v.ingress.decided]).toEqual(['deny', 'deny', 'not-applicable']);
    expect(evaluateReference(m, tcp(m, 'prod/agent', '10.9.9.9', 80)).verdict).toBe('allow');
  });
  it('traffic to a Service cluster IP is judged at the backend and its (named) target port', () => {
    const svc = { name: 'db', namespace: 'prod', type: 'ClusterIP' as const, selector: { app: 'db' }, clusterIP: '10.96.0.10', externalTrafficPolicy: 'Cluster' as const, src: { file: 's', line: 1, col: 1 }, ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' as const }] };
    const m = model(KNP('only-8080', '  podSelector: {matchLabels: {app: db}}\n  ingress: [{ports: [{port: 8080}]}]'), { ...parts, services: [svc] });
    const v = evaluateReference(m, tcp(m, 'prod/web', '10.96.0.10', 80));
    expect([v.verdict, v.dnat?.backend, v.dnat?.port]).toEqual(['allow', 'prod/db', 8080]);
    expect(evaluateReference(m, tcp(m, 'prod/web', '10.96.0.10', 81)).verdict).toBe('deny');
  });
});
