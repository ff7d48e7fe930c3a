// verdict: what a compiled model lets through at every port and at some port — one sweep over every
// destination-port class of SCTP, TCP and UDP, AND-ing and OR-ing each class × class bit matrix: the allow
// matrix (both sides, the reference-decided classes overlaid), and, only for a caller that asks (the
// isolation check's outer wall), each side's own rows (egress E, ingress I). Computed once per compiled
// model and shared by the page's block matrix and the isolation check.
import type { PolicyMatrix } from '../../compile/policy/matrix/policy-matrix.js';
import type { CompiledPolicies } from '../../compile/policy/compiled-policies.js';
import type { PolicyModel } from '../../model/policy/types.js';
import { CONN_PROTOCOLS } from '../policy/conn-set.js';
import { compiledOf } from './fast-evaluate.js';
import { FIRST_FREE, portFreeProtocols } from './port-free-protocols.js';
import { SweepAccumulator, type SweepTotals } from './sweep-accumulator.js';

/** Class × class bits, `words` words a row, one row per class (row a, bit b: `a * words + (b >>> 5)`). */
export interface PortSweepSummary {
  readonly words: number;
  /** Class a reaches class b on every port of every protocol. */
  readonly allowAll: Int32Array;
  /** Class a reaches class b on some port of some protocol. */
  readonly allowAny: Int32Array;
}

/** Each side's own rows ORed over every port (uncertain classes not overlaid). */
export interface PortSweepSides extends PortSweepSummary {
  /** Class a's egress lets some packet to class b out (its own side alone). */
  readonly egressAny: Int32Array;
  /** Class b's ingress lets some packet from class a in (row b, bit a; its own side alone, as egressAny). */
  readonly ingressAny: Int32Array;
}

const summaries = new WeakMap<PolicyModel, { readonly cp: CompiledPolicies; readonly summary: PortSweepSummary | PortSweepSides }>();

/** The summary of `model`'s compiled policies (swept on first use, again after they changed). */
export function portSweepSummary(model: PolicyModel): PortSweepSummary {
  const cp = compiledOf(model);
  const known = summaries.get(model);
  if (known && known.cp === cp) return known.summary;
  const summary = sweep(model, cp, false);
  summaries.set(model, { cp, summary });
  return summary;
}

/** The summary with each side's rows: a second sweep when the allow bits alone were swept before. */
export function portSweepSides(model: PolicyModel): PortSweepSides {
  const cp = compiledOf(model);
  const known = summaries.get(model);
  if (known && known.cp === cp && 'egressAny' in known.summary) return known.summary;
  const summary = sweep(model, cp, true);
  summaries.set(model, { cp, summary });
  return summary;
}

function sweep(model: PolicyModel, cp: CompiledPolicies, sides: true): PortSweepSides;
function sweep(model: PolicyModel, cp: CompiledPolicies, sides: boolean): PortSweepSummary;
function sweep(model: PolicyModel, cp: CompiledPolicies, sides: boolean): PortSweepSummary {
  // Without reference-decided classes the allow bits are E AND the transpose of I (matrix-state.ts's
  // allowBits), folded interval by interval from the rows each one changed (sweep-accumulator.ts).
  const direct = cp.uncertainClasses().length === 0;
  let words = 0;
  let acc: SweepAccumulator | undefined;
  let plain: PlainSweep | undefined;
  const plan = portFreeProtocols(model, CONN_PROTOCOLS.map((p) => p.number));
  // A port-free protocol that no rule tells apart from one already read has the same matrix: AND and OR of
  // it again change nothing (the management cluster's outer wall names no protocol at all). A protocol no
  // rule matches by port has one matrix for every port: read once, not swept.
  const list = CONN_PROTOCOLS.flatMap((p, pi) => (plan[pi]! >= 0 ? [] : [{ protocol: p.number, ports: plan[pi] !== FIRST_FREE }]));
  // One matrix carried across every interval of every protocol: each visit's changed rows fold into the totals.
  let first = true;
  cp.sweepProtocols(list, (_protocol, _lo, _hi, m) => {
    words = m.words;
    if (!direct) {
      (plain ??= plainSweep(cp.classCount, m.words, sides)).visit(m);
      return;
    }
    acc ??= new SweepAccumulator(cp.classCount, m.words, sides);
    const rows = first ? undefined : m.changedRows;
    if (rows) acc.next(m.egress, m.ingress, rows);
    else acc.first(m.egress, m.ingress);
    first = false;
  });
  const done = acc ? acc.finish() : plain!.totals;
  return sides ? { words, ...done } : { words, allowAll: done.allowAll, allowAny: done.allowAny };
}

interface PlainSweep {
  readonly totals: SweepTotals;
  visit(m: PolicyMatrix): void;
}

/** Each interval's materialized allow matrix (the reference-decided cells overlaid) ANDed and ORed in full. */
function plainSweep(n: number, words: number, sides: boolean): PlainSweep {
  const size = n * words;
  const totals = { allowAll: new Int32Array(size).fill(-1), allowAny: new Int32Array(size), egressAny: new Int32Array(sides ? size : 0), ingressAny: new Int32Array(sides ? size : 0) };
  const visit = (m: PolicyMatrix): void => {
    const { allowAll, allowAny, egressAny, ingressAny } = totals;
    const M = m.allow;
    for (let i = 0; i < size; i++) {
      allowAll[i] &= M[i]!;
      allowAny[i] |= M[i]!;
    }
    if (!sides) return;
    const E = m.egress;
    const I = m.ingress;
    for (let i = 0; i < size; i++) {
      egressAny[i] |= E[i]!;
      ingressAny[i] |= I[i]!;
    }
  };
  return { totals, visit };
}
