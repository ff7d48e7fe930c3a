// test arbitrary: a HostEndpoint manifest — labels, expected IPs (node addresses, one of them also a pod
// address), named ports and profiles (the default-allow one, a user profile, or none).
import fc from 'fast-check';
import type { JsonObject } from '../../src/scenario/types.js';
import { labelSetArb } from './label-set.js';
import { NODE_IPS } from './vocabulary.js';

/** HostEndpoint `name`. */
export function hostEndpointArb(name: string): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      labels: labelSetArb(),
      ips: fc.uniqueArray(fc.constantFrom(...NODE_IPS), { minLength: 1, maxLength: 2 }),
      ports: fc.subarray([{ name: 'http', protocol: 'TCP', port: 80 }, { name: 'dns', protocol: 'UDP', port: 53 }]),
      profiles: fc.constantFrom<string[]>([], ['projectcalico-default-allow'], ['prof1'], ['prof1', 'projectcalico-default-allow']),
    })
    .map((h) => ({
      apiVersion: 'projectcalico.org/v3',
      kind: 'HostEndpoint',
      metadata: { name, labels: h.labels },
      spec: { node: 'node1', expectedIPs: h.ips, ports: h.ports, profiles: h.profiles },
    }));
}
