// model: parsers for the scalar values of Calico BGP resources — AS numbers (plain or dotted),
// Go durations (`90s`, `1m30s`) and `ip[:port]` peer addresses — as libcalico-go reads them — and
// confd's key order for CIDR lists.
import type { JsonValue } from '../../scenario/types.js';
import { parseIpv4 } from '../../lib/ipv4.js';

/** Largest 4-byte AS number. */
export const MAX_AS_NUMBER = 4294967295;

/**
 * Parses an AS number as numorstring.ASNumberFromString does: a plain uint32 or dotted `a.b`
 * (= a·65536 + b, both 16-bit). Returns undefined when malformed or outside 1..4294967295
 * (0 is Calico's "unset").
 */
export function parseAsNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1 && value <= MAX_AS_NUMBER ? value : undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    return n >= 1 && n <= MAX_AS_NUMBER ? n : undefined;
  }
  const m = /^(\d+)\.(\d+)$/.exec(value);
  if (!m) return undefined;
  const hi = Number(m[1]);
  const lo = Number(m[2]);
  if (hi > 65535 || lo > 65535) return undefined;
  const n = hi * 65536 + lo;
  return n >= 1 ? n : undefined;
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * Parses a Go duration (`time.ParseDuration`: `90s`, `1m30s`, `1.5h`, `500ms`) and rounds it to whole
 * seconds as confd does (`int(math.Round(d.Seconds()))`). Returns undefined when malformed.
 */
export function parseDurationSeconds(value: JsonValue | undefined): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) !== null) {
    total += Number(m[1]) * (DURATION_UNITS[m[2] as string] as number);
    pos = re.lastIndex;
  }
  if (pos !== value.length) return undefined;
  return Math.round(total);
}

/** A peer address split as `net.SplitHostPort` would: port 0 when none is given. */
export interface PeerAddress {
  readonly ip: string;
  readonly port: number;
  readonly family: 4 | 6;
}

/** Parses `a.b.c.d`, `a.b.c.d:port`, `v6` or `[v6]:port`; undefined when malformed. */
export function parsePeerAddress(text: string): PeerAddress | undefined {
  let host = text;
  let port = 0;
  const bracket = /^\[([^\]]+)\]:(\d+)$/.exec(text);
  const v4Port = /^([\d.]+):(\d+)$/.exec(text);
  if (bracket) {
    host = bracket[1] as string;
    port = Number(bracket[2]);
  } else if (v4Port) {
    host = v4Port[1] as string;
    port = Number(v4Port[2]);
  }
  if (port > 65535) return undefined;
  if (parseIpv4(host) >= 0) return { ip: host, port, family: 4 };
  if (host.includes(':') && /^[0-9a-fA-F:.]+$/.test(host)) return { ip: host, port, family: 6 };
  return undefined;
}

/** True for dotted-quad IPv4 text. */
export function isIpv4(text: string): boolean {
  return parseIpv4(text) >= 0;
}

/** CIDRs in the order confd lists their datastore keys (`a.b.c.d-len`, byte order). */
export function sortByKey(cidrs: readonly string[]): string[] {
  const key = (c: string): string => c.replace('/', '-');
  return [...cidrs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
