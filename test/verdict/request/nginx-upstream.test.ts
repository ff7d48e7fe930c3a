// ingress-nginx's own upstream (internal/ingress/controller/endpointslices.go getEndpointsFromSlices): only
// endpoints whose ready condition is unset or true; serving and terminating are never read. So after a
// scale-down its terminating pods leave nginx's upstream at once, and with none ready it answers 503 where
// kube-proxy still falls back to them (KEP-1669).
import { describe, expect, it } from 'vitest';
import { nginxUpstream } from '../../../src/model/edge/nginx-upstream.js';
import { kubeProxyChoice, type SliceEndpoint } from '../../../src/model/edge/kube-proxy.js';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { RequestResult } from '../../../src/verdict/request/types.js';
import { edgeRun, editedScenario } from '../trace/edge-fixtures.js';

const EVENTS = 'events:\n  - { at: 90s, kind: node-down, node: acme/acme-2, mode: silent }';
const scaled = (replicas: number): string =>
  editedScenario(`frontend-to-${replicas}`, [[EVENTS, `events:\n  - { at: 60s, kind: scale, tenant: acme, workload: shop/frontend, replicas: ${replicas} }\n  - { at: 90s, kind: node-down, node: acme/acme-2, mode: silent }`]]);
const walk = (file: string, at: string): RequestResult => {
  const r = edgeRun(file, at);
  const out = requestWalker(r.run, r.policies).follow({ url: 'https://acme.example.com/', method: 'GET', headers: {}, from: '198.51.100.10' });
  if (typeof out === 'string') throw new Error(out);
  return out;
};

describe('the endpoints ingress-nginx puts in an upstream', () => {
  const ep = (id: number, ready: boolean, serving: boolean, terminating: boolean): SliceEndpoint => ({ id, node: 0, ready, serving, terminating });

  it('keeps ready endpoints only, never falling back to serving-and-terminating ones', () => {
    expect(nginxUpstream([ep(1, true, true, false), ep(2, false, true, true), ep(3, false, false, false)])).toEqual({ servers: [ep(1, true, true, false)], terminating: 1 });
    const terminating = [ep(2, false, true, true), ep(4, false, true, true)];
    expect(nginxUpstream(terminating)).toEqual({ servers: [], terminating: 2 });
    // kube-proxy, given the same slice, falls back to them.
    expect(kubeProxyChoice(terminating, { via: 'internal', node: 0, externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' }).candidates).toEqual(terminating);
  });
});

describe('a scale-down on the timeline (shop/frontend at 60 s, 30 s grace period)', () => {
  it('answers 503 while the stopped pods terminate, naming them, when none is ready', () => {
    const r = walk(scaled(0), '70s');
    expect(walk(scaled(0), '95s').hops.at(-1)!.detail).toBe('503: Service shop/frontend has no ready endpoint');
    expect(r.status).toBe(503);
    expect(r.backend).toMatchObject({ service: 'frontend', pod: null });
    expect(r.hops.at(-1)!.detail).toBe('503: Service shop/frontend has no ready endpoint: ingress-nginx takes only ready endpoints into its upstream, so its 3 terminating endpoint(s) are left out (kube-proxy would still use them)');
  });

  it('leaves the terminating pods out next to a ready one', () => {
    const r = edgeRun(scaled(1), '70s');
    for (const from of ['198.51.100.10', '198.51.100.11', '198.51.100.12', '198.51.100.13']) {
      const out = requestWalker(r.run, r.policies).follow({ url: 'https://acme.example.com/', method: 'GET', headers: {}, from });
      if (typeof out === 'string') throw new Error(out);
      expect(out.backend!.pod).toBe('frontend-0');
      expect(out.hops.find((h) => h.step === 'upstream')!.detail).toContain('one of 1 ready endpoint(s) (round_robin; calisim picks by a hash of the client address); 2 terminating endpoint(s) left out');
    }
  });
});
