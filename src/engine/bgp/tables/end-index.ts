// engine/bgp: (speaker, remote speaker) → the speaker's end of their session. A dense speakers × speakers
// table when the network is dense enough that it is no larger than a hash table (full meshes: one array
// read, no probing, 4 bytes per pair instead of 24 per entry), the int-pair hash otherwise. Absent: -1.
import { ABSENT, IntPairMap } from '../../../lib/int-pair-map.js';

export class EndIndex {
  /** Dense table of end + 1 (0 = absent), side × side; null in hash mode. */
  private dense: Int32Array | null = null;
  private side = 0;
  private hash = new IntPairMap(64);

  /** Chooses the layout for `speakers` speakers and about `pairs` entries, keeping what is stored. */
  plan(speakers: number, pairs: number): void {
    if (this.dense === null && speakers > 0 && speakers * speakers <= 6 * pairs) this.toDense(speakers);
    else if (this.dense === null) this.hash.reserve(pairs);
  }

  get(a: number, b: number): number {
    const d = this.dense;
    if (d !== null) {
      const s = this.side;
      return a >>> 0 < s && b >>> 0 < s ? (d[a * s + b] as number) - 1 : -1;
    }
    const v = this.hash.get(a, b);
    return v === ABSENT ? -1 : v;
  }

  /** Records end `v` of speaker a towards b (b ≥ 0). */
  set(a: number, b: number, v: number): void {
    if (this.dense === null) return this.hash.set(a, b, v);
    if (a >= this.side || b >= this.side) this.toDense(Math.max(a, b) + 1 + (this.side >> 1));
    (this.dense as Int32Array)[a * this.side + b] = v + 1;
  }

  /** Replaces every stored end n by renamed(n). */
  rename(renamed: (n: number) => number): void {
    const d = this.dense;
    if (d === null) return this.hash.mapValues(renamed);
    for (let i = 0; i < d.length; i++) if ((d[i] as number) > 0) d[i] = renamed((d[i] as number) - 1) + 1;
  }

  private toDense(min: number): void {
    let side = min;
    this.hash.forEach((a, b) => (side = Math.max(side, a + 1, b + 1)));
    const d = new Int32Array(side * side);
    const old = this.dense;
    const s = this.side;
    if (old !== null) for (let a = 0; a < s; a++) d.set(old.subarray(a * s, a * s + s), a * side);
    else this.hash.forEach((a, b, v) => (d[a * side + b] = v + 1));
    this.dense = d;
    this.side = side;
    this.hash = new IntPairMap(64);
  }
}
