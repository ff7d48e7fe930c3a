import { describe, expect, it } from 'vitest';
import { kubeProxyChoice, pickEndpoint, type SliceEndpoint } from '../../../src/model/edge/kube-proxy.js';

const ep = (id: number, node: number, over: Partial<SliceEndpoint> = {}): SliceEndpoint => ({ id, node, ready: true, serving: true, terminating: false, ...over });
const ext = { via: 'external' as const, node: 1, externalTrafficPolicy: 'Cluster' as const, internalTrafficPolicy: 'Cluster' as const };
const ids = (c: { candidates: readonly SliceEndpoint[] }) => c.candidates.map((e) => e.id);

describe('kube-proxy endpoint choice (pkg/proxy/topology.go)', () => {
  it('uses ready endpoints; falls back to serving-and-terminating ones only when none is ready', () => {
    const eps = [ep(1, 1, { ready: false, serving: true, terminating: true }), ep(2, 2), ep(3, 2, { ready: false, serving: false, terminating: true })];
    expect(ids(kubeProxyChoice(eps, ext))).toEqual([2]);
    const none = eps.map((e) => ({ ...e, ready: false }));
    const c = kubeProxyChoice(none, ext);
    expect(ids(c)).toEqual([1]); // 2 is serving but not terminating (just not ready), 3 terminating but not serving
    expect(c.why).toMatch(/fallback/);
  });

  it('externalTrafficPolicy Local keeps node-local endpoints and the client address; Cluster masquerades', () => {
    const eps = [ep(1, 1), ep(2, 2)];
    const local = kubeProxyChoice(eps, { ...ext, externalTrafficPolicy: 'Local' });
    expect([ids(local), local.masquerade]).toEqual([[1], false]);
    expect(ids(kubeProxyChoice(eps, { ...ext, node: 3, externalTrafficPolicy: 'Local' }))).toEqual([]);
    const cluster = kubeProxyChoice(eps, ext);
    expect([ids(cluster), cluster.masquerade]).toEqual([[1, 2], true]);
  });

  it('internalTrafficPolicy Local applies to ClusterIP traffic, which is never masqueraded', () => {
    const eps = [ep(1, 1), ep(2, 2)];
    const c = kubeProxyChoice(eps, { ...ext, via: 'internal', node: 2, internalTrafficPolicy: 'Local' });
    expect([ids(c), c.masquerade]).toEqual([[2], false]);
  });

  it('follows topology hints only when every endpoint has them and one is for the zone', () => {
    const eps = [ep(1, 1, { forZones: ['a'] }), ep(2, 2, { forZones: ['b'] })];
    expect(ids(kubeProxyChoice(eps, { ...ext, zone: 'a' }))).toEqual([1]);
    expect(ids(kubeProxyChoice(eps, { ...ext, zone: 'c' }))).toEqual([1, 2]);
    expect(ids(kubeProxyChoice([eps[0]!, ep(3, 3)], { ...ext, zone: 'a' }))).toEqual([1, 3]);
  });

  it('picks the same endpoint for the same client, and spreads clients', () => {
    const c = [10, 11, 12, 13];
    expect(pickEndpoint(c, 0x0a000001)).toBe(pickEndpoint(c, 0x0a000001));
    const seen = new Set(Array.from({ length: 64 }, (_, i) => pickEndpoint(c, 0xc6336400 + i)));
    expect(seen.size).toBe(4);
    expect(pickEndpoint([], 1)).toBeUndefined();
  });
});
