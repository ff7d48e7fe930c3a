// emit: the workload-level connectivity list in np-guard netpol-analyzer's layout — `src => dst : conns`
// lines sorted by source then destination, self-connections left out, outside addresses as `[External]` ranges.
import type { Direction, PolicyModel, PortRange, Rule } from '../../model/policy/types.js';
import type { Packet, Peer, Verdict } from '../../model/policy/eval/types.js';
import { addRange, CONN_PROTOCOLS, formatConnSet, type ConnSet } from '../../verdict/policy/conn-set.js';
import { externalRanges, formatRange, representativeIp } from './external-ranges.js';
import { candidateRules, portIntervals } from '../../verdict/policy/port-intervals.js';
import { groupWorkloads } from '../../verdict/policy/workloads.js';

export type Evaluate = (model: PolicyModel, pkt: Packet) => Verdict;

export interface ConnLine {
  readonly src: string;
  readonly dst: string;
  /** `All Connections`, `TCP 80,UDP 53`, ... */
  readonly conns: string;
}

export interface Connlist {
  readonly lines: readonly ConnLine[];
  /** Pairs where some ports could not be decided (`unknown` verdicts), rendered like `conns`; not in `lines`. */
  readonly unknown: readonly ConnLine[];
}

/** The allowed (and undecidable) TCP/UDP/SCTP ports from `src` to `dst`, one evaluation per port interval. */
export function connsBetween(model: PolicyModel, evaluate: Evaluate, src: Peer, dst: Peer, intervals: readonly PortRange[]): { allowed: ConnSet; unknown: ConnSet } {
  const allowed = new Map<string, PortRange[]>();
  const unknown = new Map<string, PortRange[]>();
  for (const proto of CONN_PROTOCOLS) {
    const a: PortRange[] = [];
    const u: PortRange[] = [];
    for (const iv of intervals) {
      const v = evaluate(model, { src, dst, protocol: proto.number, dstPort: iv.min });
      if (v.verdict === 'allow') addRange(a, iv.min, iv.max);
      else if (v.verdict === 'unknown') addRange(u, iv.min, iv.max);
    }
    allowed.set(proto.name, a);
    unknown.set(proto.name, u);
  }
  return { allowed, unknown };
}

/** Computes the connectivity list of every pair of distinct workloads and of workloads and outside ranges. */
export function connlist(model: PolicyModel, evaluate: Evaluate): Connlist {
  const workloads = groupWorkloads(model);
  const lines: ConnLine[] = [];
  const unknown: ConnLine[] = [];
  const intervalsOf = intervalsCache(model);
  const add = (src: string, dst: string, s: Peer, d: Peer): void => {
    const c = connsBetween(model, evaluate, s, d, intervalsOf(s, d));
    const text = formatConnSet(c.allowed);
    if (text !== '') lines.push({ src, dst, conns: text });
    const u = formatConnSet(c.unknown);
    if (u !== '') unknown.push({ src, dst, conns: u });
  };
  for (const a of workloads) {
    for (const b of workloads) {
      if (a.id === b.id) continue;
      add(a.id, b.id, { endpoint: a.endpoints[0] as number }, { endpoint: b.endpoints[0] as number });
    }
  }
  for (const r of externalRanges(model, 'source')) {
    const ip = representativeIp(model, r);
    if (ip === undefined) continue;
    for (const w of workloads) add(formatRange(r), w.id, { ip }, { endpoint: w.endpoints[0] as number });
  }
  for (const r of externalRanges(model, 'destination')) {
    const ip = representativeIp(model, r);
    if (ip === undefined) continue;
    for (const w of workloads) add(w.id, formatRange(r), { endpoint: w.endpoints[0] as number }, { ip });
  }
  const order = (x: ConnLine, y: ConnLine): number => (x.src !== y.src ? (x.src < y.src ? -1 : 1) : x.dst < y.dst ? -1 : x.dst > y.dst ? 1 : 0);
  return { lines: lines.sort(order), unknown: unknown.sort(order) };
}

/** Candidate rules per (endpoint, direction), cached; an address gets none (no policy applies there). */
export function rulesCache(model: PolicyModel): (p: Peer, dir: Direction) => readonly Rule[] {
  const cache = new Map<string, readonly Rule[]>();
  return (p, dir) => {
    if (!('endpoint' in p)) return [];
    const key = `${p.endpoint}/${dir}`;
    let rules = cache.get(key);
    if (!rules) {
      rules = candidateRules(model, model.endpoints[p.endpoint], dir);
      cache.set(key, rules);
    }
    return rules;
  };
}

/** Port intervals per (source endpoint or address, destination endpoint or address), cached. */
export function intervalsCache(model: PolicyModel): (s: Peer, d: Peer) => readonly PortRange[] {
  const rulesOf = rulesCache(model);
  const cache = new Map<string, readonly PortRange[]>();
  const key = (p: Peer): string => ('endpoint' in p ? String(p.endpoint) : 'address');
  return (s, d) => {
    const k = `${key(s)}>${key(d)}`;
    let iv = cache.get(k);
    if (!iv) {
      iv = portIntervals(model, [...rulesOf(s, 'egress'), ...rulesOf(d, 'ingress')]);
      cache.set(k, iv);
    }
    return iv;
  };
}

/** One line per allowed connection, `src => dst : conns`, newline-terminated (empty list → ''). */
export function formatConnlist(c: Connlist): string {
  return c.lines.map((l) => `${l.src} => ${l.dst} : ${l.conns}\n`).join('');
}
