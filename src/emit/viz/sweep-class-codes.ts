// emit/viz: a cluster's class × class matrix codes (A allow, P some ports, D deny, U unknown, S a one-member
// class with itself) from the compiled policies' port sweep — every port interval of SCTP, TCP and UDP is
// one class × class bit matrix, so a class pair allowed in all of them is `All Connections` and one allowed
// in none is denied — with `reach --matrix`'s own per-pair conns only for the pairs in between and for
// classes the reference evaluator decides. Thousands of classes cost word operations, not millions of
// evaluations. The sweep itself is verdict/state/port-sweep-summary.ts (shared with the isolation check).
import { pairConns, type PairConns } from '../connlist/pair-conns.js';
import type { PolicyModel } from '../../model/policy/types.js';
import { compiledOf, matrixVerdicts } from '../../verdict/state/fast-evaluate.js';
import { portSweepSummary } from '../../verdict/state/port-sweep-summary.js';

/** Codes of ordered class pairs, row-major, and the conns text of the P and U ones by pair index. */
export interface ClassCodes {
  readonly codes: Uint8Array;
  readonly conns: Map<number, string>;
}

/** Char codes of the five codes. */
export const CODE = { A: 65, P: 80, D: 68, U: 85, S: 83 } as const;

/**
 * The codes between classes given by one representative endpoint each (`reps`), and a second member (or
 * -1 for a one-member class: its diagonal is S).
 */
export function sweepClassCodes(model: PolicyModel, reps: readonly number[], seconds: readonly number[], withConns = true): ClassCodes {
  const cp = compiledOf(model);
  const raw = reps.map((ep) => cp.classOf({ endpoint: ep }));
  const n = reps.length;
  const { words, allowAll: all, allowAny: anyPort } = portSweepSummary(model);
  const uncertain = new Set(cp.uncertainClasses());
  const conns = pairConns(model, matrixVerdicts(), []);
  const codes = new Uint8Array(n * n);
  const text = new Map<number, string>();
  // Per class, once: n² Set lookups were a tenth of the page's matrix on B1 (1,890 classes); so are each
  // column's word and bit in the summary's rows.
  const sure = Uint8Array.from(raw, (c) => (uncertain.has(c) ? 0 : 1));
  const wordOf = Int32Array.from(raw, (c) => c >>> 5);
  const maskOf = Int32Array.from(raw, (c) => 1 << (c & 31));
  const allSure = sure.every((x) => x === 1);
  for (let a = 0; a < n; a++) {
    const row = raw[a]! * words;
    const sureRow = sure[a] === 1;
    if (allSure && !withConns) {
      // Every cell read from the bits (the loop below without its branches): B1's 3.6 million cells.
      bitsRow(codes, a * n, n, row, wordOf, maskOf, all, anyPort);
      if (seconds[a]! < 0) codes[a * n + a] = CODE.S;
      continue;
    }
    for (let b = 0; b < n; b++) {
      const k = a * n + b;
      const dst = a === b ? seconds[a]! : reps[b]!;
      if (dst < 0) {
        codes[k] = CODE.S;
        continue;
      }
      if (sureRow && sure[b] === 1) {
        const at = row + wordOf[b]!;
        const mask = maskOf[b]!;
        if ((all[at]! & mask) !== 0) {
          codes[k] = CODE.A;
          continue;
        }
        const some = (anyPort[at]! & mask) !== 0;
        if (!some || !withConns) {
          codes[k] = some ? CODE.P : CODE.D;
          continue;
        }
      }
      const c = conns({ endpoint: reps[a]! }, { endpoint: dst });
      codes[k] = codeOf(c);
      if (codes[k] === CODE.P || codes[k] === CODE.U) text.set(k, connsText(c));
    }
  }
  return { codes, conns: text };
}

/** Codes of one class row from the summary's bits: A in every port, P in some, D in none. */
function bitsRow(codes: Uint8Array, base: number, n: number, row: number, wordOf: Int32Array, maskOf: Int32Array, all: Int32Array, anyPort: Int32Array): void {
  for (let b = 0; b < n; b++) {
    const at = row + wordOf[b]!;
    const mask = maskOf[b]!;
    codes[base + b] = (all[at]! & mask) !== 0 ? CODE_A : (anyPort[at]! & mask) !== 0 ? CODE_P : CODE_D;
  }
}

const CODE_A = CODE.A;
const CODE_P = CODE.P;
const CODE_D = CODE.D;

/** The code of a pair's conns, as class-matrix.ts reads them. */
export function codeOf(c: PairConns): number {
  return c.unknown !== '' ? CODE.U : c.allowed === '' ? CODE.D : c.allowed === 'All Connections' ? CODE.A : CODE.P;
}

/** The conns text of a P or U cell: `TCP 80`, or `TCP 80; unknown: UDP 53`. */
export function connsText(c: PairConns): string {
  return c.allowed + (c.unknown !== '' ? `${c.allowed ? '; ' : ''}unknown: ${c.unknown}` : '');
}
