// The load-balancer verdicts cover MetalLB (issue 17): a layer 2 VIP that answers nowhere for longer than
// MetalLB's documented ~10 s (memberlist on a large cluster) fails lb-failover; a VIP no node announces
// (externalTrafficPolicy Local with no ready endpoint) fails the healthy-member verdict.
import { describe, expect, it } from 'vitest';
import type { LoadBalancerReport } from '../../../src/verdict/loadbalancer/lb-report.js';
import type { MetalLbReport } from '../../../src/verdict/loadbalancer/metallb-report.js';
import { lbVerdicts } from '../../../src/verdict/loadbalancer/lb-verdicts.js';

const metallb = (m: Partial<MetalLbReport>): LoadBalancerReport => ({
  transitions: [],
  outages: [],
  blackholes: [],
  failovers: [],
  virtualServers: [],
  metallb: [{ name: 'sw', mode: 'l2', vips: ['10.0.0.40:443/TCP'], owners: [], nextHops: [], failovers: [], rehashes: [], blackholes: [], outages: [], ...m }],
});
const status = (r: LoadBalancerReport): string[][] => lbVerdicts([], r, 600_000).map((v) => [v.id, v.status]);

describe('load-balancer verdicts on MetalLB', () => {
  it('fails lb-failover when an owner stays dead past 10 s (memberlist on 1000 speakers: 13.5 s), passes at 5.5 s', () => {
    const gap = (ms: number) => metallb({ outages: [{ lb: 'sw', vip: '10.0.0.40', from: 60_000, to: 60_000 + ms, reason: 'its owner failed (memberlist has not noticed)' }] });
    expect(status(gap(13_500))).toEqual([['load-balancers', 'pass'], ['lb-blackholes', 'pass'], ['lb-failover', 'fail']]);
    expect(lbVerdicts([], gap(13_500), 600_000)[2]!.detail).toBe('sw 10.0.0.40 answered nowhere from t=60s to 73.5s (its owner failed (memberlist has not noticed))');
    expect(status(gap(5_500))[2]).toEqual(['lb-failover', 'pass']);
  });

  it('fails the healthy-member verdict while no node announces a VIP', () => {
    const r = metallb({ outages: [{ lb: 'sw', vip: '10.0.0.40', from: 60_000, reason: 'no node announces it' }] });
    expect(status(r)[0]).toEqual(['load-balancers', 'fail']);
    expect(lbVerdicts([], r, 600_000)[0]!.detail).toBe('sw 10.0.0.40: no node announces it from t=60s to the end');
  });
});
