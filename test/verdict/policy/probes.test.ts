// The probe contract: input `{from, to, protocol, port?, …}` (namespace/pod, tenant/namespace/pod or an outside
// IPv4 address) → `{from, to, protocol, port, verdict, egress, ingress}` in the same order; bad probes are errors.
import { describe, expect, it } from 'vitest';
import { explainInWords } from '../../../src/verdict/policy/explain-in-words.js';
import { resolveProbes } from '../../../src/verdict/policy/probes.js';
import { input, manifests, ns, pod } from '../../fixtures/policy/manifests.js';
import { buildPolicyModel } from '../../../src/model/policy/build-policy-model.js';

const { model } = buildPolicyModel(
  input({
    cluster: 'tenant1',
    namespaces: [ns('prod')],
    pods: [pod('prod/db', { app: 'db' }, '10.0.0.1'), pod('prod/web', { app: 'web' }, '10.0.0.2')],
    manifests: manifests(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: prod}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}]}]
`, 'policies.yaml'),
  }),
);

describe('resolveProbes', () => {
  it('answers in order with the exact keys', () => {
    const { results, diagnostics } = resolveProbes(model, [
      { from: 'prod/web', to: 'prod/db', protocol: 'TCP', port: 5432 },
      { from: 'tenant1/prod/web', to: 'prod/db', protocol: 'tcp', port: 80 },
      { from: '203.0.113.5', to: 'prod/db', protocol: 'ICMP' },
      { from: 'prod/db', to: '203.0.113.5', protocol: 'UDP', port: 53 },
    ]);
    expect(diagnostics).toEqual([]);
    expect(results.map((r) => Object.keys(r))).toEqual(Array(4).fill(['from', 'to', 'protocol', 'port', 'verdict', 'egress', 'ingress']));
    expect(results.map((r) => [r.from, r.protocol, r.port, r.verdict])).toEqual([
      ['prod/web', 'TCP', 5432, 'allow'],
      ['tenant1/prod/web', 'TCP', 80, 'deny'],
      ['203.0.113.5', 'ICMP', null, 'deny'],
      ['prod/db', 'UDP', 53, 'allow'],
    ]);
    expect(results[0]?.ingress).toMatchObject({ decided: 'rule', policy: { name: 'db', file: 'policies.yaml', line: 1 }, rule: { path: 'spec.ingress[0]', line: 6 } });
    expect(results[1]?.ingress).toMatchObject({ decided: 'end-of-tier', tier: 'default' });
  });
  it('reports bad probes with their index and field', () => {
    const { results, diagnostics } = resolveProbes(model, [
      { from: 'prod/nope', to: 'prod/db', protocol: 'TCP', port: 1 },
      { from: 'prod/web', to: '300.1.1.1', protocol: 'TCP', port: 1 },
      { from: 'prod/web', to: 'prod/db', protocol: 'TCP' },
      { from: 'prod/web', to: 'prod/db', protocol: 'GRE', port: 1, extra: 1 },
      { from: 'other/prod/web', to: 'prod/db', protocol: 'TCP', port: 1 },
    ]);
    expect(results).toEqual([]);
    expect(diagnostics.map((d) => d.path)).toEqual(['[0].from', '[1].to', '[2].port', '[3].extra', '[3].protocol', '[4].from']);
    expect(resolveProbes(model, {}).diagnostics[0]?.message).toMatch(/array/);
  });
  it('explains in words', () => {
    const { results } = resolveProbes(model, [{ from: 'prod/web', to: 'prod/db', protocol: 'TCP', port: 5432 }]);
    const text = explainInWords(results[0] as (typeof results)[number]);
    expect(text).toContain('prod/web → prod/db TCP 5432: ALLOW');
    expect(text).toContain('ingress at prod/db: allowed by rule 0 (from ingress rule 0 of the manifest) of KubernetesNetworkPolicy prod/db in tier default at policies.yaml:6.');
    expect(text).toContain('egress at prod/web: no policy selects it for egress; profile kns.prod allows.');
  });
});
