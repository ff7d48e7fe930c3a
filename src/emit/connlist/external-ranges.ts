// emit: the address ranges outside the cluster that the connectivity list reports — the disjoint pieces the
// CIDRs of the rules cut 0.0.0.0-255.255.255.255 into (netpol-analyzer's `[External]` peers).
import { formatIpv4, type Cidr } from '../../lib/ipv4.js';
import type { EntityMatch, PolicyModel } from '../../model/policy/types.js';

export interface IpRange {
  readonly start: number;
  readonly end: number;
}

/** A set of addresses a rule or selector can tell apart: the union of `include` minus the union of `exclude`. */
interface Block {
  readonly include: readonly Cidr[];
  readonly exclude: readonly Cidr[];
}

const ALL: Cidr = { base: 0, len: 0 };

function end(c: Cidr): number {
  return c.base + 2 ** (32 - c.len);
}

function inside(list: readonly Cidr[], ip: number): boolean {
  return list.some((c) => ip >= c.base && ip < end(c));
}

function entityBlock(e: EntityMatch): Block | undefined {
  if (!e.nets && !e.notNets) return undefined;
  return { include: e.nets ?? [ALL], exclude: e.notNets ?? [] };
}

/** The blocks of one side: CIDRs of the rules (`side` of the `dir` rules), network sets and host endpoints. */
function blocks(model: PolicyModel, side: 'source' | 'destination'): Block[] {
  const dir = side === 'source' ? 'ingress' : 'egress';
  const out: Block[] = [];
  const add = (b: Block | undefined): void => {
    if (b) out.push(b);
  };
  for (const p of model.policies) for (const r of p[dir]) add(entityBlock(r[side]));
  for (const prof of model.profiles.values()) for (const r of prof[dir]) add(entityBlock(r[side]));
  for (const s of model.networkSets) if (s.nets.length > 0) add({ include: s.nets, exclude: [] });
  for (const h of model.hostEndpoints) for (const ip of h.ips) add({ include: [{ base: ip, len: 32 }], exclude: [] });
  return out;
}

/**
 * Ranges for external sources (`source`: CIDRs of ingress rules' sources) or destinations (`destination`:
 * CIDRs of egress rules' destinations), plus network-set CIDRs and host-endpoint addresses, which selectors
 * match: the maximal contiguous ranges whose addresses belong to the same blocks (netpol-analyzer's
 * disjoint IP blocks, one line per contiguous range).
 */
export function externalRanges(model: PolicyModel, side: 'source' | 'destination'): IpRange[] {
  const bs = blocks(model, side);
  const cuts = new Set<number>([0, 2 ** 32]);
  for (const b of bs) for (const c of [...b.include, ...b.exclude]) (cuts.add(c.base), cuts.add(end(c)));
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: IpRange[] = [];
  let last = '';
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const stop = (sorted[i + 1] as number) - 1;
    const sig = bs.map((b) => (inside(b.include, start) && !inside(b.exclude, start) ? '1' : '0')).join('');
    const prev = out[out.length - 1];
    if (prev && sig === last) out[out.length - 1] = { start: prev.start, end: stop };
    else out.push({ start, end: stop });
    last = sig;
  }
  return out;
}

/** `a.b.c.d-e.f.g.h[External]`. */
export function formatRange(r: IpRange): string {
  return `${formatIpv4(r.start)}-${formatIpv4(r.end)}[External]`;
}

/** An address of the range that is no pod, host endpoint or Service address (undefined if none is free). */
export function representativeIp(model: PolicyModel, r: IpRange): number | undefined {
  const taken = new Set<number>();
  for (const e of model.endpoints) if (e.ip !== undefined) taken.add(e.ip);
  for (const h of model.hostEndpoints) for (const ip of h.ips) taken.add(ip);
  for (const s of model.services) if (s.clusterIP !== undefined) taken.add(s.clusterIP);
  for (let ip = r.start, n = 0; ip <= r.end && n < 4096; ip++, n++) if (!taken.has(ip)) return ip;
  return undefined;
}


