// model: ClusterIP allocation for Services that do not state one. kube-apiserver picks a random free
// address of --service-cluster-ip-range (default 10.96.0.0/12; .1 is the `kubernetes` Service); we
// draw from the same range with the scenario's seeded PRNG so every run gets the same addresses.
import { cidrContains, formatIpv4, parseCidr, parseIpv4 } from '../lib/ipv4.js';
import type { Prng } from '../lib/random/prng.js';
import type { ServiceSpec } from '../scenario/types.js';

/** kube-apiserver's default --service-cluster-ip-range. */
export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';

/** Returns the ClusterIP of every service, in input order: the stated one (or `None`), else a fresh random one. */
export function allocateServiceIps(services: readonly ServiceSpec[], prng: Prng, serviceCidr = DEFAULT_SERVICE_CIDR): string[] {
  const range = parseCidr(serviceCidr, true);
  if (!range) throw new Error(`invalid service CIDR ${serviceCidr}`);
  const size = 2 ** (32 - range.len);
  const used = new Set<number>([range.base + 1]);
  for (const s of services) {
    const ip = s.clusterIP ? parseIpv4(s.clusterIP) : -1;
    if (ip >= 0 && cidrContains(range, ip)) used.add(ip);
  }
  if (used.size + services.length > size - 2) throw new Error(`service CIDR ${serviceCidr} is too small for ${services.length} services`);
  return services.map((s) => {
    if (s.clusterIP) return s.clusterIP;
    // An ExternalName Service is a DNS alias: the API server gives it no ClusterIP.
    if (s.type === 'ExternalName') return 'None';
    let ip: number;
    do ip = range.base + 1 + prng.int(size - 2);
    while (used.has(ip));
    used.add(ip);
    return formatIpv4(ip);
  });
}
