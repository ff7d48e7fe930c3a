// lib: IPv4 addresses as unsigned 32-bit numbers and CIDRs as (base, prefix length) for the hot paths.
// Input is validated with ip-num at the edges (src/scenario); these helpers assume well-formed text.

/** A CIDR as numbers: `base` has its host bits zero. */
export interface Cidr {
  readonly base: number;
  readonly len: number;
}

/** Parses text[from, to) as dotted-quad IPv4 — four groups of 1-3 decimal digits, no leading zero,
 *  each at most 255 — scanning characters (no match objects: hot on large scenarios); -1 when malformed. */
function scanIpv4(text: string, from: number, to: number): number {
  let v = 0;
  let i = from;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (i >= to || text.charCodeAt(i) !== 46) return -1; // '.'
      i++;
    }
    const start = i;
    let o = 0;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      o = o * 10 + (c - 48);
      i++;
    }
    const n = i - start;
    if (n === 0 || n > 3 || (n > 1 && text.charCodeAt(start) === 48) || o > 255) return -1;
    v = v * 256 + o;
  }
  return i === to ? v : -1;
}

/** Parses dotted-quad IPv4 to an unsigned 32-bit number, or returns -1 when malformed. */
export function parseIpv4(text: string): number {
  return scanIpv4(text, 0, text.length);
}

/** Formats an unsigned 32-bit number as dotted-quad IPv4. */
export function formatIpv4(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** Network mask for a prefix length, as an unsigned 32-bit number. */
export function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** Parses `a.b.c.d/n` (n: one or two digits, at most 32); `strict` rejects host bits. Returns undefined
 *  when malformed. */
export function parseCidr(text: string, strict = false): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = scanIpv4(text, 0, slash);
  const digits = text.length - slash - 1;
  if (ip < 0 || digits < 1 || digits > 2) return undefined;
  let len = 0;
  for (let i = slash + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    len = len * 10 + (c - 48);
  }
  if (len > 32) return undefined;
  const base = (ip & maskOf(len)) >>> 0;
  if (strict && base !== ip) return undefined;
  return { base, len };
}

/** Formats a CIDR as `a.b.c.d/n`. */
export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.len}`;
}

/** True when `ip` lies inside `c`. */
export function cidrContains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.len)) >>> 0) === c.base;
}

/** True when the two CIDRs share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const len = Math.min(a.len, b.len);
  const m = maskOf(len);
  return ((a.base & m) >>> 0) === ((b.base & m) >>> 0);
}

/** Number of addresses in a CIDR. */
export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.len);
}
