import { describe, expect, it } from 'vitest';
import { pkiScenarioText, writeScenario } from '../../model/pki/pki-scenario.js';
import { brief, diagnosticsOf } from '../helpers.js';

const bad = (pki: readonly string[], events: readonly string[] = []): string[] => brief(diagnosticsOf(writeScenario(pkiScenarioText(pki, events)))).filter((l) => l.includes('pki') || l.includes('events'));

describe('platform.pki bad input', () => {
  it('a TTL not longer than its renewal threshold, with file position and field', () => {
    expect(bad(['certTTL: 100h', 'renewThreshold: 200h'])).toEqual([expect.stringMatching(/^10:\d+ platform\.pki\.renewThreshold: the TTL \(100h\) is not longer than its renewal threshold \(200h\)/)]);
    expect(bad(['certificates:', '  - { name: x, cluster: acme, component: admin, ttl: 1h, renewBefore: 2h }'])).toEqual([expect.stringMatching(/^10:\d+ platform\.pki\.certificates\[0\]\.renewBefore: the TTL \(1h\)/)]);
  });

  it('a threshold leaving less than the issuer reconcile between renewals: a renewal loop', () => {
    expect(bad(['certTTL: 10h', 'renewThreshold: 599m'])).toEqual([expect.stringMatching(/renewThreshold: TTL minus threshold is 60s, .*renewal loop/)]);
  });

  it('an unknown component or layout, with a suggestion', () => {
    expect(bad(['layout: kubadm'])).toEqual([expect.stringMatching(/^9:\d+ platform\.pki\.layout: .*giantswarm.*kubeadm/)]);
    expect(bad(['certificates:', '  - { name: x, cluster: acme, component: typha }'])).toEqual([expect.stringMatching(/platform\.pki\.certificates\[0\]\.component: /)]);
    expect(bad([], ['{ at: 1h, kind: cert-rotate, tenant: acme, component: typha-servr }'])).toEqual([expect.stringMatching(/events\[0\]\.component: unknown component typha-servr \(did you mean `typha-server`\?\)/)]);
  });

  it('an overlap longer than the old CA has left to live, and unknown clusters', () => {
    expect(bad(['caTTL: 4h', 'certTTL: 1h'], ['{ at: 3h, kind: cert-rotate, tenant: acme, component: ca, overlap: 2h }'])).toEqual([expect.stringMatching(/^\d+:\d+ events\[0\]\.overlap: the overlap \(2h\) is longer than the old CA's remaining life \(1\.0h at t=10800s\)/)]);
    expect(bad(['certificates:', '  - { name: x, cluster: acne, component: admin }'])).toEqual([expect.stringMatching(/certificates\[0\]\.cluster: cluster acne does not exist \(did you mean `acme`\?\)/)]);
  });

  it('accepts what the README documents', () => {
    expect(() => diagnosticsOf(writeScenario(pkiScenarioText(['layout: kubeadm', 'upgradeEvery: 4380h', 'clusters: [{ cluster: acme, layout: giantswarm, renewThreshold: 100h }]'], ['{ at: 1h, kind: cert-rotate, tenant: acme, component: ca, overlap: 30m, order: [trust-new, reissue, distrust-old] }'])))).toThrow(/loaded without errors/);
  });
});
