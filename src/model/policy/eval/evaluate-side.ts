// model: one direction at one endpoint, as Felix's endpoint chains run it (felix/rules/endpoints.go):
// applicable tiers in order, policies in order, Allow/Deny decide, Log continues, Pass leaves the tier, an
// armed tier ends in its defaultAction, then the endpoint's profiles; none allowing → drop.
import type { Direction, Policy, PolicyModel, Rule } from '../types.js';
import type { MembershipCtx } from './selector-membership.js';
import { labelsMatch } from './selector-membership.js';
import { ruleMatches, type MatchCtx } from './rule-match.js';
import { NO_PROFILE_REASON, failsafeSide, notApplicableSide } from './fixed-sides.js';
import type { PeerInfo } from './peer-info.js';
import type { PolicyRef, SideExplanation, TrailStep } from './types.js';
import { modelIndex } from './model-index.js';

/** Felix FailsafeInboundHostPorts / FailsafeOutboundHostPorts defaults (felix/config/config_params.go). */
const FAILSAFE_IN: readonly (readonly [number, number])[] = [[6, 22], [17, 68], [6, 179], [6, 2379], [6, 2380], [6, 5473], [6, 6443], [6, 6666], [6, 6667]];
const FAILSAFE_OUT: readonly (readonly [number, number])[] = [[17, 53], [17, 67], [6, 179], [6, 2379], [6, 2380], [6, 5473], [6, 6443], [6, 6666], [6, 6667]];

const refs = new WeakMap<Policy, PolicyRef>();

/** Reference to a policy for explanations (one shared object per policy). */
export function policyRef(p: Policy): PolicyRef {
  let r = refs.get(p);
  if (!r) {
    r = { kind: p.kind, ...(p.namespace !== undefined ? { namespace: p.namespace } : {}), name: p.name, tier: p.tier, file: p.src.file, line: p.src.line };
    refs.set(p, r);
  }
  return r;
}

/** True when `p` applies to `target` for `dir` in the normal (filter) chains. */
function applies(c: MembershipCtx, p: Policy, target: PeerInfo, dir: Direction): boolean {
  if (!p.types[dir] || p.preDNAT || p.doNotTrack) return false;
  if (target.wep) return labelsMatch(c, p.selector, target.wep.labels, target.wep.namespace, `pod ${target.label} (as target of ${p.name})`);
  return target.hep !== undefined && p.selector.matches(target.hep.labels);
}

/** Evaluates `dir` at the endpoint `target` (the source for egress, the destination for ingress). */
export function evaluateSide(c: MatchCtx, model: PolicyModel, target: PeerInfo, dir: Direction): SideExplanation {
  const endpoint = target.label;
  if (target.kind === 'external') return notApplicableSide(target);
  if (target.hep && isFailsafe(c, dir)) return failsafeSide(endpoint);
  const trail: TrailStep[] = [];
  let anyTier = false;
  for (const tier of model.tiers) {
    const pols = (modelIndex(model).byTier.get(tier.name)?.[dir] ?? []).filter((p) => applies(c, p, target, dir));
    if (pols.length === 0) continue;
    anyTier = true;
    let armed = false;
    let passed = false;
    for (const p of pols) {
      if (p.staged) {
        trail.push({ tier: tier.name, policy: policyRef(p), result: 'staged' });
        continue;
      }
      armed = true;
      const hit = firstDecision(c, p[dir], trail, tier.name, policyRef(p));
      if (hit === undefined) continue;
      if (hit.action === 'Pass') {
        passed = true;
        break;
      }
      return ruleDecision(endpoint, tier.name, p, hit, trail);
    }
    if (passed || !armed) continue;
    if (tier.defaultAction === 'Deny') {
      trail.push({ tier: tier.name, result: 'end-of-tier-deny' });
      return { decided: 'end-of-tier', action: 'deny', endpoint, tier: tier.name, trail };
    }
    trail.push({ tier: tier.name, result: 'end-of-tier-pass' });
  }
  return evaluateProfiles(c, model, target, dir, anyTier, trail);
}

/** Walks a rule list: returns the first Allow/Deny/Pass rule that matches (Log rules are noted and skipped). */
function firstDecision(c: MatchCtx, rules: readonly Rule[], trail: TrailStep[], tier: string, policy: PolicyRef | undefined): Rule | undefined {
  for (const r of rules) {
    if (!ruleMatches(c, r)) continue;
    if (r.action === 'Log') {
      trail.push({ tier, ...(policy ? { policy } : {}), result: 'log', ruleIndex: r.index });
      continue;
    }
    trail.push({ tier, ...(policy ? { policy } : {}), result: r.action === 'Allow' ? 'allow' : r.action === 'Deny' ? 'deny' : 'pass', ruleIndex: r.index });
    return r;
  }
  if (policy) trail.push({ tier, policy, result: 'no-match' });
  return undefined;
}

function ruleDecision(endpoint: string, tier: string, p: Policy, r: Rule, trail: TrailStep[]): SideExplanation {
  return {
    decided: 'rule',
    action: r.action === 'Allow' ? 'allow' : 'deny',
    endpoint,
    tier,
    policy: policyRef(p),
    ruleIndex: r.index,
    ...(r.origin.k8sRuleIndex !== undefined ? { k8sRuleIndex: r.origin.k8sRuleIndex } : {}),
    ruleAction: r.action,
    rule: { path: r.origin.path, file: r.origin.src.file, line: r.origin.src.line },
    trail,
  };
}

/** Profiles in order: first Allow wins, a Deny drops, Pass/Log/no match go on; none allowing → drop. */
function evaluateProfiles(c: MatchCtx, model: PolicyModel, target: PeerInfo, dir: Direction, anyTier: boolean, trail: TrailStep[]): SideExplanation {
  const decided = anyTier ? 'profile' : 'no-policy';
  const names = target.wep?.profiles ?? target.hep?.profiles ?? [];
  for (const name of names) {
    const prof = model.profiles.get(name);
    if (!prof) continue;
    const hit = firstDecision(c, prof[dir], [], name, undefined);
    if (!hit || hit.action === 'Pass') continue;
    return { decided, action: hit.action === 'Allow' ? 'allow' : 'deny', endpoint: target.label, profile: name, ruleIndex: hit.index, trail };
  }
  return { decided, action: 'deny', endpoint: target.label, reasons: [NO_PROFILE_REASON], trail };
}

function isFailsafe(c: MatchCtx, dir: Direction): boolean {
  const list = dir === 'ingress' ? FAILSAFE_IN : FAILSAFE_OUT;
  return list.some(([proto, port]) => c.pkt.protocol === proto && c.pkt.dstPort === port);
}
