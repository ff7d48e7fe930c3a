// model: port values — Calico numorstring.Port (number, "min:max", or a named port), Kubernetes
// IANA_SVC_NAME port names — and Calico's SimplifyPorts merge of numeric ports into minimal ranges.
import type { JsonValue } from '../../../scenario/types.js';
import { fail, readArray, type ReadCtx } from './read-json.js';
import type { PortMatch, PortRange } from '../types.js';

/** One parsed port entry. */
export type PortEntry = { readonly range: PortRange } | { readonly named: string };

const CALICO_PORT_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

/** True for a valid port number 1..65535. */
export function isPortNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** Kubernetes IANA_SVC_NAME: 1-15 of [a-z0-9-], at least one letter, no leading/trailing/double hyphen. */
export function isK8sPortName(s: string): boolean {
  return (
    s.length >= 1 &&
    s.length <= 15 &&
    /^[a-z0-9-]+$/.test(s) &&
    /[a-z]/.test(s) &&
    !s.startsWith('-') &&
    !s.endsWith('-') &&
    !s.includes('--')
  );
}

/**
 * A Calico v3 port (api/pkg/lib/numorstring/port.go): an integer, a digit string, `"min:max"` (inclusive), or
 * else a named port matching ^[a-zA-Z0-9_.-]{1,128}$ — so `"80-90"` is a *named* port. 0 is rejected
 * (validator.go validatePort), as is min > max.
 */
export function parseCalicoPort(ctx: ReadCtx, v: JsonValue, path: string): PortEntry | undefined {
  if (typeof v === 'number') return numericPort(ctx, v, v, path);
  if (typeof v !== 'string') {
    fail(ctx, path, 'port must be a number or a string');
    return undefined;
  }
  if (/^\d+$/.test(v)) return numericPort(ctx, Number(v), Number(v), path);
  const m = /^(\d+):(\d+)$/.exec(v);
  if (m) return numericPort(ctx, Number(m[1]), Number(m[2]), path);
  if (!CALICO_PORT_NAME.test(v)) {
    fail(ctx, path, `invalid name for named port (${v})`);
    return undefined;
  }
  return { named: v };
}

function numericPort(ctx: ReadCtx, min: number, max: number, path: string): PortEntry | undefined {
  if (!isPortNumber(min) || !isPortNumber(max)) {
    fail(ctx, path, `port ${min === max ? min : `${min}:${max}`} is invalid: port numbers must be between 1 and 65535`);
    return undefined;
  }
  if (min > max) {
    fail(ctx, path, `minimum port number (${min}) is greater than maximum port number (${max}) in port range`);
    return undefined;
  }
  return { range: { min, max } };
}

/** A Calico `ports` / `notPorts` list (undefined when absent or empty). */
export function parseCalicoPorts(ctx: ReadCtx, v: JsonValue | undefined, path: string): PortMatch | undefined {
  const arr = readArray(ctx, v, path);
  if (!arr || arr.length === 0) return undefined;
  const entries: PortEntry[] = [];
  arr.forEach((item, i) => {
    const e = parseCalicoPort(ctx, item, `${path}[${i}]`);
    if (e) entries.push(e);
  });
  return portMatch(entries);
}

/** Groups entries into a PortMatch (numeric ranges merged as SimplifyPorts does; names de-duplicated in order). */
export function portMatch(entries: readonly PortEntry[]): PortMatch {
  const ranges: PortRange[] = [];
  const named: string[] = [];
  for (const e of entries) {
    if ('range' in e) ranges.push(e.range);
    else if (!named.includes(e.named)) named.push(e.named);
  }
  return { ranges: simplifyRanges(ranges), named };
}

/** Minimal sorted list of ranges covering the same ports (conversion.go SimplifyPorts). */
export function simplifyRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.min - b.min || a.max - b.max);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.min <= last.max + 1) out[out.length - 1] = { min: last.min, max: Math.max(last.max, r.max) };
    else out.push({ min: r.min, max: r.max });
  }
  return out;
}

/** True when `port` lies in one of the ranges. */
export function inRanges(ranges: readonly PortRange[], port: number): boolean {
  for (const r of ranges) if (port >= r.min && port <= r.max) return true;
  return false;
}
