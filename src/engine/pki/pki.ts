// engine: certificates on the timeline — a CA per cluster and one certificate per component (per node:
// calico-node, kubelet; per cluster: kube-apiserver, etcd, calico-kube-controllers, calico-typha; on the
// management cluster also ingress-nginx), issued at start, renewed every rotation period and on
// cert-rotate events, expiring after their TTL. Reports every window during which a certificate was
// expired, or valid but signed by a CA that had expired (a chain that no longer verifies).
import type { Simulation } from '../simulation.js';

/** One certificate's identity. */
export interface CertId {
  readonly cluster: string;
  readonly component: string;
  /** Node name for per-node components. */
  readonly node?: string;
}

/** A period [from, to) during which a certificate did not verify; `to` is undefined when still broken. */
export interface CertWindow extends CertId {
  readonly reason: 'expired' | 'ca-expired';
  readonly from: number;
  readonly to?: number;
}

/** A cluster's PKI parameters (ms). */
export interface PkiCluster {
  readonly name: string;
  readonly nodes: readonly string[];
  readonly management: boolean;
  readonly caTTL: number;
  readonly certTTL: number;
  readonly rotationPeriod: number;
}

/** Per-node and per-cluster components that hold their own certificate. */
export const NODE_COMPONENTS = ['calico-node', 'kubelet'] as const;
export const CLUSTER_COMPONENTS = ['kube-apiserver', 'etcd', 'calico-kube-controllers', 'calico-typha'] as const;

/** The certificate state of every cluster, driven by the simulation. */
export class Pki {
  readonly certs: CertId[] = [];
  private readonly clusterOf: Int32Array;
  private readonly notAfter: Float64Array;
  private readonly generation: Int32Array;
  private readonly brokenSince: Float64Array;
  private readonly brokenReason: ('expired' | 'ca-expired' | undefined)[];
  private readonly caNotAfter: Float64Array;
  private readonly caGeneration: Int32Array;
  readonly windows: CertWindow[] = [];
  readonly rotations: { readonly at: number; readonly cluster: string; readonly component: string; readonly count: number }[] = [];
  private readonly kExpire: number;
  private readonly kCaExpire: number;
  private readonly kRotate: number;

  constructor(
    private readonly clusters: readonly PkiCluster[],
    private readonly sim: Simulation,
  ) {
    for (const c of clusters) {
      for (const node of c.nodes) for (const component of NODE_COMPONENTS) this.certs.push({ cluster: c.name, component, node });
      for (const component of CLUSTER_COMPONENTS) this.certs.push({ cluster: c.name, component });
      if (c.management) this.certs.push({ cluster: c.name, component: 'ingress-nginx' });
    }
    const n = this.certs.length;
    const clusterIndex = new Map(clusters.map((c, i) => [c.name, i]));
    this.clusterOf = Int32Array.from(this.certs, (c) => clusterIndex.get(c.cluster) as number);
    this.notAfter = new Float64Array(n);
    this.generation = new Int32Array(n);
    this.brokenSince = new Float64Array(n).fill(-1);
    this.brokenReason = new Array(n).fill(undefined);
    this.caNotAfter = new Float64Array(clusters.length);
    this.caGeneration = new Int32Array(clusters.length);
    this.kExpire = sim.defineKind('cert-expire', (cert, gen) => this.onExpire(cert, gen));
    this.kCaExpire = sim.defineKind('ca-expire', (cluster, gen) => this.onCaExpire(cluster, gen));
    this.kRotate = sim.defineKind('cert-rotation-period', (cluster) => {
      this.rotate(cluster, undefined);
      this.sim.after(this.clusters[cluster]!.rotationPeriod, this.kRotate, cluster, 0);
    });
  }

  /** Issues every CA and certificate at the current time and schedules the periodic rotations. */
  start(): void {
    this.clusters.forEach((c, ci) => {
      this.issueCa(ci);
      this.sim.after(c.rotationPeriod, this.kRotate, ci, 0);
    });
    for (let i = 0; i < this.certs.length; i++) this.issue(i);
  }

  /** Re-issues the certificates of a cluster (one component, `ca` for the CA and everything, or all). */
  rotate(cluster: number, component: string | undefined): void {
    if (component === 'ca') this.issueCa(cluster);
    let count = 0;
    for (let i = 0; i < this.certs.length; i++) {
      if (this.clusterOf[i] !== cluster) continue;
      if (component !== undefined && component !== 'ca' && this.certs[i]!.component !== component) continue;
      this.issue(i);
      count++;
    }
    this.rotations.push({ at: this.sim.now, cluster: this.clusters[cluster]!.name, component: component ?? 'all', count });
  }

  /** Index of a cluster by name (-1 when unknown). */
  clusterIndex(name: string): number {
    return this.clusters.findIndex((c) => c.name === name);
  }

  /** Every window so far, closed ones and those still open (`to` undefined), without closing any. */
  windowsSoFar(): CertWindow[] {
    const open: CertWindow[] = [];
    for (let i = 0; i < this.certs.length; i++)
      if (this.brokenSince[i]! >= 0) open.push({ ...this.certs[i]!, reason: this.brokenReason[i]!, from: this.brokenSince[i]! });
    return [...this.windows, ...open];
  }

  /** Windows still open at the end are reported with `to` undefined. */
  finish(): CertWindow[] {
    for (let i = 0; i < this.certs.length; i++) if (this.brokenSince[i]! >= 0) this.close(i, undefined);
    return [...this.windows].sort((a, b) => a.from - b.from || a.cluster.localeCompare(b.cluster) || a.component.localeCompare(b.component) || (a.node ?? '').localeCompare(b.node ?? ''));
  }

  private issueCa(ci: number): void {
    this.caNotAfter[ci] = this.sim.now + this.clusters[ci]!.caTTL;
    const gen = ++this.caGeneration[ci]!;
    this.sim.at(this.caNotAfter[ci]!, this.kCaExpire, ci, gen);
  }

  private issue(i: number): void {
    const ci = this.clusterOf[i]!;
    if (this.brokenSince[i]! >= 0) this.close(i, this.sim.now);
    if (this.sim.now >= this.caNotAfter[ci]!) {
      // A certificate signed by an expired CA does not verify (RFC 5280 path validation checks every
      // certificate of the chain for validity at the current time).
      this.open(i, 'ca-expired');
      return;
    }
    // A certificate never outlives its issuer in practice: cap notAfter at the CA's notAfter.
    this.notAfter[i] = Math.min(this.sim.now + this.clusters[ci]!.certTTL, this.caNotAfter[ci]!);
    const gen = ++this.generation[i]!;
    this.sim.at(this.notAfter[i]!, this.kExpire, i, gen);
  }

  private onExpire(i: number, gen: number): void {
    if (gen !== this.generation[i] || this.brokenSince[i]! >= 0) return;
    const ci = this.clusterOf[i]!;
    this.open(i, this.sim.now >= this.caNotAfter[ci]! ? 'ca-expired' : 'expired');
  }

  private onCaExpire(ci: number, gen: number): void {
    if (gen !== this.caGeneration[ci]) return;
    for (let i = 0; i < this.certs.length; i++) if (this.clusterOf[i] === ci && this.brokenSince[i]! < 0) this.open(i, 'ca-expired');
  }

  private open(i: number, reason: 'expired' | 'ca-expired'): void {
    this.brokenSince[i] = this.sim.now;
    this.brokenReason[i] = reason;
  }

  private close(i: number, to: number | undefined): void {
    const c = this.certs[i]!;
    this.windows.push({ ...c, reason: this.brokenReason[i]!, from: this.brokenSince[i]!, ...(to === undefined ? {} : { to }) });
    this.brokenSince[i] = -1;
    this.brokenReason[i] = undefined;
  }
}
