// scenario: a Pod's status into the IPv4 address calisim gives it — status.podIP, else the first IPv4 of
// status.podIPs (a dual-stack pod lists its IPv6 address too); anything else is left to IPAM.
import { parseIpv4 } from '../../lib/ipv4.js';
import { ipv4 } from '../schema/formats.js';

/** The pod's IPv4 address from `podIP` and `podIPs`, or undefined. */
export function pickPodIp(podIP: string | undefined, podIPs: readonly { ip?: string }[]): string | undefined {
  if (podIP !== undefined && isIpv4(podIP)) return podIP;
  return podIPs.map((p) => p.ip).find((ip): ip is string => ip !== undefined && isIpv4(ip));
}

/** The address check of the schema (`ipv4`), answered without it for the dotted quads a dump holds. */
function isIpv4(text: string): boolean {
  return parseIpv4(text) >= 0 || ipv4(text) === undefined;
}
