// model: CIDRs of rules, ipBlocks, ANP networks and network sets, validated at this edge (ip-num for IPv6)
// and turned into uint32 IPv4 Cidrs; IPv6 values are validated, then flagged (calisim is IPv4-only).
import { Validator } from 'ip-num';
import { maskOf, parseCidr, parseIpv4 } from '../../../lib/ipv4.js';
import type { Cidr } from '../../../lib/ipv4.js';
import { fail, type ReadCtx } from './read-json.js';

/** A parsed network: an IPv4 Cidr, or a marker for a valid IPv6 one. */
export type ParsedNet = { readonly v4: Cidr } | { readonly v6: true };

export interface NetOptions {
  /** Host bits must be zero (Calico rule `net` tag; an ANP/ipBlock value is masked instead). */
  readonly strict: boolean;
  /** A bare address is accepted as /32 (/128) (network sets' `cidr` tag). */
  readonly allowIp: boolean;
}

/** Parses one network string; reports and returns undefined when invalid. */
export function parseNet(ctx: ReadCtx, text: string, path: string, opts: NetOptions): ParsedNet | undefined {
  if (text.includes(':')) return parseV6(ctx, text, path, opts);
  if (!text.includes('/')) {
    if (opts.allowIp && parseIpv4(text) >= 0) return { v4: { base: parseIpv4(text), len: 32 } };
    fail(ctx, path, `invalid CIDR "${text}"`);
    return undefined;
  }
  const loose = parseCidr(text, false);
  if (!loose) {
    fail(ctx, path, `invalid CIDR "${text}"`);
    return undefined;
  }
  if (opts.strict && !parseCidr(text, true)) {
    fail(ctx, path, `CIDR "${text}" has host bits set (expected ${formatLoose(loose)})`);
    return undefined;
  }
  return { v4: loose };
}

function parseV6(ctx: ReadCtx, text: string, path: string, opts: NetOptions): ParsedNet | undefined {
  const withLen = text.includes('/') ? text : opts.allowIp ? `${text}/128` : '';
  if (!withLen || !Validator.isValidIPv6CidrNotation(withLen)[0]) {
    fail(ctx, path, `invalid CIDR "${text}"`);
    return undefined;
  }
  if (opts.strict && !Validator.isValidIPv6CidrRange(withLen)[0]) {
    fail(ctx, path, `CIDR "${text}" has host bits set`);
    return undefined;
  }
  return { v6: true };
}

function formatLoose(c: Cidr): string {
  return `${c.base >>> 24}.${(c.base >>> 16) & 255}.${(c.base >>> 8) & 255}.${c.base & 255}/${c.len}`;
}

/** True when `inner` lies inside `outer` and is strictly smaller. */
export function strictSubset(inner: Cidr, outer: Cidr): boolean {
  if (inner.len <= outer.len) return false;
  const mask = maskOf(outer.len);
  return ((inner.base & mask) >>> 0) === outer.base;
}
