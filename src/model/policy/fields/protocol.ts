// model: protocol names and numbers as Calico v3 (numorstring.Protocol, case-sensitive names) and the
// Kubernetes API (TCP/UDP/SCTP only) accept them.
import type { JsonValue } from '../../../scenario/types.js';
import { fail, type ReadCtx } from './read-json.js';

const CALICO_NAMES: Readonly<Record<string, number>> = {
  TCP: 6,
  UDP: 17,
  ICMP: 1,
  ICMPv6: 58,
  SCTP: 132,
  UDPLite: 136,
};

const NUMBER_NAMES: Readonly<Record<number, string>> = {
  1: 'ICMP',
  6: 'TCP',
  17: 'UDP',
  58: 'ICMPv6',
  132: 'SCTP',
  136: 'UDPLite',
};

/** `TCP` for 6, …; the decimal number for protocols without a Calico name. */
export function protocolName(n: number): string {
  return NUMBER_NAMES[n] ?? String(n);
}

/** Protocols whose rules may carry numeric ports (numorstring.Protocol.SupportsPorts: TCP, UDP, SCTP). */
export function supportsPorts(n: number): boolean {
  return n === 6 || n === 17 || n === 132;
}

/**
 * A Calico v3 `protocol` / `notProtocol`: an integer 1–255 (also as a digit string) or one of TCP, UDP, ICMP,
 * ICMPv6, SCTP, UDPLite — case-sensitive (`tcp` is rejected by validator.go's protocolRegex).
 */
export function parseCalicoProtocol(ctx: ReadCtx, v: JsonValue | undefined, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\d+$/.test(v)) n = Number(v);
  if (n !== undefined) {
    if (!Number.isInteger(n) || n < 1 || n > 255) {
      fail(ctx, path, `protocol number ${String(v)} is invalid (must be 1-255)`);
      return undefined;
    }
    return n;
  }
  if (typeof v === 'string') {
    const known = CALICO_NAMES[v];
    if (known !== undefined && Object.hasOwn(CALICO_NAMES, v)) return known;
    const hint = Object.keys(CALICO_NAMES).find((k) => k.toLowerCase() === v.toLowerCase());
    fail(
      ctx,
      path,
      `protocol name "${v}" is invalid (Calico v3 names are case-sensitive: TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite${hint ? `; did you mean ${hint}?` : ''})`,
    );
    return undefined;
  }
  fail(ctx, path, 'protocol must be a name or a number');
  return undefined;
}

/** A Kubernetes protocol (NetworkPolicyPort, AdminNetworkPolicy ports): TCP, UDP or SCTP; `dflt` when absent. */
export function parseK8sProtocol(
  ctx: ReadCtx,
  v: JsonValue | undefined,
  path: string,
  dflt: number | undefined,
): number | undefined {
  if (v === undefined || v === null) return dflt;
  if (v === 'TCP') return 6;
  if (v === 'UDP') return 17;
  if (v === 'SCTP') return 132;
  fail(ctx, path, `unsupported value ${JSON.stringify(v)}: supported values: "SCTP", "TCP", "UDP"`);
  return undefined;
}
