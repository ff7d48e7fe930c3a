// scenario: a Pod's status into the IPv4 address calisim gives it — status.podIP, else the first IPv4 of
// status.podIPs (a dual-stack pod lists its IPv6 address too); anything else is left to IPAM.
import { ipv4 } from '../schema/formats.js';

/** The pod's IPv4 address from `podIP` and `podIPs`, or undefined. */
export function pickPodIp(podIP: string | undefined, podIPs: readonly { ip?: string }[]): string | undefined {
  if (podIP !== undefined && isIpv4(podIP)) return podIP;
  return podIPs.map((p) => p.ip).find((ip): ip is string => ip !== undefined && isIpv4(ip));
}

function isIpv4(text: string): boolean {
  return ipv4(text) === undefined;
}
