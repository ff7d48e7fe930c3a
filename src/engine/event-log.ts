// engine: the record of processed events, kept in growable typed arrays (no object per event) so a
// run can be replayed, diffed and printed; `limit` bounds memory on very long runs.

/** Append-only log of (time, kind, a, b) records. */
export class EventLog {
  private times = new Float64Array(256);
  private kinds = new Int32Array(256);
  private as = new Int32Array(256);
  private bs = new Int32Array(256);
  private n = 0;
  /** Records beyond `limit` are counted in `dropped`, not stored. */
  dropped = 0;

  constructor(readonly limit = 1_000_000) {}

  get length(): number {
    return this.n;
  }

  append(time: number, kind: number, a: number, b: number): void {
    if (this.n >= this.limit) {
      this.dropped++;
      return;
    }
    if (this.n === this.times.length) this.grow();
    const i = this.n++;
    this.times[i] = time;
    this.kinds[i] = kind;
    this.as[i] = a;
    this.bs[i] = b;
  }

  time(i: number): number {
    return this.times[i] as number;
  }
  kind(i: number): number {
    return this.kinds[i] as number;
  }
  a(i: number): number {
    return this.as[i] as number;
  }
  b(i: number): number {
    return this.bs[i] as number;
  }

  private grow(): void {
    const c = Math.min(this.limit, this.times.length * 2);
    const t = new Float64Array(c);
    t.set(this.times);
    this.times = t;
    const k = new Int32Array(c);
    k.set(this.kinds);
    this.kinds = k;
    const a = new Int32Array(c);
    a.set(this.as);
    this.as = a;
    const b = new Int32Array(c);
    b.set(this.bs);
    this.bs = b;
  }
}
