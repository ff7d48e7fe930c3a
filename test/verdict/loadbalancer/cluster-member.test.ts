// `calisim request` through an F5 balancer in cluster mode (issue 17): the VIP picks a pod member and the
// BIG-IP sends to that pod itself over the pod network — no NodePort and no kube-proxy hop, so
// externalTrafficPolicy plays no part — and SNAT decides the source ingress-nginx sees.
import { describe, expect, it } from 'vitest';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { RequestResult } from '../../../src/verdict/request/types.js';
import { editedScenario, edgeRun } from '../trace/edge-fixtures.js';

const F5_A_MEMBERS = '      members: [{ host: mgmt-1, port: 30443 }, { host: mgmt-2, port: 30443 }, { host: mgmt-3, port: 30443 }]\n      method: round-robin\n      snat: automap';
// Cluster mode's members are the pods at their target port: f5-a's port-80 VIP keeps no member port of its own.
const OWN_POOL_80: [string, string] = [', memberPort: 30080 }', ' }'];
const walk = (file: string, at: string): RequestResult => {
  const r = edgeRun(file, at);
  const out = requestWalker(r.run, r.policies).follow({ url: 'https://acme.example.com/', method: 'GET', headers: {}, from: '198.51.100.10' });
  if (typeof out === 'string') throw new Error(out);
  return out;
};

describe('request through a cluster-mode VIP', () => {
  const automap = editedScenario('f5-cluster', [[F5_A_MEMBERS, '      mode: cluster\n      method: round-robin\n      snat: automap'], OWN_POOL_80]);
  const direct = editedScenario('f5-cluster-no-snat', [[F5_A_MEMBERS, '      mode: cluster\n      method: round-robin\n      snat: none'], OWN_POOL_80]);

  it('goes from the VIP to the pod member the method picked, then that pod is the controller: no NodePort, no kube-proxy', () => {
    const r = walk(automap, '30s');
    const steps = r.hops.map((h) => h.step);
    const upToController = steps.slice(0, steps.indexOf('controller'));
    expect(upToController).toEqual(['dns', 'entry', 'vip', 'lb-member', 'nat', 'underlay', 'policy-ingress']);
    const member = r.hops.find((h) => h.step === 'lb-member')!.detail;
    expect(member).toMatch(/^member 10\.200\.\d+\.\d+:443 \(pod ingress-nginx\/ingress-nginx-\d\), 3 of 3 in service/);
    const pod = /\(pod (ingress-nginx\/ingress-nginx-\d)\)/.exec(member)![1];
    const controller = r.hops.find((h) => h.step === 'controller')!;
    expect(controller.at).toBe(`mgmt/${pod}`);
    expect(controller.detail).toContain('accepts TLS from 203.0.113.10');
    expect(r.disposition).toBe('delivered');
  });

  it('without SNAT the controller pod sees the client itself', () => {
    const r = walk(direct, '30s');
    const steps = r.hops.map((h) => h.step);
    expect(steps.slice(0, steps.indexOf('controller'))).toEqual(['dns', 'entry', 'vip', 'lb-member', 'underlay', 'policy-ingress']);
    expect(r.hops.find((h) => h.step === 'controller')!.detail).toContain('accepts TLS from 198.51.100.10');
  });
});
