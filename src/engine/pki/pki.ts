// engine: certificates on the timeline — every cluster's CA and the certificates of its inventory are
// issued at start, renewed by their issuer's rule (cert-operator, cert-manager, kubeadm upgrades, the
// kubelet's own rotation), picked up by their component on change or only on restart, and checked at every
// change: expired, presented although a renewed one waits (not reloaded), signed by a CA no longer trusted
// (a CA rotation's steps), or signed by an expired CA. Every window is recorded; PkiEffects turns them into
// network consequences.
import type { PkiModel } from '../../model/pki/types.js';
import type { Simulation } from '../simulation.js';
import { CaTrust } from './ca-trust.js';
import { PkiEffects, type EffectHooks } from './pki-effects.js';
import type { CaRotation, CertId, CertProblem, CertState, CertWindow } from './types.js';

const PROBLEMS: readonly CertProblem[] = ['expired', 'ca-expired', 'not-reloaded', 'untrusted'];

const STEP = { 'trust-new': 0, reissue: 1, 'distrust-old': 2 } as const;

/** The certificate state of every cluster, driven by the simulation. */
export class Pki {
  readonly certs: CertId[];
  readonly effects: PkiEffects;
  readonly trust: CaTrust;
  readonly windows: CertWindow[] = [];
  readonly rotations: { readonly at: number; readonly cluster: string; readonly component: string; readonly count: number }[] = [];
  private readonly issuedAt: Float64Array;
  private readonly issuedNotAfter: Float64Array;
  private readonly issuedCa: Int32Array;
  private readonly issueSeq: Int32Array;
  private readonly presentedAt: Float64Array;
  private readonly presNotAfter: Float64Array;
  private readonly presCa: Int32Array;
  private readonly presSeq: Int32Array;
  private readonly nextRenewal: Float64Array;
  private readonly brokenSince: Float64Array;
  /** Index into PROBLEMS, -1 when valid. */
  private readonly brokenReason: Int8Array;
  private readonly byCluster: number[][];
  private readonly bySigner: number[][];
  // Hot fields of the model's certificates, flattened (the model's objects differ in shape).
  private readonly ttl: Float64Array;
  private readonly renewAfter: Float64Array;
  private readonly fracLo: Float64Array;
  private readonly fracSpan: Float64Array;
  private readonly onChange: Uint8Array;
  private readonly delay: Float64Array;
  private readonly signer: Int32Array;
  private readonly keyOnly: Uint8Array;
  private readonly byNode = new Map<number, number[]>();
  private readonly kRenew: number;
  private readonly kReload: number;
  private readonly kExpire: number;
  private readonly kUpgrade: number;
  private readonly kCaStep: number;
  private readonly pendingSteps: { cluster: number; step: number; gen: number }[] = [];

  constructor(
    readonly model: PkiModel,
    private readonly sim: Simulation,
    clusterNodes: readonly (readonly number[])[],
    nodeNames: readonly string[],
    hooks: EffectHooks = {},
  ) {
    const n = model.certs.length;
    this.certs = model.certs.map((c) => ({ cluster: c.clusterName, component: c.component, name: c.name, ...(c.nodeName !== undefined ? { node: c.nodeName } : {}) }));
    this.effects = new PkiEffects(model.certs, model.clusters.map((c) => c.name), clusterNodes, nodeNames, hooks);
    this.trust = new CaTrust(model.clusters.map((c) => c.caTTL), sim, (ci) => this.recheckSignedBy(ci));
    this.issuedAt = new Float64Array(n);
    this.issuedNotAfter = new Float64Array(n);
    this.issuedCa = new Int32Array(n);
    this.issueSeq = new Int32Array(n);
    this.presentedAt = new Float64Array(n);
    this.presNotAfter = new Float64Array(n);
    this.presCa = new Int32Array(n);
    this.presSeq = new Int32Array(n);
    this.nextRenewal = new Float64Array(n).fill(-1);
    this.brokenSince = new Float64Array(n).fill(-1);
    this.brokenReason = new Int8Array(n).fill(-1);
    this.ttl = Float64Array.from(model.certs, (c) => c.ttl);
    this.renewAfter = Float64Array.from(model.certs, (c) => c.renewAfter ?? -1);
    this.fracLo = Float64Array.from(model.certs, (c) => c.renewFraction?.[0] ?? -1);
    this.fracSpan = Float64Array.from(model.certs, (c) => (c.renewFraction ? c.renewFraction[1] - c.renewFraction[0] : 0));
    this.onChange = Uint8Array.from(model.certs, (c) => (c.reload === 'on-change' ? 1 : 0));
    this.delay = Float64Array.from(model.certs, (c) => c.reloadDelay);
    this.signer = Int32Array.from(model.certs, (c) => c.signedBy);
    this.keyOnly = Uint8Array.from(model.certs, (c) => (c.keyOnly ? 1 : 0));
    this.byCluster = model.clusters.map((c) => [...c.certs]);
    this.bySigner = model.clusters.map(() => []);
    for (const c of model.certs) if (c.signedBy >= 0) this.bySigner[c.signedBy]!.push(c.index);
    for (const c of model.certs) {
      if (c.node < 0) continue;
      const list = this.byNode.get(c.node);
      if (list) list.push(c.index);
      else this.byNode.set(c.node, [c.index]);
    }
    this.kRenew = sim.defineKind('cert-renew', (i, seq) => {
      if (seq === this.issueSeq[i]) this.renew(i);
    });
    this.kReload = sim.defineKind('cert-reload', (i, seq) => {
      if (seq === this.issueSeq[i]) this.present(i);
    });
    this.kExpire = sim.defineKind('cert-expire', (i, seq) => {
      if (seq === this.presSeq[i]) this.evaluate(i);
    });
    this.kUpgrade = sim.defineKind('control-plane-upgrade', (ci) => this.upgrade(ci));
    this.kCaStep = sim.defineKind('ca-rotation-step', (k) => this.caStep(k));
  }

  /** Issues every CA and certificate at the current time and schedules upgrades. */
  start(): void {
    this.model.clusters.forEach((c, ci) => {
      this.trust.issueFirst(ci);
      if (c.upgradeEvery !== undefined) this.sim.after(c.upgradeEvery, this.kUpgrade, ci, 0);
    });
    for (let i = 0; i < this.model.certs.length; i++) {
      this.issue(i);
      this.present(i);
    }
  }

  /**
   * Re-issues certificates of a cluster on an operator's request and has the components pick them up: one
   * component (or a legacy alias), all, or `ca` — the CA itself, at once, or in steps when `rotation` is given.
   */
  rotate(cluster: number, component: string | undefined, rotation?: CaRotation, aliases: readonly string[] = []): number {
    if (component === 'ca' && rotation !== undefined) return this.rotateCaInSteps(cluster, rotation);
    if (component === 'ca') this.trust.replace(cluster);
    let count = 0;
    for (const i of this.byCluster[cluster]!) {
      const c = this.model.certs[i]!;
      if (component !== undefined && component !== 'ca' && c.component !== component && !aliases.includes(c.component)) continue;
      this.issue(i);
      this.present(i);
      count++;
    }
    this.rotations.push({ at: this.sim.now, cluster: this.model.clusters[cluster]!.name, component: component ?? 'all', count });
    return count;
  }

  /** A node came back up: its own certificates are read afresh; Felix without Typha leaves it without a dataplane. */
  nodeRestarted(node: number): void {
    for (const i of this.byNode.get(node) ?? []) if (this.presSeq[i] !== this.issueSeq[i]) this.present(i);
    this.effects.nodeRestarted(node, this.sim.now);
  }

  /** Index of a cluster by name (-1 when unknown). */
  clusterIndex(name: string): number {
    return this.model.clusters.findIndex((c) => c.name === name);
  }

  /** A certificate's state now. */
  state(i: number): CertState {
    const r = this.brokenReason[i]!;
    return {
      notBefore: this.presentedAt[i]!,
      notAfter: this.presNotAfter[i]!,
      ...(this.nextRenewal[i]! >= 0 ? { nextRenewal: this.nextRenewal[i]! } : {}),
      caGeneration: this.presCa[i]!,
      status: r < 0 ? 'valid' : PROBLEMS[r]!,
      pendingReload: this.presSeq[i] !== this.issueSeq[i],
    };
  }

  /** Every window so far, closed ones and those still open (`to` undefined), without closing any. */
  windowsSoFar(): CertWindow[] {
    const open: CertWindow[] = [];
    for (let i = 0; i < this.certs.length; i++) if (this.brokenSince[i]! >= 0) open.push({ ...this.certs[i]!, reason: PROBLEMS[this.brokenReason[i]!]!, from: this.brokenSince[i]! });
    return sortWindows([...this.windows, ...open]);
  }

  /** Windows still open at the end are reported with `to` undefined. */
  finish(): CertWindow[] {
    return this.windowsSoFar();
  }

  private issue(i: number): void {
    const now = this.sim.now;
    const signer = this.signer[i]!;
    const ca = signer >= 0 ? this.trust.signing(signer) : 0;
    // A certificate never outlives its issuer: notAfter is capped at the CA's, as Vault's issuer setting
    // leaf_not_after_behavior=truncate does (hashicorp/vault#15152; the default `err` refuses instead).
    const caEnd = signer >= 0 ? this.trust.notAfter(signer, ca) : Infinity;
    const ttl = this.ttl[i]!;
    this.issuedAt[i] = now;
    this.issuedNotAfter[i] = Math.min(now + ttl, caEnd);
    this.issuedCa[i] = ca;
    const seq = ++this.issueSeq[i]!;
    let next = -1;
    if (this.renewAfter[i]! >= 0) next = now + this.renewAfter[i]!;
    else if (this.fracLo[i]! >= 0) next = now + ttl * (this.fracLo[i]! + this.fracSpan[i]! * this.sim.prng.next());
    this.nextRenewal[i] = next;
    if (next >= 0) this.sim.at(next, this.kRenew, i, seq);
  }

  /** A renewal by the issuer: the component serves it after its reload delay, or at its next restart. */
  private renew(i: number): void {
    this.issue(i);
    const onChange = this.onChange[i] === 1;
    if (onChange && this.delay[i] === 0) {
      this.present(i);
      return;
    }
    if (onChange) this.sim.after(this.delay[i]!, this.kReload, i, this.issueSeq[i]!);
    this.evaluate(i);
  }

  private present(i: number): void {
    this.presentedAt[i] = this.issuedAt[i]!;
    this.presNotAfter[i] = this.issuedNotAfter[i]!;
    this.presCa[i] = this.issuedCa[i]!;
    this.presSeq[i] = this.issueSeq[i]!;
    // The expiry needs an event only if no renewal picked up on change replaces the certificate first.
    const next = this.nextRenewal[i]!;
    const replaced = this.onChange[i] === 1 && next >= 0 && next + this.delay[i]! < this.presNotAfter[i]!;
    if (!replaced && this.presNotAfter[i]! > this.sim.now) this.sim.at(this.presNotAfter[i]!, this.kExpire, i, this.presSeq[i]!);
    this.evaluate(i);
  }

  /** kubeadm upgrade: every leaf it manages is re-issued and the control plane restarts, reading them. */
  private upgrade(ci: number): void {
    for (const i of this.byCluster[ci]!) {
      const c = this.model.certs[i]!;
      if (c.renewOnUpgrade) this.issue(i);
      if (c.renewOnUpgrade || (c.reload === 'on-restart' && c.node < 0)) this.present(i);
    }
    this.sim.after(this.model.clusters[ci]!.upgradeEvery!, this.kUpgrade, ci, 0);
  }

  private rotateCaInSteps(ci: number, r: CaRotation): number {
    const gen = this.trust.create(ci);
    const last = Math.max(1, r.order.length - 1);
    r.order.forEach((step, k) => {
      this.pendingSteps.push({ cluster: ci, step: STEP[step], gen });
      this.sim.after((r.overlap * k) / last, this.kCaStep, this.pendingSteps.length - 1, 0);
    });
    this.rotations.push({ at: this.sim.now, cluster: this.model.clusters[ci]!.name, component: 'ca', count: this.byCluster[ci]!.length });
    return this.byCluster[ci]!.length;
  }

  private caStep(k: number): void {
    const { cluster, step, gen } = this.pendingSteps[k]!;
    if (step === STEP['trust-new']) this.trust.trustUpTo(cluster, gen);
    else if (step === STEP['distrust-old']) this.trust.trustFrom(cluster, gen);
    else {
      this.trust.signWith(cluster, gen);
      for (const i of this.bySigner[cluster]!) this.renew(i);
    }
    this.recheckSignedBy(cluster);
  }

  private recheckSignedBy(ci: number): void {
    for (const i of this.bySigner[ci]!) this.evaluate(i);
  }

  private evaluate(i: number): void {
    if (this.keyOnly[i] === 1) return;
    const now = this.sim.now;
    const signer = this.signer[i]!;
    let reason = -1;
    const caGone = signer >= 0 && this.trust.notAfter(signer, this.presCa[i]!) <= now;
    if (this.presNotAfter[i]! <= now) reason = this.issuedNotAfter[i]! > now ? 2 : caGone ? 1 : 0;
    else if (signer >= 0 && !this.trust.trusted(signer, this.presCa[i]!)) reason = 3;
    else if (caGone) reason = 1;
    const was = this.brokenReason[i]!;
    if (reason === was) return;
    if (was >= 0) this.windows.push({ ...this.certs[i]!, reason: PROBLEMS[was]!, from: this.brokenSince[i]!, to: now });
    this.brokenReason[i] = reason;
    this.brokenSince[i] = reason >= 0 ? now : -1;
    if ((was >= 0) !== (reason >= 0)) this.effects.certChanged(i, reason >= 0, now);
  }
}

function sortWindows(ws: CertWindow[]): CertWindow[] {
  return ws.sort((a, b) => a.from - b.from || a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name) || a.reason.localeCompare(b.reason));
}
