// engine: each cluster's CA generations — which one signs new certificates, which ones verifiers trust (a
// range: during a rotation's overlap the old and the new), and when each expires (a CA expiring re-checks
// every certificate it signed).
import type { Simulation } from '../simulation.js';

/** CA generations of every cluster (generation 1 is the root CA created at start). */
export class CaTrust {
  private readonly signingGen: Int32Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly latest: Int32Array;
  private readonly expiry: number[][];
  private readonly kCaExpire: number;

  constructor(
    private readonly caTTL: readonly number[],
    private readonly sim: Simulation,
    onExpire: (cluster: number) => void,
  ) {
    const n = caTTL.length;
    this.signingGen = new Int32Array(n);
    this.lo = new Int32Array(n);
    this.hi = new Int32Array(n);
    this.latest = new Int32Array(n);
    this.expiry = caTTL.map(() => []);
    this.kCaExpire = sim.defineKind('ca-expire', (ci) => onExpire(ci));
  }

  /** The root CA of a cluster, created now, signing and trusted. */
  issueFirst(ci: number): void {
    const g = this.create(ci);
    this.signWith(ci, g);
    this.trustUpTo(ci, g);
    this.trustFrom(ci, g);
  }

  /** A new CA generation (not yet trusted nor signing). */
  create(ci: number): number {
    const g = ++this.latest[ci]!;
    this.expiry[ci]![g] = this.sim.now + this.caTTL[ci]!;
    this.sim.at(this.expiry[ci]![g]!, this.kCaExpire, ci, g);
    return g;
  }

  /** An immediate replacement: the new CA signs and is the only one trusted. */
  replace(ci: number): void {
    const g = this.create(ci);
    this.signWith(ci, g);
    this.trustUpTo(ci, g);
    this.trustFrom(ci, g);
  }

  signWith(ci: number, g: number): void {
    this.signingGen[ci] = g;
  }

  trustUpTo(ci: number, g: number): void {
    this.hi[ci] = Math.max(this.hi[ci]!, g);
  }

  trustFrom(ci: number, g: number): void {
    this.lo[ci] = Math.max(this.lo[ci]!, g);
  }

  signing(ci: number): number {
    return this.signingGen[ci]!;
  }

  trusted(ci: number, g: number): boolean {
    return g >= this.lo[ci]! && g <= this.hi[ci]!;
  }

  notAfter(ci: number, g: number): number {
    return this.expiry[ci]![g] ?? -Infinity;
  }

  /** The trusted range now (for display). */
  trustedRange(ci: number): readonly [number, number] {
    return [this.lo[ci]!, this.hi[ci]!];
  }
}
