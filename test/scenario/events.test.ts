// Timeline events: what each kind needs, what it may not have, and that everything it names exists.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { brief, diagnosticsOf, scenarioFile } from './helpers.js';

const base = [
  'horizon: 10m',
  'platform:',
  '  management: { name: m, underlay: { physical: { cidr: 10.0.0.0/24 } }, nodes: { count: 2, name: "h{i}" } }',
  'tenants:',
  '  - name: a',
  '    underlay: { flannel: { vni: 5, network: 172.16.0.0/16 } }',
  '    nodes: { count: 2, name: "a{i}" }',
  '    calico: { peers: [{ name: tor, peerIP: 192.0.2.1, asNumber: 65000 }] }',
  '    namespaces: [{ name: ns }]',
  '    workloads: [{ name: w, namespace: ns }]',
  'events:',
].join('\n');

const events = (...lines: string[]): string => `${base}\n${lines.map((l) => `  - ${l}`).join('\n')}\n`;

describe('timeline events', () => {
  it('reads every kind with valid references', () => {
    const s = loadScenario(
      scenarioFile(
        events(
          '{ at: 1s, kind: node-down, node: a/a1 }',
          '{ at: 2s, kind: node-up, node: h2 }',
          '{ at: 3s, kind: link-down, link: [a/a1, a/a2] }',
          '{ at: 4s, kind: link-up, tenant: a, link: [a1, a2] }',
          '{ at: 5s, kind: bgp-peer-down, node: a/a1, peer: tor }',
          '{ at: 6s, kind: bgp-peer-up, node: a/a1, peer: a2 }',
          '{ at: 7s, kind: scale, tenant: a, workload: ns/w, replicas: 4 }',
          '{ at: 8s, kind: policy-delete, tenant: a, policyRefs: [ns/deny] }',
          '{ at: 9s, kind: cert-rotate, component: etcd }',
          '{ at: 10m, kind: node-down, node: h1, mode: clean }',
        ),
      ),
    );
    expect(s.events.map((e) => e.kind)).toEqual([
      'node-down', 'node-up', 'link-down', 'link-up', 'bgp-peer-down', 'bgp-peer-up', 'scale', 'policy-delete', 'cert-rotate', 'node-down',
    ]);
    expect(s.events[0]?.mode).toBe('silent');
    expect(s.events[9]).toMatchObject({ at: 600_000, mode: 'clean' });
    expect(s.events[2]?.link).toEqual(['a/a1', 'a/a2']);
  });

  it('reports missing, misplaced and dangling fields', () => {
    const found = brief(
      diagnosticsOf(
        scenarioFile(
          events(
            '{ at: 1s, kind: node-down }',
            '{ at: 2s, kind: node-up, node: a/a1, replicas: 3 }',
            '{ at: 3s, kind: link-down, link: [a/a1, b/b1] }',
            '{ at: 4s, kind: bgp-peer-down, node: a/a1, peer: spine }',
            '{ at: 5s, kind: scale, tenant: a, workload: w, replicas: 2 }',
            '{ at: 6s, kind: cert-rotate, tenant: zz }',
            '{ at: 7s, kind: node-down, node: a1 }',
            '{ at: 11m, kind: nod-up, node: h1 }',
          ),
        ),
      ),
    );
    expect(found).toEqual([
      '12:5 events[0].node: a node-down event needs `node`',
      '13:52 events[1].replicas: `replicas` does not apply to a node-up event',
      '14:45 events[2].link[1]: tenant b does not exist (did you mean `a`?)',
      '15:54 events[3].peer: spine is neither a node nor a BGP peer of a',
      '16:49 events[4].workload: workload w does not exist in a (write namespace/name)',
      '17:42 events[5].tenant: tenant zz does not exist',
      '18:38 events[6].node: node a1 does not exist in m (did you mean `h1`?)',
      '19:22 events[7].kind: nod-up is not one of node-down, node-up, link-down, link-up, bgp-peer-down, bgp-peer-up, policy-apply, policy-delete, scale, cert-rotate, route-reflectors, lb-down, lb-up, lb-member-disable, lb-member-enable (did you mean `node-up`?)',
    ]);
  });

  it('applies only policies in policy-apply', () => {
    const text = events(
      '{ at: 1s, kind: policy-apply, tenant: a, policies: [{ apiVersion: v1, kind: ConfigMap, metadata: { name: c } }, { apiVersion: projectcalico.org/v3, kind: GlobalNetworkPolicy, metadata: { name: g }, spec: {} }] }',
    );
    expect(brief(diagnosticsOf(scenarioFile(text)))).toEqual(['12:57 events[0].policies[0]: ConfigMap is not a policy; policy-apply applies policies only']);
  });
});
