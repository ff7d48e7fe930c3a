// `calisim request --at T` through a load balancer (issue 17): the member the method picks among those in
// service at T, the shares shown, and a VIP that takes no connection while its HA pair fails over.
import { describe, expect, it } from 'vitest';
import { requestWalker } from '../../../src/verdict/request/request-walker.js';
import type { RequestResult } from '../../../src/verdict/request/types.js';
import { edgeRun } from '../trace/edge-fixtures.js';

const FIXTURE = 'test/fixtures/loadbalancer/local-failover.yaml';
const walk = (at: string, url: string): RequestResult => {
  const r = edgeRun(FIXTURE, at);
  const out = requestWalker(r.run, r.policies).follow({ url, method: 'GET', headers: {}, from: '198.51.100.10' });
  if (typeof out === 'string') throw new Error(out);
  return out;
};
const hop = (r: RequestResult, step: string) => r.hops.find((h) => h.step === step)?.detail;

describe('request through a VIP', () => {
  it('picks among the members in service at T, with their shares', () => {
    expect(hop(walk('30s', 'https://203.0.113.10/'), 'lb-member')).toBe(
      'member mgmt-1:30443, 3 of 3 in service (mgmt-1:30443 33.3%, mgmt-2:30443 33.3%, mgmt-3:30443 33.3%): round-robin sends each new connection by its turn; calisim shows the first member with the largest share',
    );
    // After the monitor took mgmt-3 (no local ingress pod since 60 s) out of the pool.
    expect(hop(walk('100s', 'https://203.0.113.10/'), 'lb-member')).toMatch(/^member mgmt-1:30443, 2 of 3 in service \(mgmt-1:30443 50%, mgmt-2:30443 50%\)/);
    expect(hop(walk('100s', 'https://203.0.113.11/'), 'lb-member')).toMatch(/^member mgmt-1:30443, 3 of 3 in service \(mgmt-1:30443 60%, mgmt-2:30443 20%, mgmt-3:30443 20%\)/);
  });

  it('drops while the standby has not taken over, and passes again after the 3 s failover', () => {
    const during = walk('201s', 'https://203.0.113.10/');
    expect(during.disposition).toBe('dropped');
    expect(hop(during, 'lb-member')).toBeUndefined();
    expect(during.hops.map((h) => h.detail).join(' ')).toContain('f5-a has no active unit');
    expect(hop(walk('203s', 'https://203.0.113.10/'), 'lb-member')).toMatch(/^member mgmt-1:30443, 2 of 3 in service/);
  });
});
