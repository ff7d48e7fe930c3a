// compile: copies of some rows of a class × class bit matrix and of their programs' tier terms, taken before a
// recompute — what diff() compares with, changedRows() reports and revert() puts back (matrix-state.ts).
import type { CPolicy } from './compile-rules.js';

/** Copies of some rows of a matrix, taken before they are recomputed. */
export class SavedRows {
  readonly data: Int32Array;
  private readonly at = new Map<number, number>();
  /** The rows' tier terms (MatrixState.terms of their direction) when saved. */
  private readonly terms: (readonly (CPolicy | undefined)[] | undefined)[];

  constructor(
    m: Int32Array,
    readonly rows: readonly number[],
    W: number,
    terms: readonly (readonly (CPolicy | undefined)[] | undefined)[],
  ) {
    this.data = new Int32Array(rows.length * W);
    rows.forEach((r, i) => {
      this.data.set(m.subarray(r * W, r * W + W), i * W);
      this.at.set(r, i);
    });
    this.terms = rows.map((r) => terms[r]);
  }

  /** Puts the saved rows back into `m` and their terms into `terms`. */
  restore(m: Int32Array, W: number, terms: (readonly (CPolicy | undefined)[] | undefined)[]): void {
    this.rows.forEach((r, i) => {
      m.set(this.data.subarray(i * W, i * W + W), r * W);
      terms[r] = this.terms[i];
    });
  }

  /** Bit (r, c) as it was: the saved row when r was saved, else the current matrix `m`. */
  bit(m: Int32Array, W: number, r: number, c: number): boolean {
    const i = this.at.get(r);
    const word = i !== undefined ? (this.data[i * W + (c >>> 5)] as number) : (m[r * W + (c >>> 5)] as number);
    return (word & (1 << (c & 31))) !== 0;
  }

  /** The saved rows that differ from `m` now. */
  changed(m: Int32Array, W: number): number[] {
    const out: number[] = [];
    this.rows.forEach((r, i) => {
      for (let w = 0; w < W; w++) {
        if (this.data[i * W + w] !== m[r * W + w]) {
          out.push(r);
          return;
        }
      }
    });
    return out;
  }

  /** True when row r was saved and bit (r, c) differs from `m` now. */
  flipped(m: Int32Array, W: number, r: number, c: number): boolean {
    const i = this.at.get(r);
    if (i === undefined) return false;
    return (((this.data[i * W + (c >>> 5)] as number) ^ (m[r * W + (c >>> 5)] as number)) & (1 << (c & 31))) !== 0;
  }
}
