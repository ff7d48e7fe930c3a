// test: known answers from Calico's documented semantics (calico-semantics.md §2-§3) on small hand-written
// clusters — tier Pass and end-of-tier drop, staged policies, Log, notSelector scope, named ports, ipBlock
// except, HostEndpoint failsafe ports — for the compiled matrix, verdicts and deciding rules.
import { describe, expect, it } from 'vitest';
import { compilePolicies } from '../../../src/compile/policy/compiled-policies.js';
import { parseIpv4 } from '../../../src/lib/ipv4.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';
import type { PodInput } from '../../../src/model/endpoints/types.js';
import { input, manifests, ns, pod } from '../../fixtures/policy/manifests.js';

function compile(yaml: string, pods: PodInput[]) {
  const { model, diagnostics } = buildPolicyModel(input({ namespaces: [ns('a', { team: 'x' }), ns('b', { team: 'y' })], pods, manifests: manifests(yaml) }));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { model, cp: compilePolicies(model) };
}

const PODS = [
  pod('a/web', { app: 'web' }, '10.0.0.1', { ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }),
  pod('a/client', { app: 'client' }, '10.0.0.2'),
  pod('a/trusted', { app: 'client', role: 'trusted' }, '10.0.0.3'),
  pod('b/client', { app: 'client' }, '10.0.1.2'),
  pod('a/db', { app: 'db' }, '10.0.0.4'),
];
const [WEB, CLIENT, TRUSTED, OTHER, DB] = [0, 1, 2, 3, 4];
const tcp = (port: number) => ({ protocol: 6, dstPort: port });

describe('known answers', () => {
  it('Pass leaves the tier; an armed tier without a decision drops (defaultAction Deny)', () => {
    const { cp } = compile(
      `
apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: security}
spec: {order: 100, defaultAction: Deny}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: gate}
spec:
  tier: security
  selector: app == 'web'
  ingress: [{action: Pass, source: {selector: role == 'trusted'}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-clients, namespace: a}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{podSelector: {matchLabels: {app: client}}}]}]
`,
      PODS,
    );
    const mx = cp.matrix(tcp(80));
    expect(mx.verdict(TRUSTED, WEB)).toBe('allow');
    expect(mx.verdict(CLIENT, WEB)).toBe('deny');
    expect(mx.verdict(WEB, CLIENT)).toBe('allow');
    const denied = cp.explain({ src: { endpoint: CLIENT }, dst: { endpoint: WEB }, ...tcp(80) });
    expect(denied.ingress).toMatchObject({ decided: 'end-of-tier', action: 'deny', tier: 'security' });
    const passed = cp.explain({ src: { endpoint: TRUSTED }, dst: { endpoint: WEB }, ...tcp(80) });
    expect(passed.ingress).toMatchObject({ decided: 'rule', tier: 'default', policy: { name: 'allow-clients' }, ruleIndex: 0, k8sRuleIndex: 0 });
    expect(passed.ingress.trail.map((t) => t.result)).toEqual(['pass', 'allow']);
  });

  it('staged policies never decide and never arm a tier; Log rules go on', () => {
    const { cp } = compile(
      `
apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: security}
spec: {order: 100, defaultAction: Deny}
---
apiVersion: projectcalico.org/v3
kind: StagedGlobalNetworkPolicy
metadata: {name: lockdown}
spec:
  tier: security
  selector: all()
  stagedAction: Set
  ingress: [{action: Deny}]
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: log-then-deny, namespace: a}
spec:
  selector: app == 'web'
  ingress: [{action: Log}, {action: Deny, source: {selector: app == 'client'}}, {action: Allow}]
`,
      PODS,
    );
    const mx = cp.matrix(tcp(80));
    expect(mx.verdict(CLIENT, WEB)).toBe('deny');
    expect(mx.verdict(OTHER, WEB)).toBe('allow'); // the selector is scoped to namespace a
    const v = cp.explain({ src: { endpoint: CLIENT }, dst: { endpoint: WEB }, ...tcp(80) });
    expect(v.ingress).toMatchObject({ decided: 'rule', action: 'deny', policy: { name: 'log-then-deny' }, ruleIndex: 1 });
    expect(v.ingress.trail.map((t) => t.result)).toEqual(['staged', 'log', 'deny']);
  });

  it('a notSelector rule of a namespaced policy is scoped to its namespace; named ports resolve per endpoint', () => {
    const { cp } = compile(
      `
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: web, namespace: a}
spec:
  selector: app == 'web'
  ingress:
  - action: Allow
    protocol: TCP
    source: {notSelector: app == 'client'}
    destination: {ports: [http]}
`,
      PODS,
    );
    // The rule gets `projectcalico.org/namespace == 'a'` because it uses notSelector (rules.go).
    expect(cp.matrix(tcp(8080)).verdict(DB, WEB)).toBe('allow');
    expect(cp.matrix(tcp(80)).verdict(DB, WEB)).toBe('deny');
    expect(cp.matrix(tcp(8080)).verdict(CLIENT, WEB)).toBe('deny');
    expect(cp.matrix(tcp(8080)).verdict(OTHER, WEB)).toBe('deny');
    expect(cp.verdict({ src: { ip: parseIpv4('192.0.2.9') }, dst: { endpoint: WEB }, ...tcp(8080) })).toBe('deny');
  });

  it('ipBlock except carves addresses out of the CIDR, exactly at its edges', () => {
    const { cp } = compile(
      `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: block, namespace: a}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}}]}]
`,
      PODS,
    );
    const to = (ip: string) => cp.verdict({ src: { ip: parseIpv4(ip) }, dst: { endpoint: WEB }, ...tcp(80) });
    expect(to('10.0.0.200')).toBe('allow');
    expect(to('10.0.0.255')).toBe('allow');
    expect(to('10.0.1.0')).toBe('deny');
    expect(to('10.0.1.255')).toBe('deny');
    expect(to('10.0.2.0')).toBe('allow');
    expect(to('10.1.0.0')).toBe('deny');
    expect(cp.matrix(tcp(80)).verdict(OTHER, WEB)).toBe('deny');
    expect(cp.matrix(tcp(80)).verdict(CLIENT, WEB)).toBe('allow');
  });

  it('a HostEndpoint without policy or profile drops everything but the failsafe ports', () => {
    const { cp } = compile(
      `
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: node1-eth0}
spec: {node: node1, expectedIPs: [192.168.0.10]}
`,
      PODS,
    );
    const host = { ip: parseIpv4('192.168.0.10') };
    expect(cp.verdict({ src: { endpoint: CLIENT }, dst: host, ...tcp(22) })).toBe('allow');
    expect(cp.verdict({ src: { endpoint: CLIENT }, dst: host, ...tcp(80) })).toBe('deny');
    expect(cp.explain({ src: { endpoint: CLIENT }, dst: host, ...tcp(22) }).ingress).toMatchObject({ decided: 'profile', profile: 'felix-failsafe' });
    expect(cp.verdict({ src: host, dst: { endpoint: WEB }, protocol: 17, dstPort: 53 })).toBe('allow');
    expect(cp.verdict({ src: host, dst: { endpoint: WEB }, protocol: 17, dstPort: 54 })).toBe('deny');
  });
});
