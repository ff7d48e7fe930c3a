// emit: the rendered allowed and undecidable ports between two packet ends, memoised — per identity class
// pair when the caller knows the classes (every member of a class gets the same verdict on every packet,
// so a platform's 2,000 VMs in a few dozen classes cost a few thousand evaluations, not four million),
// else per endpoint pair as before.
import type { Outcome, Packet, Peer } from '../../model/policy/eval/types.js';
import type { Direction, PolicyModel, PortRange, Rule } from '../../model/policy/types.js';
import { addRange, CONN_PROTOCOLS, formatConnSet } from '../../verdict/policy/conn-set.js';
import { candidateRules, portIntervals } from '../../verdict/policy/port-intervals.js';
import { FIRST_FREE, portFreeProtocols } from '../../verdict/state/port-free-protocols.js';

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
  const compute = renderedConns(model, evaluate);
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

/** Verdict codes of one (protocol, interval): 2 bits each, 3 protocols, so 8 intervals fit 48 bits. */
const CODE: Readonly<Record<Outcome, number>> = { deny: 0, allow: 1, unknown: 2 };
const PACKED_INTERVALS = 8;

/**
 * `(src, dst) => PairConns` evaluating each pair's intervals: what a pair renders is a function of its
 * port intervals and the verdict at each (protocol, interval), so the rendering is memoised on exactly
 * that (the management cluster's 2,000 VMs, each a class of its own, are 4 million pairs with a few
 * dozen distinct renderings).
 */
function renderedConns(model: PolicyModel, evaluate: Evaluate): (s: Peer, d: Peer) => PairConns {
  const intervalsOf = intervalsCache(model);
  const rendered = new Map<readonly PortRange[], Map<number | string, PairConns>>();
  // A port-free protocol has one verdict at every interval, and one no rule tells apart from an earlier
  // port-free protocol has that protocol's: evaluated once, not per interval and protocol.
  let plan: readonly number[] | undefined;
  let codes = new Uint8Array(0);
  return (s, d) => {
    plan ??= portFreeProtocols(model, CONN_PROTOCOLS.map((p) => p.number));
    const intervals = intervalsOf(s, d);
    const L = intervals.length;
    if (codes.length < L * CONN_PROTOCOLS.length) codes = new Uint8Array(L * CONN_PROTOCOLS.length);
    const packed = L <= PACKED_INTERVALS;
    let n = 0;
    let text = '';
    for (let p = 0; p < CONN_PROTOCOLS.length; p++) {
      const how = plan[p]!;
      for (let i = 0; i < L; i++) {
        let c: number;
        if (how >= 0) c = codes[how * L + i]!;
        else if (how === FIRST_FREE && i > 0) c = codes[p * L]!;
        else c = CODE[evaluate(model, { src: s, dst: d, protocol: CONN_PROTOCOLS[p]!.number, dstPort: intervals[i]!.min }).verdict];
        codes[p * L + i] = c;
        if (packed) n = n * 4 + c;
        else text += String(c);
      }
    }
    const key = packed ? n : text;
    let byCodes = rendered.get(intervals);
    if (!byCodes) rendered.set(intervals, (byCodes = new Map()));
    let r = byCodes.get(key);
    if (!r) {
      r = renderCodes(intervals, codesOf(key, intervals.length * CONN_PROTOCOLS.length));
      byCodes.set(key, r);
    }
    return r;
  };
}

/** The codes a key of renderedConns packs, in the order they were packed. */
function codesOf(key: number | string, count: number): number[] {
  if (typeof key === 'string') return [...key].map(Number);
  const out: number[] = [];
  for (let i = 0, k = key; i < count; i++, k = Math.floor(k / 4)) out.unshift(k % 4);
  return out;
}

/** The PairConns of verdict codes (protocol-major, as renderedConns lists them) over `intervals`. */
function renderCodes(intervals: readonly PortRange[], codes: readonly number[]): PairConns {
  const allowed = new Map<string, PortRange[]>();
  const unknown = new Map<string, PortRange[]>();
  CONN_PROTOCOLS.forEach((proto, p) => {
    const a: PortRange[] = [];
    const u: PortRange[] = [];
    intervals.forEach((iv, i) => {
      const c = codes[p * intervals.length + i];
      if (c === CODE.allow) addRange(a, iv.min, iv.max);
      else if (c === CODE.unknown) addRange(u, iv.min, iv.max);
    });
    allowed.set(proto.name, a);
    unknown.set(proto.name, u);
  });
  return { allowed: formatConnSet(allowed), unknown: formatConnSet(unknown) };
}

/**
 * Candidate rules per (endpoint, direction), cached, each list with a number shared by every endpoint
 * whose list holds the same rules (2,000 VMs selected by the same few policies share a handful); an
 * address gets none (no policy applies there), number 0.
 */
export function rulesCache(model: PolicyModel): (p: Peer, dir: Direction) => { readonly rules: readonly Rule[]; readonly id: number } {
  type Entry = { readonly rules: readonly Rule[]; readonly id: number };
  // Preallocated: filled out of order, a growing array would fall back to a slow dictionary.
  const cache: Record<Direction, (Entry | undefined)[]> = { ingress: new Array<Entry | undefined>(model.endpoints.length).fill(undefined), egress: new Array<Entry | undefined>(model.endpoints.length).fill(undefined) };
  const lists = new Map<string, Entry>();
  const ruleIds = new Map<Rule, number>();
  const none = { rules: [], id: 0 };
  lists.set('', none);
  return (p, dir) => {
    if (!('endpoint' in p)) return none;
    const byEndpoint = cache[dir];
    let entry = byEndpoint[p.endpoint];
    if (!entry) {
      const rules = candidateRules(model, model.endpoints[p.endpoint], dir);
      const content = rules.map((r) => ruleIds.get(r) ?? (ruleIds.set(r, ruleIds.size).size - 1)).join(',');
      entry = lists.get(content);
      if (!entry) lists.set(content, (entry = { rules, id: lists.size }));
      byEndpoint[p.endpoint] = entry;
    }
    return entry;
  };
}

/** Port intervals per (source's egress rules, destination's ingress rules), cached per pair of rule lists. */
export function intervalsCache(model: PolicyModel): (s: Peer, d: Peer) => readonly PortRange[] {
  const rulesOf = rulesCache(model);
  // By egress list id, then ingress list id (ids are small: a few per distinct list of rules).
  const cache: (readonly PortRange[] | undefined)[][] = [];
  return (s, d) => {
    const e = rulesOf(s, 'egress');
    const i = rulesOf(d, 'ingress');
    const row = (cache[e.id] ??= []);
    let iv = row[i.id];
    if (!iv) {
      iv = portIntervals(model, [...e.rules, ...i.rules]);
      row[i.id] = iv;
    }
    return iv;
  };
}
