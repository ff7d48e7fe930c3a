// compile: copies of some rows of a class × class bit matrix and of their programs' tier terms, taken before a
// recompute — what diff() compares with, changedRows() reports and revert() puts back (matrix-state.ts).
import type { CPolicy } from '../rules/compile-rules.js';

/** Copies of some rows of a matrix, taken before they are recomputed. */
export class SavedRows {
  readonly data: Int32Array;
  /** Row → its index among the saved rows (built on first use: a port sweep never asks). */
  private at: Map<number, number> | undefined;
  /** The rows' tier terms (MatrixState.terms of their direction) when saved. */
  private readonly terms: (readonly (CPolicy | undefined)[] | undefined)[];

  constructor(
    m: Int32Array,
    readonly rows: readonly number[],
    W: number,
    terms: readonly (readonly (CPolicy | undefined)[] | undefined)[],
  ) {
    const data = new Int32Array(rows.length * W);
    // Runs of consecutive rows in one copy each: B1's recomputes save ~1,900 rows, most of them in a few runs.
    forEachRun(rows, (i, r, k) => data.set(m.subarray(r * W, (r + k) * W), i * W));
    this.terms = rows.map((r) => terms[r]);
    this.data = data;
  }

  /** Puts the saved rows back into `m` and their terms into `terms`. */
  restore(m: Int32Array, W: number, terms: (readonly (CPolicy | undefined)[] | undefined)[]): void {
    const { rows, data } = this;
    forEachRun(rows, (i, r, k) => m.set(data.subarray(i * W, (i + k) * W), r * W));
    for (let i = 0; i < rows.length; i++) terms[rows[i] as number] = this.terms[i];
  }

  /** Bit (r, c) as it was: the saved row when r was saved, else the current matrix `m`. */
  bit(m: Int32Array, W: number, r: number, c: number): boolean {
    const i = this.index().get(r);
    const word = i !== undefined ? (this.data[i * W + (c >>> 5)] as number) : (m[r * W + (c >>> 5)] as number);
    return (word & (1 << (c & 31))) !== 0;
  }

  /** The saved rows that differ from `m` now. */
  changed(m: Int32Array, W: number): number[] {
    const out: number[] = [];
    const { rows, data } = this;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      for (let w = 0, now = r * W, was = i * W; w < W; w++) {
        if (data[was + w] !== m[now + w]) {
          out.push(r);
          break;
        }
      }
    }
    return out;
  }

  /** True when row r was saved and bit (r, c) differs from `m` now. */
  flipped(m: Int32Array, W: number, r: number, c: number): boolean {
    const i = this.index().get(r);
    if (i === undefined) return false;
    return (((this.data[i * W + (c >>> 5)] as number) ^ (m[r * W + (c >>> 5)] as number)) & (1 << (c & 31))) !== 0;
  }

  private index(): Map<number, number> {
    if (!this.at) {
      const at = new Map<number, number>();
      this.rows.forEach((r, i) => at.set(r, i));
      this.at = at;
    }
    return this.at;
  }
}

/** Calls `f(i, r, k)` for each run of `k` consecutive rows r, r + 1, ... starting at rows[i]. */
function forEachRun(rows: readonly number[], f: (i: number, r: number, k: number) => void): void {
  let i = 0;
  while (i < rows.length) {
    const r = rows[i] as number;
    let k = 1;
    while (i + k < rows.length && rows[i + k] === r + k) k++;
    f(i, r, k);
    i += k;
  }
}
