// emit: the rendered allowed and undecidable ports between two packet ends, memoised — per identity class
// pair when the caller knows the classes (every member of a class gets the same verdict on every packet,
// so a platform's 2,000 VMs in a few dozen classes cost a few thousand evaluations, not four million),
// else per endpoint pair as before.
import type { Outcome, Packet, Peer } from '../../model/policy/eval/types.js';
import type { Direction, PolicyModel, PortRange, Rule } from '../../model/policy/types.js';
import { addRange, CONN_PROTOCOLS, formatConnSet, type ConnSet } from '../../verdict/policy/conn-set.js';
import { candidateRules, portIntervals } from '../../verdict/policy/port-intervals.js';

/** A policy evaluator: only the verdict is read (the reference evaluator, or the compiled verdict). */
export type Evaluate = (model: PolicyModel, pkt: Packet) => { readonly verdict: Outcome };

/** The conns of one ordered pair, as formatConnSet renders them ('' = none). */
export interface PairConns {
  readonly allowed: string;
  readonly unknown: string;
}

/** The identity class of a packet end (the compiled policies' classOf). */
export type ClassOf = (p: Peer) => number;

/**
 * A memoised `(src, dst) => PairConns` of `model`; with `classOf`, one evaluation per class pair. The memo
 * is kept only when the representatives of `ends` share classes: where each is a class of its own (the
 * management cluster's VMs, each with its own name label) it would hold every pair and save nothing.
 */
export function pairConns(model: PolicyModel, evaluate: Evaluate, ends: readonly Peer[], classOf?: ClassOf): (s: Peer, d: Peer) => PairConns {
  const intervalsOf = intervalsCache(model);
  const compute = (s: Peer, d: Peer): PairConns => {
    const c = connsBetween(model, evaluate, s, d, intervalsOf(s, d));
    return { allowed: formatConnSet(c.allowed), unknown: formatConnSet(c.unknown) };
  };
  if (!classOf || new Set(ends.map(classOf)).size === ends.length) return compute;
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

/**
 * Candidate rules per (endpoint, direction), cached, each list with a number shared by every endpoint
 * whose list holds the same rules (2,000 VMs selected by the same few policies share a handful); an
 * address gets none (no policy applies there), number 0.
 */
export function rulesCache(model: PolicyModel): (p: Peer, dir: Direction) => { readonly rules: readonly Rule[]; readonly id: number } {
  const cache = new Map<string, { rules: readonly Rule[]; id: number }>();
  const lists = new Map<string, { rules: readonly Rule[]; id: number }>();
  const ruleIds = new Map<Rule, number>();
  const none = { rules: [], id: 0 };
  lists.set('', none);
  return (p, dir) => {
    if (!('endpoint' in p)) return none;
    const key = `${p.endpoint}/${dir}`;
    let entry = cache.get(key);
    if (!entry) {
      const rules = candidateRules(model, model.endpoints[p.endpoint], dir);
      const content = rules.map((r) => ruleIds.get(r) ?? (ruleIds.set(r, ruleIds.size).size - 1)).join(',');
      entry = lists.get(content);
      if (!entry) lists.set(content, (entry = { rules, id: lists.size }));
      cache.set(key, entry);
    }
    return entry;
  };
}

/** Port intervals per (source's egress rules, destination's ingress rules), cached per pair of rule lists. */
export function intervalsCache(model: PolicyModel): (s: Peer, d: Peer) => readonly PortRange[] {
  const rulesOf = rulesCache(model);
  const cache = new Map<string, readonly PortRange[]>();
  return (s, d) => {
    const e = rulesOf(s, 'egress');
    const i = rulesOf(d, 'ingress');
    const k = `${e.id}>${i.id}`;
    let iv = cache.get(k);
    if (!iv) {
      iv = portIntervals(model, [...e.rules, ...i.rules]);
      cache.set(k, iv);
    }
    return iv;
  };
}
