// `calisim request --url ... --at T` through a MetalLB VIP (issue 17), on test/fixtures/loadbalancer/metallb.yaml:
// layer 2 enters at the elected owner, answers nowhere while a failed owner is not yet declared dead, then at
// the new owner; BGP enters at the router's ECMP choice and drops on a failed node the router still uses.
import { describe, expect, it } from 'vitest';
import { advancePlatform, createPlatform } from '../../../src/engine/platform/run-platform.js';
import { buildModel } from '../../../src/model/build-model.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { RequestResult } from '../../../src/verdict/request/types.js';
import { policyModelsOf } from '../../../src/verdict/state/policy-models.js';

const run = createPlatform(buildModel(loadScenario('test/fixtures/loadbalancer/metallb.yaml')));
/** Requests at simulated time `at` (seconds, increasing across calls: the run advances). */
const walk = (at: number, url: string, from = '198.51.100.10'): RequestResult => {
  advancePlatform(run, at * 1000);
  const out = requestWalker(run, policyModelsOf(run).clusters).follow({ url, method: 'GET', headers: {}, from });
  if (typeof out === 'string') throw new Error(out);
  return out;
};

describe('request through MetalLB', () => {
  it('layer 2: the owner node before, nowhere during and the new owner after the memberlist failover; BGP: the ECMP choice', () => {
    const l2 = 'https://acme.example.com/';
    const bgp = 'https://acme.example.com:8443/';
    const before = walk(10, l2);
    expect(before.hops[1]).toMatchObject({ step: 'lb-member', at: 'lb-l2' });
    expect(before.hops[1]!.detail).toMatch(/^mgmt-2 answers ARP for 10\.0\.0\.40/);
    expect(before.hops.find((h) => h.step === 'kube-proxy')!.at).toBe('mgmt-2');
    expect(walk(10, bgp, '198.51.100.1').hops[1]!.detail).toContain('ECMP over mgmt-1, mgmt-2, mgmt-3 (MetalLB BGP: each announcing node advertises 203.0.113.41/32) hashes this flow to mgmt-1');
    // mgmt-1 failed silently at 30 s: the router still hashes this client to it until the hold timer (120 s).
    const stale = walk(60, bgp, '198.51.100.1');
    expect([stale.disposition, stale.hops[1]!.step]).toEqual(['dropped', 'drop']);
    expect(walk(60, bgp, '198.51.100.2').hops[1]!.detail).toContain('hashes this flow to mgmt-3');
    expect(walk(130, bgp, '198.51.100.1').hops[1]!.detail).toContain('ECMP over mgmt-2, mgmt-3');
    const during = walk(302, l2);
    expect(during.disposition).toBe('dropped');
    expect(during.hops[1]!.detail).toContain('memberlist has not declared it dead yet');
    const after = walk(306, l2);
    expect(after.hops[1]!.detail).toMatch(/^mgmt-3 answers ARP/);
    expect(after.hops.find((h) => h.step === 'kube-proxy')!.at).toBe('mgmt-3');
  });
});
