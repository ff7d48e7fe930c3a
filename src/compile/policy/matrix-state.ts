// compile: the class × class reachability of one packet class — E (source egress rows), I (destination
// ingress rows), IT = transpose(I) and M = E AND IT — built in full or updated for a few target classes.
import { transposeInto } from '../../lib/bit-matrix.js';
import type { Direction } from '../../model/policy/types.js';
import { evalProgram, Program } from './eval-program.js';
import type { RuleState } from './rule-state.js';
import type { Outcome } from '../../verdict/policy/types.js';

/** What a matrix needs from the compiler. */
export interface MatrixCore {
  /** Words per row (class capacity / 32). */
  readonly words: number;
  classCount(): number;
  isTarget(c: number): boolean;
  /** Fills `prog` with the program of target class `c`. */
  programFor(c: number, dir: Direction, rs: RuleState, prog: Program): void;
  poolData(): Int32Array;
  readonly validSlot: number;
}

/** Pairs whose verdict changed: flat (src class, dst class) lists. */
export interface MatrixDiff {
  readonly allowed: number[];
  readonly denied: number[];
}

/** Hot data holder for one packet class. Rows have `words` words; there are words * 32 rows. */
export class MatrixState {
  readonly E: Int32Array;
  readonly I: Int32Array;
  readonly IT: Int32Array;
  readonly M: Int32Array;
  /** Pairs whose verdict is `unknown`; allocated on first use. */
  U: Int32Array | undefined;
  private readonly prev: Int32Array;
  private readonly prog = new Program();
  private readonly block = new Int32Array(32);

  constructor(
    readonly rs: RuleState,
    private readonly core: MatrixCore,
  ) {
    const size = core.words * 32 * core.words;
    this.E = new Int32Array(size);
    this.I = new Int32Array(size);
    this.IT = new Int32Array(size);
    this.M = new Int32Array(size);
    this.prev = new Int32Array(size);
    const all: number[] = [];
    for (let c = 0; c < core.classCount(); c++) all.push(c);
    this.computeRows(all, 'ingress');
    this.computeRows(all, 'egress');
    this.retranspose();
  }

  /** True when class `a` may reach class `b` (both policy sides allow). */
  allows(a: number, b: number): boolean {
    return ((this.M[a * this.core.words + (b >>> 5)] as number) & (1 << (b & 31))) !== 0;
  }

  /** Remembers M, so that diff() reports what changes from here. */
  snapshot(): void {
    this.prev.set(this.M);
  }

  /** Recomputes the rows of the given target classes (and M where they reach). */
  recompute(ingress: readonly number[], egress: readonly number[]): void {
    const n = this.core.classCount();
    this.computeRows(egress, 'egress');
    this.computeRows(ingress, 'ingress');
    if (ingress.length * 8 > n) this.retranspose();
    else {
      for (const b of ingress) this.refreshColumn(b, n);
      for (const a of egress) this.refreshRow(a);
    }
  }

  /** Sets one cell (pairs the reference evaluator decides): M holds allow, U unknown. */
  setCell(a: number, b: number, outcome: Outcome): void {
    const i = a * this.core.words + (b >>> 5);
    const bit = 1 << (b & 31);
    if (outcome === 'allow') this.M[i] |= bit;
    else this.M[i] &= ~bit;
    if (outcome === 'unknown') (this.U ??= new Int32Array(this.M.length))[i] |= bit;
    else if (this.U) this.U[i] &= ~bit;
  }

  /** True when the pair's verdict is `unknown` (only pairs with an uncertain class). */
  unknown(a: number, b: number): boolean {
    return this.U !== undefined && ((this.U[a * this.core.words + (b >>> 5)] as number) & (1 << (b & 31))) !== 0;
  }

  /** Class `to` was split off `from`: copy its row and column everywhere. */
  onSplit(from: number, to: number): void {
    const W = this.core.words;
    for (const m of [this.E, this.I, this.IT, this.M, ...(this.U ? [this.U] : [])]) {
      m.copyWithin(to * W, from * W, from * W + W);
      const fw = from >>> 5;
      const fb = from & 31;
      const tw = to >>> 5;
      const tm = 1 << (to & 31);
      for (let r = 0; r <= to; r++) {
        const base = r * W;
        if ((((m[base + fw] as number) >>> fb) & 1) !== 0) m[base + tw] |= tm;
        else m[base + tw] &= ~tm;
      }
    }
  }

  private computeRows(classes: readonly number[], dir: Direction): void {
    const W = this.core.words;
    const data = this.core.poolData();
    const out = dir === 'ingress' ? this.I : this.E;
    const seen = new Map<number, { readonly c: number; readonly prog: Int32Array }>();
    for (const c of classes) {
      if (!this.core.isTarget(c)) {
        out.set(data.subarray(this.core.validSlot, this.core.validSlot + W), c * W);
        continue;
      }
      this.core.programFor(c, dir, this.rs, this.prog);
      const h = this.prog.hash();
      const same = seen.get(h);
      if (same !== undefined && this.prog.equals(same.prog)) out.copyWithin(c * W, same.c * W, same.c * W + W);
      else {
        evalProgram(this.prog.buf, this.prog.len, data, W, this.core.validSlot, out, c * W);
        if (same === undefined) seen.set(h, { c, prog: this.prog.buf.slice(0, this.prog.len) });
      }
    }
  }

  /** IT = transpose(I); M = E AND IT (and no unknown cells). */
  retranspose(): void {
    this.U?.fill(0);
    const W = this.core.words;
    const rows = W * 32;
    this.IT.fill(0);
    transposeInto(this.I, rows, rows, W, this.IT, W, this.block);
    const { E, IT, M } = this;
    for (let i = 0; i < M.length; i++) M[i] = (E[i] as number) & (IT[i] as number);
  }

  /** Ingress row b changed: IT column b and M column b follow. */
  private refreshColumn(b: number, n: number): void {
    const W = this.core.words;
    const { I, IT, E, M } = this;
    const bw = b >>> 5;
    const bm = 1 << (b & 31);
    for (let a = 0; a < n; a++) {
      const base = a * W;
      if (((I[b * W + (a >>> 5)] as number) & (1 << (a & 31))) !== 0) IT[base + bw] |= bm;
      else IT[base + bw] &= ~bm;
      M[base + bw] = ((M[base + bw] as number) & ~bm) | ((E[base + bw] as number) & (IT[base + bw] as number) & bm);
    }
  }

  /** Egress row a changed: M row a = E row a AND IT row a. */
  private refreshRow(a: number): void {
    const W = this.core.words;
    const { E, IT, M } = this;
    for (let w = a * W, end = w + W; w < end; w++) M[w] = (E[w] as number) & (IT[w] as number);
  }

  /** Pairs whose M bit differs from the snapshot. */
  diff(): MatrixDiff {
    const W = this.core.words;
    const n = this.core.classCount();
    const allowed: number[] = [];
    const denied: number[] = [];
    const { M, prev } = this;
    for (let a = 0; a < n; a++) {
      for (let w = a * W, end = w + W; w < end; w++) {
        let x = (M[w] as number) ^ (prev[w] as number);
        while (x !== 0) {
          const low = x & -x;
          const b = (w - a * W) * 32 + 31 - Math.clz32(low);
          ((M[w] as number) & low ? allowed : denied).push(a, b);
          x ^= low;
        }
      }
    }
    return { allowed, denied };
  }
}
