// A pod's address is picked as ip-num would pick it: the schema's ipv4 check, whose quick dotted-quad scan
// answers first, never accepts what ip-num refuses nor refuses what it accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Validator } from 'ip-num';
import { formatIpv4 } from '../../../src/lib/ipv4.js';
import { pickPodIp } from '../../../src/scenario/manifests/pod-address.js';
import { ipv4 } from '../../../src/scenario/schema/formats.js';

/** The reference: ip-num's check alone on every candidate. */
const valid = (t: string): boolean => Validator.isValidIPv4String(t)[0];
function reference(podIP: string | undefined, podIPs: { ip?: string }[]): string | undefined {
  if (podIP !== undefined && valid(podIP)) return podIP;
  return podIPs.map((p) => p.ip).find((ip): ip is string => ip !== undefined && valid(ip));
}

const quad = fc.integer({ min: 0, max: 0xffffffff }).map(formatIpv4);
const nearly = fc.oneof(
  quad,
  quad.map((q) => `0${q}`),
  quad.map((q) => `${q}.1`),
  quad.map((q) => q.replace('.', '..')),
  quad.map((q) => ` ${q}`),
  fc.constantFrom('fd00::1', '256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4/32', '', '::ffff:10.0.0.1', '1.2.3.-4', '1.2.3.4\n'),
  fc.string({ maxLength: 16, unit: fc.constantFrom('0', '1', '2', '5', '9', '.', ':', 'a') }),
);

describe('pickPodIp', () => {
  it('picks what the schema\'s ipv4 check picks (seeded, 5000 statuses)', () => {
    fc.assert(
      fc.property(fc.option(nearly), fc.array(fc.record({ ip: fc.option(nearly, { nil: undefined }) }, { requiredKeys: [] }), { maxLength: 3 }), (podIP, podIPs) => {
        expect(pickPodIp(podIP ?? undefined, podIPs)).toBe(reference(podIP ?? undefined, podIPs));
      }),
      { seed: 1717, numRuns: 5000 },
    );
  });

  it("the schema's ipv4 check agrees with ip-num (seeded, 5000 strings)", () => {
    fc.assert(fc.property(nearly, (t) => {
      expect(ipv4(t) === undefined, t).toBe(valid(t));
    }), { seed: 1718, numRuns: 5000 });
  });

  it('takes the IPv4 address of a dual-stack pod from podIPs when podIP is its IPv6 one', () => {
    expect(pickPodIp('fd00::5', [{ ip: 'fd00::5' }, { ip: '10.1.2.3' }])).toBe('10.1.2.3');
    expect(pickPodIp('fd00::5', [{ ip: 'fd00::5' }])).toBeUndefined();
  });
});
