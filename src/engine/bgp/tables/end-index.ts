// engine/bgp: (speaker, remote speaker) → the speaker's end of their session. A dense speakers × speakers
// table when the network is dense enough that it is no larger than a hash table (full meshes: one array
// read, no probing, 4 bytes per pair instead of 24 per entry); else, when the speakers come in groups that
// peer among themselves (a platform's tenants, each a mesh), a dense table per group for the pairs inside
// one, and the int-pair hash for the rest. Absent: -1.
import { ABSENT, IntPairMap } from '../../../lib/containers/int-pair-map.js';

export class EndIndex {
  /** Dense table of end + 1 (0 = absent), side × side; null in hash mode. */
  private dense: Int32Array | null = null;
  private side = 0;
  private hash = new IntPairMap(64);
  /** Group layout (null: none): each planned speaker's group (-1 none), and per group its first speaker,
   *  size and offset in `cells` (end + 1, 0 = absent). */
  private groupOf: Int32Array | null = null;
  private groupLo = new Int32Array(0);
  private groupSize = new Int32Array(0);
  private groupOff = new Int32Array(0);
  private cells = new Int32Array(0);

  /** Chooses the layout for `speakers` speakers and about `pairs` entries, keeping what is stored; `groups`
   *  (sizes of consecutive runs of speakers from speaker 0 that peer mostly among themselves) allows the
   *  group layout on an empty index. */
  plan(speakers: number, pairs: number, groups: readonly number[] = []): void {
    if (this.dense === null && speakers > 0 && speakers * speakers <= 6 * pairs) this.toDense(speakers);
    else if (this.dense === null && this.groupOf === null && this.hash.size === 0 && groups.length > 0 && sumOfSquares(groups) <= 6 * pairs) this.toGroups(groups);
    else if (this.dense === null) this.hash.reserve(pairs);
  }

  get(a: number, b: number): number {
    const d = this.dense;
    if (d !== null) {
      const s = this.side;
      return a >>> 0 < s && b >>> 0 < s ? (d[a * s + b] as number) - 1 : -1;
    }
    const i = this.cellOf(a, b);
    if (i >= 0) return (this.cells[i] as number) - 1;
    const v = this.hash.get(a, b);
    return v === ABSENT ? -1 : v;
  }

  /** Records end `v` of speaker a towards b (b ≥ 0). */
  set(a: number, b: number, v: number): void {
    if (this.dense === null) {
      const i = this.cellOf(a, b);
      if (i >= 0) this.cells[i] = v + 1;
      else this.hash.set(a, b, v);
      return;
    }
    if (a >= this.side || b >= this.side) this.toDense(Math.max(a, b) + 1 + (this.side >> 1));
    (this.dense as Int32Array)[a * this.side + b] = v + 1;
  }

  /** Replaces every stored end n by renamed(n). */
  rename(renamed: (n: number) => number): void {
    const d = this.dense;
    if (d === null) {
      const c = this.cells;
      for (let i = 0; i < c.length; i++) if ((c[i] as number) > 0) c[i] = renamed((c[i] as number) - 1) + 1;
      return this.hash.mapValues(renamed);
    }
    for (let i = 0; i < d.length; i++) if ((d[i] as number) > 0) d[i] = renamed((d[i] as number) - 1) + 1;
  }

  /** The cell of pair (a, b) in the group layout, or -1 (no group layout, or not one group's pair). */
  private cellOf(a: number, b: number): number {
    const g = this.groupOf;
    if (g === null || a >>> 0 >= g.length || b >>> 0 >= g.length) return -1;
    const k = g[a] as number;
    if (k < 0 || g[b] !== k) return -1;
    const lo = this.groupLo[k] as number;
    return (this.groupOff[k] as number) + (a - lo) * (this.groupSize[k] as number) + (b - lo);
  }

  private toGroups(groups: readonly number[]): void {
    let speakers = 0;
    for (const n of groups) speakers += n;
    const of = new Int32Array(speakers);
    this.groupLo = new Int32Array(groups.length);
    this.groupSize = Int32Array.from(groups);
    this.groupOff = new Int32Array(groups.length);
    let lo = 0;
    let off = 0;
    groups.forEach((n, k) => {
      of.fill(k, lo, lo + n);
      this.groupLo[k] = lo;
      this.groupOff[k] = off;
      lo += n;
      off += n * n;
    });
    this.groupOf = of;
    this.cells = new Int32Array(off);
  }

  private toDense(min: number): void {
    let side = Math.max(min, this.groupOf?.length ?? 0);
    this.hash.forEach((a, b) => (side = Math.max(side, a + 1, b + 1)));
    const d = new Int32Array(side * side);
    const old = this.dense;
    const s = this.side;
    if (old !== null) for (let a = 0; a < s; a++) d.set(old.subarray(a * s, a * s + s), a * side);
    else this.hash.forEach((a, b, v) => (d[a * side + b] = v + 1));
    for (let k = 0; k < this.groupSize.length; k++) {
      const lo = this.groupLo[k] as number;
      const n = this.groupSize[k] as number;
      const off = this.groupOff[k] as number;
      for (let i = 0; i < n; i++) d.set(this.cells.subarray(off + i * n, off + (i + 1) * n), (lo + i) * side + lo);
    }
    this.dense = d;
    this.side = side;
    this.hash = new IntPairMap(64);
    this.groupOf = null;
    this.groupSize = new Int32Array(0);
    this.cells = new Int32Array(0);
  }
}

function sumOfSquares(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x * x;
  return s;
}
