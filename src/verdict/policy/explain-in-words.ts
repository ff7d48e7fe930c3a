// verdict: one probe result as sentences, for the human single-query mode of the CLI.
import type { ProbeResult } from './probes.js';
import type { PolicyRef, SideExplanation } from '../../model/policy/eval/types.js';

function policyText(p: PolicyRef): string {
  return `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name}`;
}

function sideText(dir: 'egress' | 'ingress', s: SideExplanation): string {
  const at = `${dir} at ${s.endpoint}`;
  // The same open question can be met twice on one side (by a rule and by the tier's end): said once.
  const reasons = s.reasons && s.reasons.length > 0 ? ` (${[...new Set(s.reasons)].join('; ')})` : '';
  switch (s.decided) {
    case 'rule': {
      const k8s = s.k8sRuleIndex !== undefined ? ` (from ${dir} rule ${s.k8sRuleIndex} of the manifest)` : '';
      const where = s.rule ? ` at ${s.rule.file}:${s.rule.line}` : '';
      const verb = s.action === 'allow' ? 'allowed' : 'denied';
      return `${at}: ${verb} by rule ${s.ruleIndex ?? 0}${k8s} of ${s.policy ? policyText(s.policy) : 'a policy'} in tier ${s.tier ?? '?'}${where}.`;
    }
    case 'end-of-tier':
      return `${at}: denied at the end of tier ${s.tier ?? '?'}: a policy of the tier selects it, but none of its rules matched.`;
    case 'no-policy':
      return `${at}: no policy selects it for ${dir}; ${s.profile ? `profile ${s.profile} ${s.action === 'allow' ? 'allows' : 'denies'}` : `no profile allows (${s.action})`}.`;
    case 'profile':
      return `${at}: every applicable tier passed; ${s.profile ? `profile ${s.profile} ${s.action === 'allow' ? 'allows' : 'denies'}` : 'no profile allows, so it is denied'}.`;
    case 'not-applicable':
      return `${at}: nothing to check${reasons}.`;
    case 'unknown':
      return `${at}: cannot be decided from the input${reasons}.`;
  }
}

/** `from → to PROTO port: VERDICT` followed by one sentence per direction and the policies consulted. */
export function explainInWords(r: ProbeResult): string {
  const head = `${r.from} → ${r.to} ${r.protocol}${r.port !== null ? ` ${r.port}` : ''}: ${r.verdict.toUpperCase()}`;
  const lines = [head, `  ${sideText('egress', r.egress)}`, `  ${sideText('ingress', r.ingress)}`];
  for (const [dir, s] of [['egress', r.egress], ['ingress', r.ingress]] as const) {
    if (s.trail.length === 0) continue;
    const steps = s.trail.map((t) => `${t.tier}${t.policy ? `/${policyText(t.policy)}` : ''}: ${t.result}${t.ruleIndex !== undefined ? ` (rule ${t.ruleIndex})` : ''}`);
    lines.push(`  ${dir} trail: ${steps.join(' → ')}`);
  }
  if (r.ingress.reasons && r.ingress.decided !== 'not-applicable' && r.ingress.decided !== 'unknown') {
    lines.push(...r.ingress.reasons.map((x) => `  note: ${x}`));
  }
  return lines.join('\n');
}
