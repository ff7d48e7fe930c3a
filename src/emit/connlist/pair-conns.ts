// emit: the rendered allowed and undecidable ports between two packet ends, memoised — per identity class
// pair when the caller knows the classes (every member of a class gets the same verdict on every packet,
// so a platform's 2,000 VMs in a few dozen classes cost a few thousand evaluations, not four million),
// else per endpoint pair as before.
import type { Packet, Peer, Verdict } from '../../model/policy/eval/types.js';
import type { Direction, PolicyModel, PortRange, Rule } from '../../model/policy/types.js';
import { addRange, CONN_PROTOCOLS, formatConnSet, type ConnSet } from '../../verdict/policy/conn-set.js';
import { candidateRules, portIntervals } from '../../verdict/policy/port-intervals.js';

export type Evaluate = (model: PolicyModel, pkt: Packet) => Verdict;

/** The conns of one ordered pair, as formatConnSet renders them ('' = none). */
export interface PairConns {
  readonly allowed: string;
  readonly unknown: string;
}

/** The identity class of a packet end (the compiled policies' classOf). */
export type ClassOf = (p: Peer) => number;

/** A memoised `(src, dst) => PairConns` of `model`; with `classOf`, one evaluation per class pair. */
export function pairConns(model: PolicyModel, evaluate: Evaluate, classOf?: ClassOf): (s: Peer, d: Peer) => PairConns {
  const intervalsOf = intervalsCache(model);
  const compute = (s: Peer, d: Peer): PairConns => {
    const c = connsBetween(model, evaluate, s, d, intervalsOf(s, d));
    return { allowed: formatConnSet(c.allowed), unknown: formatConnSet(c.unknown) };
  };
  if (!classOf) return compute;
  const memo = new Map<number, PairConns>();
  // Class numbers are below 2^26 (they index bit matrices), so the pair fits a float64 key exactly.
  return (s, d) => {
    const key = classOf(s) * 0x4000000 + classOf(d);
    let r = memo.get(key);
    if (!r) {
      r = compute(s, d);
      memo.set(key, r);
    }
    return r;
  };
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
