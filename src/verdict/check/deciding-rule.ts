// verdict: a side's explanation as the check report's DecidingRule, and the file and line a user should
// change: the deciding policy, or, for an end-of-tier or profile decision, the last policy consulted.
import type { SideExplanation } from '../../model/policy/eval/types.js';
import type { DecidingRule } from './types.js';

/** The DecidingRule of one side of a flow. */
export function decidingRule(side: DecidingRule['side'], cluster: string, s: SideExplanation): DecidingRule {
  const last = [...s.trail].reverse().find((t) => t.policy !== undefined)?.policy;
  const policy = s.policy ?? (s.decided === 'end-of-tier' ? last : undefined);
  return {
    side,
    cluster,
    action: s.action,
    decided: s.decided,
    ...(s.tier !== undefined ? { tier: s.tier } : {}),
    ...(policy ? { policy: `${policy.kind} ${policy.namespace ? `${policy.namespace}/` : ''}${policy.name}` } : s.profile ? { policy: `profile ${s.profile}` } : {}),
    ...(s.ruleIndex !== undefined ? { ruleIndex: s.ruleIndex } : {}),
    ...(s.rule ? { file: s.rule.file, line: s.rule.line } : policy ? { file: policy.file, line: policy.line } : {}),
  };
}

/** The file:line to change for a decision, when one is known. */
export function responsibleOf(r: DecidingRule | undefined): ({ file: string; line: number; col: number; what: string }) | undefined {
  if (!r || r.file === undefined || r.line === undefined) return undefined;
  return { file: r.file, line: r.line, col: 1, what: `${r.policy ?? r.decided} (${r.side} in ${r.cluster})` };
}
