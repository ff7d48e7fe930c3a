// compile: every destination-port class of one protocol (or several) in turn, with one matrix carried from
// class to class —
// between neighbouring port intervals only rules with a range edge at the cut (or named ports and Services at
// a declared port) change, so only the rows of their policies' targets are recomputed; a rule that cannot
// match the protocol at all (another protocol, ICMP) matches nothing at every port and never changes.
import { KIND_HEP } from '../classes/class-table.js';
import { serviceIndex, type CRule } from '../rules/compile-rules.js';
import { failsafePorts, l4Matches } from '../rules/packet-class.js';
import { MatrixState } from './matrix-state.js';
import type { PolicyCore } from './policy-core.js';
import { RuleState } from '../rules/rule-state.js';

/** A protocol to sweep: every port interval, or (`ports` false: no rule tells its ports apart) one visit. */
export interface SweptProtocol {
  readonly protocol: number;
  readonly ports: boolean;
}

/** Calls `visit(lo, hi, state)` for every port interval [lo, hi] of `protocol`, in order; returns their count. */
export function sweepPorts(core: PolicyCore, protocol: number, visit: (lo: number, hi: number, state: MatrixState) => void): number {
  return sweepProtocols(core, [{ protocol, ports: true }], (_protocol, lo, hi, state) => visit(lo, hi, state));
}

/**
 * sweepPorts of each protocol of `list` in turn, with one matrix carried from protocol to protocol too: at the
 * first port of the next protocol only the rules whose sets the protocol changes are retargeted, and the rows
 * of their targets recomputed (B1 built the matrix of SCTP, TCP and UDP in full, each time nearly the same).
 * A protocol without `ports` is visited once, as [1, 65535]. Returns the number of visits.
 */
export function sweepProtocols(core: PolicyCore, list: readonly SweptProtocol[], visit: (protocol: number, lo: number, hi: number, state: MatrixState) => void): number {
  const intervals = core.packets.intervals();
  const anyHost = core.u.classes.kind.some((k, c) => c < core.u.classes.n && k === KIND_HEP);
  // The rows to recompute, as bitsets of classes: each changed rule's policy targets ORed word by word.
  const rows: Rows = { ingress: new Int32Array(core.words), egress: new Int32Array(core.words) };
  let carried: { readonly rs: RuleState; readonly state: MatrixState } | undefined;
  let count = 0;
  for (const { protocol, ports } of list) {
    const [lo, hi] = ports ? (intervals[0] as [number, number]) : [1, 65535];
    if (!carried) {
      const rs = new RuleState({ protocol, dstPort: lo }, core.ctx, core.named);
      carried = { rs, state: new MatrixState(rs, core) };
    } else {
      recomputeRules(core, carried.state, rows, carried.rs.switchPacket({ protocol, dstPort: lo }), anyHost);
    }
    visit(protocol, lo, hi, carried.state);
    count++;
    if (ports) count += sweepCuts(core, carried.rs, carried.state, protocol, intervals, rows, anyHost, (a, b, m) => visit(protocol, a, b, m)) - 1;
  }
  carried?.rs.release();
  return count;
}

type Rows = Record<CRule['dir'], Int32Array>;

/** The intervals after the first of one protocol, each from the one before; returns the interval count. */
function sweepCuts(core: PolicyCore, rs: RuleState, state: MatrixState, protocol: number, intervals: readonly [number, number][], rows: Rows, anyHost: boolean, visit: (lo: number, hi: number, state: MatrixState) => void): number {
  const [first] = intervals[0] as [number, number];
  const byCut = new Map<number, CRule[]>();
  // Rules whose sets depend on the port number itself (named ports, Services), by the numbers they name.
  const exact = new Map<number, CRule[]>();
  let svcPorts: Map<number, Set<number>> | undefined;
  const at = (p: number, r: CRule): void => {
    const list = byCut.get(p);
    if (list) list.push(r);
    else byCut.set(p, [r]);
  };
  for (const r of core.ctx.table) {
    // l4Matches reads the protocol and ICMP fields only, never the port (packet-class.ts).
    if (!r || !l4Matches(r.rule, { protocol, dstPort: first })) continue;
    const d = r.rule.destination;
    for (const m of [d.ports, d.notPorts]) {
      for (const range of m?.ranges ?? []) {
        at(range.min, r);
        at(range.max + 1, r);
      }
    }
    if ((d.ports?.named.length ?? 0) === 0 && (d.notPorts?.named.length ?? 0) === 0 && !d.services) continue;
    for (const p of exactPorts(core, r, (svcPorts ??= servicePorts(core)))) {
      const list = exact.get(p);
      if (list) list.push(r);
      else exact.set(p, [r]);
    }
  }
  const failsafe = new Set(failsafePorts(protocol));
  let prev: Step | undefined;
  for (let k = 1; k < intervals.length; k++) {
    const [lo, hi] = intervals[k] as [number, number];
    const changed = new Set(byCut.get(lo) ?? []);
    for (const r of exact.get(lo) ?? []) changed.add(r);
    for (const r of exact.get(lo - 1) ?? []) changed.add(r);
    // HostEndpoints change at a failsafe port whatever the rules (they accept everything there).
    const hosts = anyHost && (failsafe.has(lo) || failsafe.has(lo - 1));
    const step = stepOf(rs, [...changed], hosts);
    rs.retarget({ protocol, dstPort: lo }, step.rules);
    const back = prev !== undefined && undoes(rs, prev, step);
    prev = step;
    if (back) {
      // Out of a one-port interval ([80, 80] then [81, ...]): every rule is as it was before it.
      state.revert();
      visit(lo, hi, state);
      continue;
    }
    recomputeRules(core, state, rows, changed, hosts);
    visit(lo, hi, state);
  }
  return intervals.length;
}

/**
 * Recomputes the rows of the targets of `changed` rules' policies in the rules' directions, those whose
 * programs can change (MatrixState.liveTargets); every target for a profile rule, HostEndpoints for `hosts`.
 */
function recomputeRules(core: PolicyCore, state: MatrixState, rows: Rows, changed: Iterable<CRule>, hosts: boolean): void {
  const policies: Record<CRule['dir'], Set<NonNullable<CRule['policy']>>> = { ingress: new Set(), egress: new Set() };
  let profiles = false;
  for (const r of changed) {
    if (r.policy) policies[r.dir].add(r.policy);
    else profiles = true;
  }
  const all = [...new Set([...policies.ingress, ...policies.egress])];
  if (!profiles && !hosts) {
    state.recompute(state.liveTargets('ingress', policies.ingress), state.liveTargets('egress', policies.egress), all, true);
    return;
  }
  rows.ingress.fill(0);
  rows.egress.fill(0);
  for (const dir of ['ingress', 'egress'] as const) for (const p of policies[dir]) orSlot(rows[dir], core.pool.data, p.targets);
  for (let c = 0; c < core.u.classes.n; c++) {
    if (profiles ? core.isTarget(c) : core.u.classes.kind[c] === KIND_HEP) {
      rows.ingress[c >>> 5] |= 1 << (c & 31);
      rows.egress[c >>> 5] |= 1 << (c & 31);
    }
  }
  state.recompute(bitsOf(rows.ingress), bitsOf(rows.egress), all, true);
}

/** The rules a cut retargets, with their sets in the rule state before it, and whether failsafe ports change there. */
interface Step {
  readonly rules: readonly CRule[];
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly hosts: boolean;
}

function stepOf(rs: RuleState, rules: readonly CRule[], hosts: boolean): Step {
  return { rules, src: Int32Array.from(rules, (r) => rs.effSrc[r.id]!), dst: Int32Array.from(rules, (r) => rs.effDst[r.id]!), hosts };
}

/**
 * Whether the rule state, just retargeted by `cur`, is back where it was before `prev` (the cut just
 * before): every rule of both steps holds the sets it held then (a rule of `cur` alone held them until
 * `cur`), and no failsafe port changed (HostEndpoint programs read the port itself). The matrix's rows
 * are a function of the rule state, so they are the rows before `prev` too.
 */
function undoes(rs: RuleState, prev: Step, cur: Step): boolean {
  if (prev.hosts || cur.hosts) return false;
  const inPrev = new Set(prev.rules);
  for (let i = 0; i < prev.rules.length; i++) {
    const id = prev.rules[i]!.id;
    if (rs.effSrc[id] !== prev.src[i] || rs.effDst[id] !== prev.dst[i]) return false;
  }
  for (let i = 0; i < cur.rules.length; i++) {
    const r = cur.rules[i]!;
    if (!inPrev.has(r) && (rs.effSrc[r.id] !== cur.src[i] || rs.effDst[r.id] !== cur.dst[i])) return false;
  }
  return true;
}

/**
 * The port numbers at which a rule's destination set may change beyond its ranges: the numbers declared
 * under its named ports (rule-state.ts's portDestination reads only declarations of the packet's port) and
 * its Service's ports (orServiceBackends reads only backends serving it). Each is a one-port interval of
 * the packet classes, so the set can only change entering or leaving it.
 */
function exactPorts(core: PolicyCore, r: CRule, svcPorts: ReadonlyMap<number, ReadonlySet<number>>): Set<number> {
  const d = r.rule.destination;
  const out = new Set<number>();
  core.named.numbersOf(d.ports?.named ?? [], out);
  core.named.numbersOf(d.notPorts?.named ?? [], out);
  if (d.services) for (const p of svcPorts.get(serviceIndex(core.ctx.model, d.services)) ?? []) out.add(p);
  return out;
}

/** Each Service's ports (any protocol), by Service index, as the classes' backend facts hold them. */
function servicePorts(core: PolicyCore): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const facts of core.u.classes.services) {
    for (const f of facts) {
      let set = out.get(f.svc);
      if (!set) out.set(f.svc, (set = new Set()));
      for (const pp of f.ports) set.add(pp & 65535);
    }
  }
  return out;
}

/** bits |= the class set at `slot` of the pool. */
function orSlot(bits: Int32Array, data: Int32Array, slot: number): void {
  for (let w = 0; w < bits.length; w++) bits[w] |= data[slot + w]!;
}

/** The classes set in `bits`, ascending. */
function bitsOf(bits: Int32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      out.push(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}
