// compile: the IPv4 space outside the cluster cut at every CIDR boundary into intervals, each mapped to the
// identity class of the addresses in it (externals are exact for ipBlock/nets rules and network sets).
import { maskOf, type Cidr } from '../../../lib/ipv4.js';

const SPACE = 4294967296;

/** Hot data holder: sorted interval starts (the first is 0) and the class of each interval. */
export class ExtAtoms {
  readonly starts: number[] = [0];
  readonly cls: number[];

  constructor(cls0: number) {
    this.cls = [cls0];
  }

  /** Index of the interval holding `ip`. */
  intervalOf(ip: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((s[mid] as number) <= ip) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  classOf(ip: number): number {
    return this.cls[this.intervalOf(ip)] as number;
  }

  /** Last address of interval `i`. */
  end(i: number): number {
    return (i + 1 < this.starts.length ? (this.starts[i + 1] as number) : SPACE) - 1;
  }

  /** Cuts the interval holding `x` at `x` (no-op at 0, at 2^32 and at an existing start). */
  cutAt(x: number): void {
    if (x <= 0 || x >= SPACE) return;
    const i = this.intervalOf(x);
    if (this.starts[i] === x) return;
    this.starts.splice(i + 1, 0, x);
    this.cls.splice(i + 1, 0, this.cls[i] as number);
  }

  /** Cuts at both ends of `c`; returns the indices [first, last] of the intervals inside it. */
  cutCidr(c: Cidr): [number, number] {
    const base = (c.base & maskOf(c.len)) >>> 0;
    const after = base + 2 ** (32 - c.len);
    this.cutAt(base);
    this.cutAt(after);
    const first = this.intervalOf(base);
    const last = this.intervalOf(after - 1);
    return [first, last];
  }
}
