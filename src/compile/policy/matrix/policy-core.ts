// compile: the state of a compiled PolicyModel — classes, peer sets, compiled policies and profiles, the
// per-target policy lists, and the cached per-packet-class rule states and matrices built from them.
import { wordCount } from '../../../lib/containers/bitset.js';
import type { Cidr } from '../../../lib/ipv4.js';
import type { Direction, Policy, PolicyModel, Rule } from '../../../model/policy/types.js';
import { BitPool } from '../../../lib/containers/bit-pool.js';
import { buildUniverse } from '../classes/build-universe.js';
import { KIND_HEP, KIND_WEP } from '../classes/class-table.js';
import { compilePolicy, compileRule, firePairs, type CPolicy, type CRule, type RuleCtx } from '../rules/compile-rules.js';
import { buildProgram, type Program, type ProgramInput } from '../rules/eval-program.js';
import { MatrixState, type MatrixCore } from './matrix-state.js';
import { isFailsafe, PacketClasses, specOf, type PacketSpec } from '../rules/packet-class.js';
import { PeerSets } from '../rules/peer-sets.js';
import { NamedPorts } from '../rules/port-sets.js';
import { RuleState } from '../rules/rule-state.js';
import { TargetPolicies } from '../rules/target-policies.js';
import type { Universe } from '../classes/universe.js';

export interface CoreOptions {
  /** Spare class capacity for incremental CIDR refinement (default max(64, classes / 4)). */
  readonly slack?: number;
  /** Packet classes whose rule states are kept for verdict/explain queries (default 64). */
  readonly maxRuleStates?: number;
}

/** Every IPv4 CIDR of a rule list (nets and notNets of both sides). */
function ruleCidrs(rules: readonly Rule[], out: Cidr[]): void {
  for (const r of rules) {
    const { source: s, destination: d } = r;
    if (s.nets) out.push(...s.nets);
    if (s.notNets) out.push(...s.notNets);
    if (d.nets) out.push(...d.nets);
    if (d.notNets) out.push(...d.notNets);
  }
}

/** Hot data holder: one compiled model. */
export class PolicyCore implements MatrixCore {
  readonly u: Universe;
  readonly words: number;
  readonly pool: BitPool;
  readonly ps: PeerSets;
  readonly named: NamedPorts;
  readonly packets = new PacketClasses();
  readonly ctx: RuleCtx;
  readonly targets = new TargetPolicies();
  readonly policies = new Map<string, CPolicy>();
  readonly profiles = new Map<string, Record<Direction, CRule[]>>();
  readonly tierPos: ReadonlyMap<string, number>;
  readonly ruleStates = new Map<string, RuleState>();
  /** (protocol, port) → rule state, for packets without ICMP fields. */
  private readonly byNumber = new Map<number, RuleState>();
  readonly matrices = new Map<string, MatrixState>();
  readonly validSlot: number;
  private readonly identProfiles: Int32Array[][] = [];
  private readonly hepProfiles: Int32Array[][] = [];
  private readonly profileLists = new Map<string, Int32Array[]>();
  private readonly programInput: { -readonly [K in keyof ProgramInput]: ProgramInput[K] };
  /** Set when a split needed more classes than the capacity (the owner recompiles). */
  overflow = false;
  private packetsVersion = -1;

  constructor(
    public model: PolicyModel,
    readonly options: CoreOptions = {},
  ) {
    const cidrs: Cidr[] = [];
    for (const p of [...model.policies, ...model.profiles.values()]) {
      ruleCidrs(p.ingress, cidrs);
      ruleCidrs(p.egress, cidrs);
    }
    this.u = buildUniverse(model, cidrs);
    const n = this.u.classes.n;
    this.words = wordCount(n + (options.slack ?? Math.max(64, n >> 2)));
    this.pool = new BitPool(this.words, 256 + 4 * model.policies.length);
    this.ps = new PeerSets(this.u, this.pool);
    this.validSlot = this.ps.valid;
    this.named = new NamedPorts(this.u);
    for (const p of this.named.numbers) this.packets.addRange(p, p);
    for (const facts of this.u.classes.services) for (const f of facts) for (const pp of f.ports) this.packets.addRange(pp & 65535, pp & 65535);
    this.ctx = { model, ps: this.ps, table: [], freeIds: [], entityCache: new Map() };
    this.tierPos = new Map(model.tiers.map((t, i) => [t.name, i]));
    this.programInput = { target: 0, dir: 'ingress', policies: [], tiers: model.tiers, profiles: [], failsafe: false, validSlot: this.validSlot, words: this.words };
    for (const prof of [...model.profiles.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const compiled = { ingress: [] as CRule[], egress: [] as CRule[] };
      for (const dir of ['ingress', 'egress'] as const) {
        for (const r of prof[dir]) {
          this.packets.addRule(r);
          compiled[dir].push(compileRule(this.ctx, r, dir, { profile: prof.name }));
        }
      }
      this.profiles.set(prof.name, compiled);
    }
    // Every policy's targets at once (a policy at a time, B1's 2,000 policies edited ~330k list memberships).
    const cps: CPolicy[] = [];
    for (const p of model.policies) cps.push(this.compile(p));
    this.targets.addAll(cps, this.pool);
  }

  classCount(): number {
    return this.u.classes.n;
  }

  isTarget(c: number): boolean {
    return this.u.classes.isTarget(c);
  }

  poolData(): Int32Array {
    return this.pool.data;
  }

  /** Splits preserve everything compiled so far: copy the class's column and rows. */
  readonly onSplit = (from: number, to: number): void => {
    if (to >= this.words * 32) {
      this.overflow = true;
      return;
    }
    this.pool.copyColumn(from, to);
    this.ps.onSplit(from, to);
    this.targets.onSplit(from, to);
    for (const m of this.matrices.values()) {
      m.onSplit(from, to);
      m.rs.dropPrograms();
    }
    for (const rs of this.ruleStates.values()) rs.dropPrograms();
  };

  /** Registers the policy's CIDRs (refining classes); false when the class capacity overflowed. */
  registerCidrs(p: Policy): boolean {
    const cidrs: Cidr[] = [];
    ruleCidrs(p.ingress, cidrs);
    ruleCidrs(p.egress, cidrs);
    for (const c of cidrs) this.ps.cidr(c, this.onSplit);
    return !this.overflow;
  }

  /** Compiles and indexes a policy (CIDRs registered first); returns it and the classes it selects. */
  addPolicy(p: Policy): { cp: CPolicy; classes: number[] } {
    this.registerCidrs(p);
    const cp = this.compile(p);
    return { cp, classes: this.targets.add(cp, this.pool) };
  }

  /**
   * Compiles a policy whose CIDRs are registered (the constructor's universe is refined by every CIDR of the
   * model) and keeps it by key; its targets are not indexed.
   */
  private compile(p: Policy): CPolicy {
    for (const r of p.ingress) this.packets.addRule(r);
    for (const r of p.egress) this.packets.addRule(r);
    const cp = compilePolicy(this.ctx, p, this.tierPos.get(p.tier) ?? 0);
    this.policies.set(cp.key, cp);
    return cp;
  }

  /** The compiled profile rules of a target class, in profile order. */
  profileRules(c: number, dir: Direction): readonly CRule[][] {
    const { classes } = this.u;
    const kind = classes.kind[c] as number;
    const ident = classes.ident[c] as number;
    const names =
      kind === KIND_WEP ? (this.u.identities[ident]?.profiles ?? []) : kind === KIND_HEP ? (this.model.hostEndpoints[ident]?.profiles ?? []) : [];
    const out: CRule[][] = [];
    for (const name of names) {
      const prof = this.profiles.get(name);
      if (prof) out.push(prof[dir]);
    }
    return out;
  }

  /**
   * profileRules as (rule id, action) pairs, cached per identity / HostEndpoint; one array object per kind
   * and profile list, so that it can key the sharing of programs between classes.
   */
  profilePairs(c: number, dir: Direction): readonly Int32Array[] {
    const kind = this.u.classes.kind[c] as number;
    const cache = kind === KIND_WEP ? this.identProfiles : this.hepProfiles;
    const at = 2 * (this.u.classes.ident[c] as number) + (dir === 'ingress' ? 0 : 1);
    const hit = cache[at];
    if (hit) return hit;
    const ident = this.u.classes.ident[c] as number;
    const names = kind === KIND_WEP ? (this.u.identities[ident]?.profiles ?? []) : (this.model.hostEndpoints[ident]?.profiles ?? []);
    const key = `${kind}|${dir}|${names.join('\u0000')}`;
    let list = this.profileLists.get(key);
    if (!list) this.profileLists.set(key, (list = this.profileRules(c, dir).map(firePairs)));
    cache[at] = list;
    return list;
  }

  /** The policy group of a target class (classes of one group have the same policy list). */
  groupOf(dir: Direction, c: number): object {
    return this.targets.groupOf(dir, c);
  }

  programFor(c: number, dir: Direction, rs: RuleState, prog: Program): void {
    const inp = this.programInput;
    inp.target = c;
    inp.dir = dir;
    inp.policies = this.targets.get(dir, c);
    inp.profiles = this.u.classes.isTarget(c) ? this.profilePairs(c, dir) : [];
    inp.failsafe = this.u.classes.kind[c] === KIND_HEP && isFailsafe(rs.pkt, dir);
    buildProgram(prog, inp, rs, this.pool.data);
  }

  /** The rule state of a packet's class (cached, least recently used dropped first). */
  ruleState(pkt: PacketSpec): RuleState {
    this.rekey();
    // Fast path for the common packet without ICMP fields: a numeric cache in front of the keyed one.
    const plain = pkt.icmpType === undefined && pkt.icmpCode === undefined;
    const num = plain ? pkt.protocol * 65537 + (pkt.dstPort ?? 65536) : -1;
    if (plain) {
      const hit = this.byNumber.get(num);
      if (hit) return hit;
    }
    const rs = this.keyedRuleState(pkt);
    if (plain) {
      if (this.byNumber.size > 4096) this.byNumber.clear();
      this.byNumber.set(num, rs);
    }
    return rs;
  }

  private keyedRuleState(pkt: PacketSpec): RuleState {
    const key = this.packets.key(pkt);
    let rs = this.ruleStates.get(key);
    if (rs) {
      this.ruleStates.delete(key);
      this.ruleStates.set(key, rs);
      return rs;
    }
    rs = new RuleState(specOf(pkt), this.ctx, this.named);
    this.ruleStates.set(key, rs);
    if (this.ruleStates.size > (this.options.maxRuleStates ?? 64)) {
      const [oldKey, old] = this.ruleStates.entries().next().value as [string, RuleState];
      old.release();
      this.ruleStates.delete(oldKey);
      this.byNumber.clear();
    }
    return rs;
  }

  /** The matrix of a packet's class (built on first use, then kept up to date). */
  matrixState(pkt: PacketSpec): { state: MatrixState; built: boolean } {
    this.rekey();
    const key = this.packets.key(pkt);
    const hit = this.matrices.get(key);
    if (hit) return { state: hit, built: false };
    const state = new MatrixState(new RuleState(specOf(pkt), this.ctx, this.named), this);
    this.matrices.set(key, state);
    return { state, built: true };
  }

  /** Drops a cached matrix. */
  dropMatrix(pkt: PacketSpec): void {
    this.rekey();
    const key = this.packets.key(pkt);
    const m = this.matrices.get(key);
    if (!m) return;
    m.rs.release();
    this.matrices.delete(key);
  }

  /** New cuts or protocols change class keys: re-key the caches by each state's own packet. */
  private rekey(): void {
    if (this.packetsVersion === this.packets.version) return;
    this.packetsVersion = this.packets.version;
    this.byNumber.clear();
    const states = [...this.ruleStates.values()];
    this.ruleStates.clear();
    for (const rs of states) this.ruleStates.set(this.packets.key(rs.pkt), rs);
    const matrices = [...this.matrices.values()];
    this.matrices.clear();
    for (const m of matrices) this.matrices.set(this.packets.key(m.rs.pkt), m);
  }
}
