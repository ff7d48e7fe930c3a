// compile: one direction at one endpoint decided from the compiled sets — the same walk as the reference
// (tiers, policies, rules in order; Pass, Log, end of tier, profiles) with a bit test per rule instead of
// matching, either as a compact code (decideSide) or as the reference's SideExplanation (explainSide).
import type { Direction } from '../../../model/policy/types.js';
import { policyRef } from '../../../model/policy/eval/evaluate-side.js';
import { NO_PROFILE_REASON, failsafeSide, notApplicableSide } from '../../../model/policy/eval/fixed-sides.js';
import type { PeerInfo } from '../../../model/policy/eval/peer-info.js';
import type { SideExplanation, TrailStep } from '../../../model/policy/eval/types.js';
import { ACT_ALLOW, ACT_LOG, ACT_PASS, type CPolicy, type CRule } from '../rules/compile-rules.js';
import { decideFromProgram, FAILSAFE_ID, Program } from '../rules/eval-program.js';
import { isFailsafe } from '../rules/packet-class.js';
import type { PolicyCore } from '../matrix/policy-core.js';
import type { RuleState } from '../rules/rule-state.js';

/** Codes of decideSide besides a deciding rule id (>= 0); they match decideFromProgram's. */
export const SIDE_NOT_APPLICABLE = -1;
export const SIDE_FAILSAFE = FAILSAFE_ID;
export const SIDE_NO_PROFILE = -3;
/** End-of-tier deny of tier position t is coded -(t + 4). */
export const SIDE_END_OF_TIER = -4;
/** decide() left the pair to the full evaluation (see CompiledPolicies.decide). */
export const SIDE_DELEGATED = -1_000_000;

/** True when rule `r` matches with target class `t` on its own side and peer class `s` on the other. */
function ruleHits(r: CRule, rs: RuleState, data: Int32Array, t: number, s: number): boolean {
  const ingress = r.dir === 'ingress';
  const own = (ingress ? rs.effDst : rs.effSrc)[r.id] as number;
  const peer = (ingress ? rs.effSrc : rs.effDst)[r.id] as number;
  return (
    own >= 0 &&
    peer >= 0 &&
    ((data[own + (t >>> 5)] as number) & (1 << (t & 31))) !== 0 &&
    ((data[peer + (s >>> 5)] as number) & (1 << (s & 31))) !== 0
  );
}

/** The deciding rule id, or a SIDE_* code, for target class `t` and peer class `s`. */
export function decideSide(core: PolicyCore, rs: RuleState, t: number, s: number, dir: Direction): number {
  if (!core.u.classes.isTarget(t)) return SIDE_NOT_APPLICABLE;
  let prog = rs.program(dir, t);
  if (!prog) {
    core.programFor(t, dir, rs, scratch);
    prog = scratch.buf.slice(0, scratch.len);
    rs.storeProgram(dir, t, prog);
  }
  return decideFromProgram(prog, core.pool.data, s);
}

const scratch = new Program();

/** Allow / deny of a decideSide code. */
export function sideAllows(core: PolicyCore, code: number): boolean {
  if (code >= 0) return core.ctx.table[code]?.action === ACT_ALLOW;
  return code === SIDE_NOT_APPLICABLE || code === SIDE_FAILSAFE;
}

/** The reference's SideExplanation for target `target` (class t) and peer class s. */
export function explainSide(core: PolicyCore, rs: RuleState, target: PeerInfo, t: number, s: number, dir: Direction): SideExplanation {
  const endpoint = target.label;
  if (target.kind === 'external') return notApplicableSide(target);
  if (target.hep && isFailsafe(rs.pkt, dir)) return failsafeSide(endpoint);
  const data = core.pool.data;
  const trail: TrailStep[] = [];
  const pols = core.targets.get(dir, t);
  let i = 0;
  while (i < pols.length) {
    const tierPos = (pols[i] as CPolicy).tierPos;
    const tier = core.model.tiers[tierPos]?.name ?? '';
    let armed = false;
    let passed = false;
    for (; i < pols.length && (pols[i] as CPolicy).tierPos === tierPos; i++) {
      const p = pols[i] as CPolicy;
      if (passed) continue;
      const policy = policyRef(p.policy);
      if (p.staged) {
        trail.push({ tier, policy, result: 'staged' });
        continue;
      }
      armed = true;
      const hit = walkRules(p.rules[dir], rs, data, t, s, trail, tier, policy);
      if (!hit) continue;
      if (hit.action === ACT_PASS) {
        passed = true;
        continue;
      }
      const r = hit.rule;
      return {
        decided: 'rule',
        action: hit.action === ACT_ALLOW ? 'allow' : 'deny',
        endpoint,
        tier,
        policy,
        ruleIndex: r.index,
        ...(r.origin.k8sRuleIndex !== undefined ? { k8sRuleIndex: r.origin.k8sRuleIndex } : {}),
        ruleAction: r.action,
        rule: { path: r.origin.path, file: r.origin.src.file, line: r.origin.src.line },
        trail,
      };
    }
    if (passed || !armed) continue;
    if (core.model.tiers[tierPos]?.defaultAction === 'Deny') {
      trail.push({ tier, result: 'end-of-tier-deny' });
      return { decided: 'end-of-tier', action: 'deny', endpoint, tier, trail };
    }
    trail.push({ tier, result: 'end-of-tier-pass' });
  }
  const decided = pols.length > 0 ? 'profile' : 'no-policy';
  const names = target.wep?.profiles ?? target.hep?.profiles ?? [];
  for (const name of names) {
    const prof = core.profiles.get(name);
    if (!prof) continue;
    const hit = walkRules(prof[dir], rs, data, t, s, undefined, name, undefined);
    if (!hit || hit.action === ACT_PASS) continue;
    return { decided, action: hit.action === ACT_ALLOW ? 'allow' : 'deny', endpoint, profile: name, ruleIndex: hit.rule.index, trail };
  }
  return { decided, action: 'deny', endpoint, reasons: [NO_PROFILE_REASON], trail };
}

function walkRules(
  rules: readonly CRule[],
  rs: RuleState,
  data: Int32Array,
  t: number,
  s: number,
  trail: TrailStep[] | undefined,
  tier: string,
  policy: TrailStep['policy'],
): CRule | undefined {
  for (const r of rules) {
    if (!ruleHits(r, rs, data, t, s)) continue;
    if (r.action === ACT_LOG) {
      trail?.push({ tier, ...(policy ? { policy } : {}), result: 'log', ruleIndex: r.rule.index });
      continue;
    }
    const result = r.action === ACT_ALLOW ? 'allow' : r.action === ACT_PASS ? 'pass' : 'deny';
    trail?.push({ tier, ...(policy ? { policy } : {}), result, ruleIndex: r.rule.index });
    return r;
  }
  if (policy) trail?.push({ tier, policy, result: 'no-match' });
  return undefined;
}
