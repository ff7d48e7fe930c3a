// The healthy-member verdict with a device outage: the pools kept their members (the verdict passes: a
// device's failure is the failover verdict's), but its detail names the outage instead of saying "no
// outage" beside a text summary that prints "outage 200s–end (device down)".
import { describe, expect, it } from 'vitest';
import type { LoadBalancerReport } from '../../../src/verdict/loadbalancer/lb-report.js';
import { lbVerdicts } from '../../../src/verdict/loadbalancer/lb-verdicts.js';

const report = (outages: LoadBalancerReport['outages']): LoadBalancerReport => ({ transitions: [], outages, blackholes: [], failovers: [], virtualServers: [], metallb: [] });

describe('load-balancers verdict beside a device outage', () => {
  it('passes, naming the device outage the failover verdict judges', () => {
    const [pools, , failover] = lbVerdicts([], report([{ lb: 'f5-a', from: 200_000, reason: 'device down' }]), 900_000);
    expect([pools!.status, failover!.status]).toEqual(['pass', 'fail']);
    expect(pools!.detail).toBe('0 member transition(s), no pool without a member in service (1 device outage(s): see the failover verdict)');
  });
  it('says "no outage" when there was none', () => {
    expect(lbVerdicts([], report([]), 900_000)[0]!.detail).toBe('0 member transition(s), no outage');
  });
});
