// compile: the class × class reachability of one packet class — E (each source class's egress row: the
// destination classes it may send to) and I (each destination class's ingress row: the sources it accepts);
// a pair passes when E[a][b] and I[b][a]. Rows are built in full or recomputed for a few target classes.
import { transposeInto } from '../../../lib/containers/bit-matrix.js';
import type { Direction } from '../../../model/policy/types.js';
import type { Outcome } from '../../../model/policy/eval/types.js';
import { evalProgram, Program } from '../rules/eval-program.js';
import type { CPolicy } from '../rules/compile-rules.js';
import type { RuleState } from '../rules/rule-state.js';
import { liveClasses, liveTargets } from './live-classes.js';
import { SavedRows } from './saved-rows.js';

/** What a matrix needs from the compiler. */
export interface MatrixCore {
  /** Words per row (class capacity / 32). */
  readonly words: number;
  classCount(): number;
  isTarget(c: number): boolean;
  /** Fills `prog` with the program of target class `c`. */
  programFor(c: number, dir: Direction, rs: RuleState, prog: Program): void;
  /** Tokens such that classes with equal tokens and target-independent programs have equal programs. */
  groupOf(dir: Direction, c: number): object;
  profilePairs(c: number, dir: Direction): object;
  poolData(): Int32Array;
  readonly validSlot: number;
}

/** Pairs whose verdict changed: flat (src class, dst class) lists. */
export interface MatrixDiff {
  readonly allowed: number[];
  readonly denied: number[];
}

/** Rows of E and of I, by class. */
export interface ChangedRows {
  readonly egress: readonly number[];
  readonly ingress: readonly number[];
  /** The change was a revert(): every row is as it was before the recompute it undid. */
  readonly undone: boolean;
}

/** Hot data holder for one packet class. Rows have `words` words; there are words * 32 rows. */
export class MatrixState {
  readonly E: Int32Array;
  readonly I: Int32Array;
  /** Cells decided by the reference evaluator (pairs with an uncertain class), by a * capacity + b. */
  private overlay = new Map<number, Outcome>();
  private before: { E: SavedRows; I: SavedRows; overlay: Map<number, Outcome> } | undefined;
  /** The last change was a revert(). */
  private undone = false;
  /** Per direction and class, the terminating policy of each tier in its last program. */
  private readonly terms: Record<Direction, (readonly (CPolicy | undefined)[] | undefined)[]> = { ingress: [], egress: [] };
  private allowCache: Int32Array | undefined;
  private readonly prog = new Program();

  constructor(
    readonly rs: RuleState,
    private readonly core: MatrixCore,
  ) {
    const size = core.words * 32 * core.words;
    this.E = new Int32Array(size);
    this.I = new Int32Array(size);
    const all: number[] = [];
    for (let c = 0; c < core.classCount(); c++) all.push(c);
    this.computeRows(all, 'ingress');
    this.computeRows(all, 'egress');
  }

  private get cap(): number {
    return this.core.words * 32;
  }

  /** True when class `a` may open connections to class `b`. */
  allows(a: number, b: number): boolean {
    const o = this.overlay.size > 0 ? this.overlay.get(a * this.cap + b) : undefined;
    if (o !== undefined) return o === 'allow';
    return rawAllows(this.E, this.I, this.core.words, a, b);
  }

  /** The verdict between classes a and b. */
  verdict(a: number, b: number): Outcome {
    const o = this.overlay.size > 0 ? this.overlay.get(a * this.cap + b) : undefined;
    if (o !== undefined) return o;
    return rawAllows(this.E, this.I, this.core.words, a, b) ? 'allow' : 'deny';
  }

  /** Replaces the reference-decided cells. */
  setOverlay(cells: Map<number, Outcome>): void {
    this.overlay = cells;
    this.allowCache = undefined;
  }

  /** M: row a, bit b set when a may reach b (materialized on demand, cached until the next change). */
  allowBits(): Int32Array {
    if (this.allowCache) return this.allowCache;
    const W = this.core.words;
    const M = new Int32Array(this.E.length);
    transposeInto(this.I, this.cap, this.cap, W, M, W, new Int32Array(32));
    const E = this.E;
    for (let i = 0; i < M.length; i++) M[i] = (M[i] as number) & (E[i] as number);
    for (const [k, o] of this.overlay) {
      const a = Math.floor(k / this.cap);
      const b = k % this.cap;
      if (o === 'allow') M[a * W + (b >>> 5)] |= 1 << (b & 31);
      else M[a * W + (b >>> 5)] &= ~(1 << (b & 31));
    }
    this.allowCache = M;
    return M;
  }

  /**
   * Recomputes the rows of the given target classes after `changed` policies were added or removed,
   * remembering the old rows for diff(). A class whose tier of a changed policy already ended, in its last
   * program, at a policy ordered before it (a rule matching every peer) keeps its row: nothing changed there.
   */
  recompute(ingress: readonly number[], egress: readonly number[], changed: readonly CPolicy[], force = false): void {
    const eg = force ? [...egress] : liveClasses(egress, this.terms.egress, changed);
    const ig = force ? [...ingress] : liveClasses(ingress, this.terms.ingress, changed);
    const W = this.core.words;
    this.before = { E: new SavedRows(this.E, eg, W, this.terms.egress), I: new SavedRows(this.I, ig, W, this.terms.ingress), overlay: this.overlay };
    this.undone = false;
    this.computeRows(eg, 'egress');
    this.computeRows(ig, 'ingress');
    this.allowCache = undefined;
  }

  /** live-classes.ts's liveTargets of `policies` changed in `dir`, from each class's last program. */
  liveTargets(dir: Direction, policies: Iterable<CPolicy>): number[] {
    return liveTargets(policies, this.terms[dir], this.core.poolData(), this.core.words);
  }

  /**
   * Undoes the last recompute() (or revert()): its rows and their programs' tier terms as they were before
   * it, for a caller that has put the rule state back where it was then (a port sweep leaving a one-port
   * interval). What it restores is then reported by changedRows() and diff() as a recompute's would be.
   */
  revert(): void {
    const before = this.before;
    if (!before) throw new Error('MatrixState.revert: no recompute to undo');
    const W = this.core.words;
    const now = { E: new SavedRows(this.E, before.E.rows, W, this.terms.egress), I: new SavedRows(this.I, before.I.rows, W, this.terms.ingress), overlay: this.overlay };
    before.E.restore(this.E, W, this.terms.egress);
    before.I.restore(this.I, W, this.terms.ingress);
    this.before = now;
    this.undone = true;
    this.allowCache = undefined;
  }

  /**
   * The rows of E and of I whose bits the last recompute() changed (a row recomputed to what it was is not
   * listed); undefined when there is no recompute to compare with (none yet, or diff() consumed it).
   */
  changedRows(): ChangedRows | undefined {
    const before = this.before;
    if (!before) return undefined;
    const W = this.core.words;
    return { egress: before.E.changed(this.E, W), ingress: before.I.changed(this.I, W), undone: this.undone };
  }

  /** Pairs whose verdict changed since recompute(). */
  diff(): MatrixDiff {
    const out: MatrixDiff = { allowed: [], denied: [] };
    const before = this.before;
    if (!before) return out;
    this.before = undefined;
    const W = this.core.words;
    const cap = this.cap;
    const { E, I } = this;
    const oldOverlay = before.overlay;
    const overlaid = oldOverlay.size > 0 || this.overlay.size > 0;
    const report = (a: number, b: number): void => {
      const k = a * cap + b;
      if (overlaid && (oldOverlay.has(k) || this.overlay.has(k))) return; // settled below
      const was = before.E.bit(E, W, a, b) && before.I.bit(I, W, b, a);
      const is = rawAllows(E, I, W, a, b);
      if (was !== is) (is ? out.allowed : out.denied).push(a, b);
    };
    // Flipped egress bits, then flipped ingress bits not already seen as an egress flip.
    const saved = before.E;
    for (let i = 0; i < saved.rows.length; i++) {
      const a = saved.rows[i] as number;
      for (let w = 0; w < W; w++) {
        let x = (saved.data[i * W + w] as number) ^ (E[a * W + w] as number);
        while (x !== 0) {
          const low = x & -x;
          report(a, w * 32 + 31 - Math.clz32(low));
          x ^= low;
        }
      }
    }
    const savedI = before.I;
    for (let i = 0; i < savedI.rows.length; i++) {
      const b = savedI.rows[i] as number;
      for (let w = 0; w < W; w++) {
        let x = (savedI.data[i * W + w] as number) ^ (I[b * W + w] as number);
        while (x !== 0) {
          const low = x & -x;
          const a = w * 32 + 31 - Math.clz32(low);
          if (!saved.flipped(E, W, a, b)) report(a, b);
          x ^= low;
        }
      }
    }
    if (overlaid) {
      for (const k of new Set([...oldOverlay.keys(), ...this.overlay.keys()])) {
        const a = Math.floor(k / cap);
        const b = k - a * cap;
        const o = oldOverlay.get(k);
        const was = o !== undefined ? o === 'allow' : before.E.bit(E, W, a, b) && before.I.bit(I, W, b, a);
        const is = this.allows(a, b);
        if (was !== is) (is ? out.allowed : out.denied).push(a, b);
      }
    }
    return out;
  }

  /** Class `to` was split off `from`: copy its rows, columns and reference-decided cells. */
  onSplit(from: number, to: number): void {
    const W = this.core.words;
    this.terms.ingress[to] = this.terms.ingress[from];
    this.terms.egress[to] = this.terms.egress[from];
    for (const m of [this.E, this.I]) {
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
    if (this.overlay.size > 0) {
      const cap = this.cap;
      for (const [k, o] of [...this.overlay]) {
        const a = Math.floor(k / cap);
        const b = k - a * cap;
        if (a !== from && b !== from) continue;
        for (const a2 of a === from ? [a, to] : [a]) for (const b2 of b === from ? [b, to] : [b]) this.overlay.set(a2 * cap + b2, o);
      }
    }
    this.allowCache = undefined;
  }

  /** Rows of `classes`: classes with equal programs share one evaluation. */
  private computeRows(classes: readonly number[], dir: Direction): void {
    const W = this.core.words;
    const data = this.core.poolData();
    const out = dir === 'ingress' ? this.I : this.E;
    const seen = new Map<number, { readonly c: number; readonly prog: Int32Array }>();
    // Classes of one policy group with the same profiles share a program unless it is target-specific.
    const shared = new Map<object, Map<object, number>>();
    const terms = this.terms[dir];
    for (const c of classes) {
      if (!this.core.isTarget(c)) {
        out.set(data.subarray(this.core.validSlot, this.core.validSlot + W), c * W);
        continue;
      }
      const group = this.core.groupOf(dir, c);
      const profiles = this.core.profilePairs(c, dir);
      const twin = shared.get(group)?.get(profiles);
      if (twin !== undefined) {
        out.copyWithin(c * W, twin * W, twin * W + W);
        terms[c] = terms[twin];
        continue;
      }
      this.core.programFor(c, dir, this.rs, this.prog);
      terms[c] = this.prog.terms;
      if (!this.prog.targetSpecific) {
        let byProfiles = shared.get(group);
        if (!byProfiles) shared.set(group, (byProfiles = new Map()));
        byProfiles.set(profiles, c);
      }
      const h = this.prog.hash();
      const same = seen.get(h);
      if (same !== undefined && this.prog.equals(same.prog)) out.copyWithin(c * W, same.c * W, same.c * W + W);
      else {
        evalProgram(this.prog.buf, this.prog.len, data, W, this.core.validSlot, out, c * W);
        if (same === undefined) seen.set(h, { c, prog: this.prog.buf.slice(0, this.prog.len) });
      }
    }
  }
}

/** E[a][b] AND I[b][a]. */
function rawAllows(E: Int32Array, I: Int32Array, W: number, a: number, b: number): boolean {
  return ((E[a * W + (b >>> 5)] as number) & (1 << (b & 31))) !== 0 && ((I[b * W + (a >>> 5)] as number) & (1 << (a & 31))) !== 0;
}
