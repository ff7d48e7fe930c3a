// compile: the public face of the policy compiler — compilePolicies(model) into verdicts, explanations and
// class × class matrices per packet class, kept exact under single-policy add/modify/delete.
import { diagnosticAt, type Diagnostic } from '../../lib/diagnostics.js';
import type { Policy, PolicyKind, PolicyModel } from '../../model/policy/types.js';
import type { Manifest } from '../../scenario/types.js';
import { evaluateReference } from '../../model/policy/eval/evaluate-reference.js';
import type { Outcome, Packet, Peer, Verdict } from '../../model/policy/eval/types.js';
import { policyKey, releasePolicy, type CPolicy } from './rules/compile-rules.js';
import { convertPolicyManifest } from './convert-policy-manifest.js';
import { classOfPeer, explainPacket, podOfPeer } from './explain/explain-packet.js';
import { decideSide, SIDE_DELEGATED, SIDE_END_OF_TIER, SIDE_FAILSAFE, SIDE_NO_PROFILE, SIDE_NOT_APPLICABLE, sideAllows } from './explain/explain-side.js';
import type { MatrixState } from './matrix/matrix-state.js';
import { clusterIps, overlayUncertain } from './uncertain/overlay-uncertain.js';
import { specOf, type PacketSpec } from './rules/packet-class.js';
import { PolicyCore, type CoreOptions } from './matrix/policy-core.js';
import { PolicyMatrix } from './matrix/policy-matrix.js';
import { sweepPorts, sweepProtocols, type SweptProtocol } from './matrix/port-sweep.js';
import { comparePolicies, insertionPoint } from './rules/target-policies.js';
import { markUncertain } from './uncertain/uncertain-classes.js';

export type CompileOptions = CoreOptions;

/** Pairs of classes (flat src, dst lists) whose verdict changed for one cached packet class. */
export interface MatrixChange {
  readonly packet: PacketSpec;
  readonly matrix: PolicyMatrix;
  readonly allowed: readonly number[];
  readonly denied: readonly number[];
}

/** The effect of one policy operation on every cached matrix. */
export interface PolicyChange {
  readonly key: string;
  readonly changes: readonly MatrixChange[];
}

/** The meaning of a decide() code. */
export type CodeMeaning =
  | { readonly kind: 'rule'; readonly policy: Policy; readonly tier: string; readonly ruleIndex: number; readonly action: string }
  | { readonly kind: 'profile'; readonly profile: string; readonly ruleIndex: number; readonly action: string }
  | { readonly kind: 'end-of-tier'; readonly tier: string }
  | { readonly kind: 'not-applicable' | 'failsafe' | 'no-profile' | 'delegated' };

/** Identifies a policy for deletion. */
export interface PolicyRefKey {
  readonly kind: PolicyKind;
  readonly namespace?: string;
  readonly name: string;
}

/** Compiles a PolicyModel (see CompiledPolicies). */
export function compilePolicies(model: PolicyModel, options: CompileOptions = {}): CompiledPolicies {
  return new CompiledPolicies(model, options);
}

/** A compiled model: verdicts agree with evaluateReference on every packet (source ports aside: delegated). */
export class CompiledPolicies {
  private core: PolicyCore;
  private uncertain: number[];
  /** The model as compiled; `policies` stale after an operation until `model` is read. */
  private readonly base: PolicyModel;
  private current: PolicyModel | undefined;
  /** Compiled policies in Felix order. */
  private ordered: CPolicy[];
  private readonly numbered = new WeakMap<CPolicy, Policy>();
  private readonly mayBeUncertain: boolean;
  private readonly svcIps: ReadonlySet<number>;
  private readonly codes = new Int32Array(2);

  constructor(
    model: PolicyModel,
    private readonly options: CompileOptions = {},
  ) {
    this.base = model;
    this.current = model;
    this.core = new PolicyCore(model, options);
    this.ordered = [...this.core.policies.values()].sort(comparePolicies);
    this.mayBeUncertain = model.namespaces.some((n) => !n.declared) || model.endpoints.some((e) => e.ip === undefined);
    this.uncertain = this.mayBeUncertain ? markUncertain(model, this.core.ps) : [];
    this.svcIps = clusterIps(model);
  }

  /** The model as it stands after the incremental operations (policies in Felix order, ids renumbered). */
  get model(): PolicyModel {
    if (!this.current) {
      const policies = this.ordered.map((cp, i) => {
        if (cp.policy.id === i) return cp.policy;
        let p = this.numbered.get(cp);
        if (p?.id !== i) this.numbered.set(cp, (p = { ...cp.policy, id: i }));
        return p;
      });
      this.current = { ...this.base, policies };
    }
    return this.current;
  }

  /** Number of identity classes. */
  get classCount(): number {
    return this.core.u.classes.n;
  }

  /** Classes whose cells the reference evaluator decides (an undeclared namespace, a pod without an address). */
  uncertainClasses(): readonly number[] {
    return this.uncertain;
  }

  /** The identity class of a packet end (the row / column of matrices). */
  classOf(peer: Peer): number {
    return classOfPeer(this.core, peer);
  }

  /** The verdict on a packet: as evaluateReference(model, pkt).verdict. */
  verdict(pkt: Packet): Outcome {
    return this.decide(pkt).verdict;
  }

  /**
   * The verdict with the deciding rule of each side as compact codes (valid until the next call): codes[0]
   * egress, codes[1] ingress — a rule id, or a SIDE_* constant of explain-side.ts; describeCode names them.
   * Packets with a source port or to a Service address, traffic to itself and pairs touching an uncertain
   * class get SIDE_DELEGATED codes (their verdict comes from explain / the reference evaluator).
   */
  decide(pkt: Packet): { verdict: Outcome; codes: Int32Array } {
    const out = { verdict: 'allow' as Outcome, codes: this.codes };
    this.codes[0] = SIDE_DELEGATED;
    this.codes[1] = SIDE_DELEGATED;
    if (pkt.srcPort !== undefined || ('ip' in pkt.dst && this.svcIps.has(pkt.dst.ip >>> 0))) {
      out.verdict = this.explain(pkt).verdict;
      return out;
    }
    const pod = podOfPeer(this.core, pkt.src);
    if (pod >= 0 && pod === podOfPeer(this.core, pkt.dst)) return out;
    const a = classOfPeer(this.core, pkt.src);
    const b = classOfPeer(this.core, pkt.dst);
    const { uncertain } = this.core.u.classes;
    if (uncertain[a] === 1 || uncertain[b] === 1) {
      out.verdict = evaluateReference(this.model, pkt).verdict;
      return out;
    }
    const rs = this.core.ruleState(pkt);
    const e = decideSide(this.core, rs, a, b, 'egress');
    const i = decideSide(this.core, rs, b, a, 'ingress');
    this.codes[0] = e;
    this.codes[1] = i;
    out.verdict = sideAllows(this.core, e) && sideAllows(this.core, i) ? 'allow' : 'deny';
    return out;
  }

  /** Whether a decide() code other than SIDE_DELEGATED lets the packet through its side. */
  codeAllows(code: number): boolean {
    return sideAllows(this.core, code);
  }

  /** What a decide() code stands for. */
  describeCode(code: number): CodeMeaning {
    if (code >= 0) {
      const r = this.core.ctx.table[code];
      if (r?.policy) return { kind: 'rule', policy: r.policy.policy, tier: r.policy.policy.tier, ruleIndex: r.rule.index, action: r.rule.action };
      if (r?.profile) return { kind: 'profile', profile: r.profile, ruleIndex: r.rule.index, action: r.rule.action };
    }
    if (code === SIDE_NOT_APPLICABLE) return { kind: 'not-applicable' };
    if (code === SIDE_FAILSAFE) return { kind: 'failsafe' };
    if (code === SIDE_NO_PROFILE) return { kind: 'no-profile' };
    if (code <= SIDE_END_OF_TIER && code > SIDE_DELEGATED) return { kind: 'end-of-tier', tier: this.core.model.tiers[SIDE_END_OF_TIER - code]?.name ?? '' };
    return { kind: 'delegated' };
  }

  /** The full explanation: deep-equal to evaluateReference(model, pkt). */
  explain(pkt: Packet): Verdict {
    return explainPacket(this.core, this.model, pkt);
  }

  /** The class × class matrix of a packet class (built once, then maintained by apply/delete). */
  matrix(pkt: PacketSpec): PolicyMatrix {
    const spec = specOf(pkt);
    const { state, built } = this.core.matrixState(spec);
    if (built) overlayUncertain(this.core, this.model, state, this.uncertain);
    return new PolicyMatrix(this.core, state, spec);
  }

  /**
   * Visits the matrix of every destination-port interval [lo, hi] of `protocol` (in port order; each interval
   * is one packet class for every rule), carrying one matrix from interval to interval. The PolicyMatrix is
   * only valid during its visit. Returns the number of intervals.
   */
  sweepPorts(protocol: number, visit: (lo: number, hi: number, matrix: PolicyMatrix) => void): number {
    return sweepPorts(this.core, protocol, (lo, hi, state) => {
      if (this.uncertain.length > 0) overlayUncertain(this.core, this.model, state, this.uncertain);
      visit(lo, hi, new PolicyMatrix(this.core, state, { protocol, dstPort: lo }));
    });
  }

  /**
   * sweepPorts of each protocol of `list` in turn, carrying one matrix across protocols too; a protocol
   * without `ports` is visited once (as [1, 65535]). Returns the number of visits.
   */
  sweepProtocols(list: readonly SweptProtocol[], visit: (protocol: number, lo: number, hi: number, matrix: PolicyMatrix) => void): number {
    return sweepProtocols(this.core, list, (protocol, lo, hi, state) => {
      if (this.uncertain.length > 0) overlayUncertain(this.core, this.model, state, this.uncertain);
      visit(protocol, lo, hi, new PolicyMatrix(this.core, state, { protocol, dstPort: lo }));
    });
  }

  /** Stops maintaining the matrix of a packet class. */
  dropMatrix(pkt: PacketSpec): void {
    this.core.dropMatrix(specOf(pkt));
  }

  /** Adds or replaces (same kind/namespace/name) a policy. Its tier must exist. */
  applyPolicy(policy: Policy): PolicyChange {
    if (!this.core.tierPos.has(policy.tier)) throw new RangeError(`tier "${policy.tier}" does not exist; policy ${policy.name} is rejected`);
    if (!this.core.registerCidrs(policy)) {
      this.rebuild();
      this.core.registerCidrs(policy);
    }
    return this.change(policyKey(policy), policy);
  }

  /** Removes a policy (no change when it does not exist). */
  deletePolicy(ref: PolicyRefKey): PolicyChange {
    return this.change(policyKey(ref), undefined);
  }

  /** Converts a policy manifest and applies it. */
  applyManifest(m: Manifest): { change?: PolicyChange; diagnostics: Diagnostic[] } {
    const { policy, diagnostics } = convertPolicyManifest(m);
    if (!policy || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
    if (!this.core.tierPos.has(policy.tier)) {
      const message = `tier "${policy.tier}" does not exist (declare a projectcalico.org/v3 Tier); policy ${policy.name} is rejected`;
      return { diagnostics: [...diagnostics, diagnosticAt(m.locate('spec.tier'), 'spec.tier', message, 'error', m.src.file)] };
    }
    return { change: this.applyPolicy(policy), diagnostics };
  }

  private change(key: string, policy: Policy | undefined): PolicyChange {
    const core = this.core;
    const matrices = [...core.matrices.values()];
    const states = [...core.ruleStates.values(), ...matrices.map((m) => m.rs)];
    const ingress = new Set<number>();
    const egress = new Set<number>();
    const touch = (cp: CPolicy, classes: readonly number[]): void => {
      for (const c of classes) {
        if (cp.applies.ingress) ingress.add(c);
        if (cp.applies.egress) egress.add(c);
      }
    };
    const old = core.policies.get(key);
    const changedPolicies: CPolicy[] = [];
    if (old) {
      changedPolicies.push(old);
      touch(old, core.targets.remove(old, core.pool));
      for (const r of [...old.rules.ingress, ...old.rules.egress]) for (const s of states) s.clearRule(r.id);
      releasePolicy(core.ctx, old);
      core.policies.delete(key);
      this.ordered.splice(this.ordered.indexOf(old), 1);
    }
    if (policy) {
      const { cp, classes } = core.addPolicy(policy);
      changedPolicies.push(cp);
      touch(cp, classes);
      for (const r of [...cp.rules.ingress, ...cp.rules.egress]) for (const s of states) s.setRule(r);
      this.ordered.splice(insertionPoint(this.ordered, cp), 0, cp);
    }
    for (const s of states) s.dropPrograms();
    this.current = undefined;
    const previous = this.uncertain;
    if (this.mayBeUncertain) this.uncertain = markUncertain(this.model, core.ps);
    const changes: MatrixChange[] = [];
    for (const m of matrices) {
      m.recompute([...ingress], [...egress], changedPolicies);
      if (previous.length > 0 || this.uncertain.length > 0) overlayUncertain(core, this.model, m, this.uncertain);
      const d = m.diff();
      changes.push({ packet: m.rs.pkt, matrix: new PolicyMatrix(core, m, m.rs.pkt), allowed: d.allowed, denied: d.denied });
    }
    return { key, changes };
  }

  /** Recompiles the current model with twice the class capacity, keeping the cached matrices' packets. */
  private rebuild(): void {
    const packets = [...this.core.matrices.values()].map((m: MatrixState) => m.rs.pkt);
    const slack = Math.max(128, this.core.words * 64);
    this.core = new PolicyCore(this.model, { ...this.options, slack });
    this.ordered = [...this.core.policies.values()].sort(comparePolicies);
    this.uncertain = this.mayBeUncertain ? markUncertain(this.model, this.core.ps) : [];
    for (const pkt of packets) this.matrix(pkt);
  }
}
