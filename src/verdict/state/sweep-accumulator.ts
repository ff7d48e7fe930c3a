// verdict: the port-sweep summary's accumulation when the compiled decision is E AND transpose(I) (no class
// the reference decides) — per port interval, only the rows of E and I that changed since the previous
// interval are read: AND over intervals is separable (AND E, then AND I transposed once at the end), OR is
// kept as OR of E AND the transpose of I, which is re-formed only when some ingress row changed. An interval
// that undoes the previous one (leaving a one-port interval) is a state already folded: AND and OR keep.
import type { ChangedRows } from '../../compile/policy/matrix/matrix-state.js';
import { transposeInto } from '../../lib/containers/bit-matrix.js';

/** The accumulated class × class bits, `words` words a row, one row per class. */
export interface SweepTotals {
  readonly allowAll: Int32Array;
  readonly allowAny: Int32Array;
  readonly egressAny: Int32Array;
  readonly ingressAny: Int32Array;
}

/** Hot data holder: E and I of successive port intervals (arrays of `words * 32` rows) folded into totals. */
export class SweepAccumulator {
  private readonly size: number;
  private readonly andE: Int32Array;
  private readonly andI: Int32Array;
  private readonly orAll: Int32Array;
  private readonly orE: Int32Array;
  private readonly orI: Int32Array;
  /** The current interval's I transposed (every row of I, as E AND transpose(I) reads it). */
  private it: Int32Array;
  /** I transposed as it was before the last re-forming of `it` (what an undone interval goes back to). */
  private prevIt: Int32Array;
  private readonly block = new Int32Array(32);
  /** Intervals read so far. */
  private visits = 0;

  constructor(
    private readonly classes: number,
    private readonly words: number,
    private readonly sides: boolean,
  ) {
    this.size = classes * words;
    this.andE = new Int32Array(this.size).fill(-1);
    this.andI = new Int32Array(this.size).fill(-1);
    this.orAll = new Int32Array(this.size);
    this.orE = new Int32Array(sides ? this.size : 0);
    this.orI = new Int32Array(sides ? this.size : 0);
    this.it = new Int32Array(this.size);
    this.prevIt = new Int32Array(this.size);
  }

  /** The first interval of a sweep (a protocol), or one whose changes are not known: every row is read. */
  first(E: Int32Array, I: Int32Array): void {
    this.visits++;
    const { size, andE, andI } = this;
    for (let i = 0; i < size; i++) {
      andE[i] &= E[i]!;
      andI[i] &= I[i]!;
    }
    if (this.sides) {
      for (let i = 0; i < size; i++) {
        this.orE[i] |= E[i]!;
        this.orI[i] |= I[i]!;
      }
    }
    this.transposeI(I);
    this.orAllowed(E, 0, size);
  }

  /** The next interval of the same sweep, which changed `rows` of E and I since the previous one. */
  next(E: Int32Array, I: Int32Array, rows: ChangedRows): void {
    const { egress: rowsE, ingress: rowsI } = rows;
    this.visits++;
    if (rowsE.length === 0 && rowsI.length === 0) return;
    if (rows.undone) {
      // Back at the state before the previous interval, folded when it was read. Its I differs from the
      // previous interval's only if that one re-formed the transpose, which left the state's in prevIt.
      if (rowsI.length > 0) this.swapTransposes();
      return;
    }
    this.fold(E, rowsE, this.andE, this.orE);
    this.fold(I, rowsI, this.andI, this.orI);
    if (rowsI.length > 0) {
      this.transposeI(I);
      this.orAllowed(E, 0, this.size);
      return;
    }
    const W = this.words;
    for (const r of rowsE) this.orAllowed(E, r * W, r * W + W);
  }

  /** The totals over every interval read: allowAll = (AND E) AND transpose(AND I). */
  finish(): SweepTotals {
    // One interval (a port-free protocol alone): AND and OR are both its E AND transpose(I), formed already.
    if (this.visits === 1) return { allowAll: Int32Array.from(this.orAll), allowAny: this.orAll, egressAny: this.orE, ingressAny: this.orI };
    const W = this.words;
    const t = new Int32Array(this.size);
    transposeInto(this.andI, this.classes, this.classes, W, t, W, this.block);
    const allowAll = this.andE;
    for (let i = 0; i < this.size; i++) allowAll[i] &= t[i]!;
    return { allowAll, allowAny: this.orAll, egressAny: this.orE, ingressAny: this.orI };
  }

  private fold(m: Int32Array, rows: readonly number[], and: Int32Array, or: Int32Array): void {
    const W = this.words;
    for (const r of rows) {
      for (let i = r * W; i < r * W + W; i++) {
        and[i] &= m[i]!;
        if (this.sides) or[i] |= m[i]!;
      }
    }
  }

  private swapTransposes(): void {
    const t = this.it;
    this.it = this.prevIt;
    this.prevIt = t;
  }

  /** it = transpose(I) over the classes: rows past them (the capacity left for splits) are empty. */
  private transposeI(I: Int32Array): void {
    const n = this.classes;
    this.swapTransposes();
    this.it.fill(0);
    transposeInto(I, n, n, this.words, this.it, this.words, this.block);
  }

  /** orAll |= E AND transpose(I) over words [from, to). */
  private orAllowed(E: Int32Array, from: number, to: number): void {
    const { orAll, it } = this;
    for (let i = from; i < to; i++) orAll[i] |= E[i]! & it[i]!;
  }
}
