// lib: IPv4 addresses as unsigned 32-bit numbers and CIDRs as (base, prefix length) for the hot paths.
// Input is validated with ip-num at the edges (src/scenario); these helpers assume well-formed text.

/** A CIDR as numbers: `base` has its host bits zero. */
export interface Cidr {
  readonly base: number;
  readonly len: number;
}

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses dotted-quad IPv4 to an unsigned 32-bit number, or returns -1 when malformed. */
export function parseIpv4(text: string): number {
  const m = DOTTED.exec(text);
  if (!m) return -1;
  let v = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i] as string;
    if (part.length > 1 && part[0] === '0') return -1;
    const o = Number(part);
    if (o > 255) return -1;
    v = v * 256 + o;
  }
  return v;
}

/** Formats an unsigned 32-bit number as dotted-quad IPv4. */
export function formatIpv4(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** Network mask for a prefix length, as an unsigned 32-bit number. */
export function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** Parses `a.b.c.d/n`; `strict` rejects host bits. Returns undefined when malformed. */
export function parseCidr(text: string, strict = false): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIpv4(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (ip < 0 || !/^\d{1,2}$/.test(lenText)) return undefined;
  const len = Number(lenText);
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
