// scenario: checks of string formats at the input edge — IPv4 addresses and CIDRs (with ip-num), AS
// numbers, BGP communities and Kubernetes names. Each check returns the problem, or undefined when fine.
import { Validator } from 'ip-num';
import { formatCidr, parseCidr, parseIpv4 } from '../../lib/ipv4.js';

/** A check of a string value: the message to report, or undefined. */
export type Check = (text: string) => string | undefined;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A plain dotted quad is answered by lib/ipv4's scanner (ip-num parses through BigInt: slow on a dump of 10k pods); anything else by ip-num. */
export const ipv4: Check = (t) => (parseIpv4(t) >= 0 || Validator.isValidIPv4String(t)[0] ? undefined : `${t} is not an IPv4 address`);

/** A CIDR; Calico normalises some CIDRs itself, but the simulator wants them written masked. */
export const cidr: Check = (t) => {
  if (!Validator.isValidIPv4CidrNotation(t)[0] || parseCidr(t) === undefined) return `${t} is not a CIDR`;
  if (!Validator.isValidIPv4CidrRange(t)[0]) {
    return `${t} has host bits set (did you mean ${formatCidr(parseCidr(t) as NonNullable<ReturnType<typeof parseCidr>>)}?)`;
  }
  return undefined;
};

/** An address or a CIDR (an external endpoint). */
export const ipv4OrCidr: Check = (t) => (t.includes('/') ? cidr(t) : ipv4(t));

/** A Kubernetes DNS-1123 label (namespace, service, tenant names). */
export const dnsLabel: Check = (t) =>
  t.length <= 63 && DNS_LABEL.test(t) ? undefined : `${JSON.stringify(t)} is not a valid name (lower-case letters, digits and '-', at most 63)`;

/** A Kubernetes DNS-1123 subdomain (most object names). */
export const dnsSubdomain: Check = (t) =>
  t.length <= 253 && DNS_SUBDOMAIN.test(t) ? undefined : `${JSON.stringify(t)} is not a valid name (lower-case letters, digits, '-' and '.')`;

/** A container port name (IANA_SVC_NAME: at most 15 characters, at least one letter). */
export const portName: Check = (t) =>
  t.length <= 15 && PORT_NAME.test(t) && /[a-z]/.test(t) && !t.includes('--') ? undefined : `${JSON.stringify(t)} is not a valid port name`;

/** A BGP community `aa:nn` (16-bit parts) or large community `aa:nn:mm` (32-bit parts), RFC 1997 / RFC 8092. */
export const community: Check = (t) => {
  const parts = t.split(':');
  const max = parts.length === 2 ? 65535 : parts.length === 3 ? 4294967295 : -1;
  const ok = max > 0 && parts.every((p) => /^\d{1,10}$/.test(p) && Number(p) <= max);
  return ok ? undefined : `${t} is not a BGP community (aa:nn or aa:nn:mm)`;
};

/** A 4-byte AS number from its text: `64512` or dotted `1.10` (= 1·65536 + 10); undefined when invalid. */
export function parseAsNumber(text: string): number | undefined {
  const m = /^(\d{1,10})(?:\.(\d{1,5}))?$/.exec(text.trim());
  if (m === null) return undefined;
  const v = m[2] === undefined ? Number(m[1]) : Number(m[1]) * 65536 + Number(m[2]);
  if (m[2] !== undefined && (Number(m[1]) > 65535 || Number(m[2]) > 65535)) return undefined;
  return v >= 1 && v <= 4294967295 ? v : undefined;
}
