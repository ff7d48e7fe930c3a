// model: the reference policy evaluator — straight from the rules, slow and simple; the compiled matrix is
// property-tested against it. A packet passes when the source's egress and the destination's ingress allow it.
import { selfTrafficVerdict } from './fixed-sides.js';
import type { PolicyModel } from '../types.js';
import { exploreAssumptions, type Assumptions } from './assumptions.js';
import { applyDnat } from './dnat.js';
import { evaluateSide } from './evaluate-side.js';
import { resolvePeer, undeclaredNamespaces } from './peer-info.js';
import type { MatchCtx } from './rule-match.js';
import type { Outcome, Packet, SideExplanation, Verdict } from './types.js';

/**
 * Evaluates one packet. The verdict is `unknown` only when it really depends on facts the input lacks (each
 * open question is explored both ways, see assumptions.ts):
 * 1. the pcns.* labels of a namespace that was referenced but never declared decide whether a policy selects
 *    the pod, or whether a rule's selector / namespaceSelector matches a pod or a namespaced network set of it
 *    (its name labels `pcns.projectcalico.org/name`, `pcns.kubernetes.io/metadata.name` are known);
 * 2. a pod without an IP meets a rule's `nets` / `notNets`;
 * 3. a pod without an IP meets a rule selector that matches a network set or host endpoint (its address might
 *    lie in that set);
 * 4. a Service's backends disagree (the verdict depends on the backend kube-proxy picks);
 * 5. more than 256 combinations of open answers (exploration stops).
 * Questions are answered independently (a pod's unknown address is not tied across different CIDR lists), so
 * `unknown` can be conservative; a definite verdict is always right.
 */
export function evaluateReference(model: PolicyModel, pkt: Packet): Verdict {
  const dnat = applyDnat(model, pkt);
  if (dnat === undefined) return evaluateDirect(model, pkt);
  if ('failure' in dnat) {
    const na = (endpoint: string): SideExplanation => ({ decided: 'not-applicable', action: 'deny', endpoint, reasons: [dnat.failure], trail: [] });
    return { verdict: 'deny', egress: na('-'), ingress: na(dnat.service), notes: [dnat.failure] };
  }
  const results = dnat.targets.map((t) => ({ t, v: evaluateDirect(model, t.packet) }));
  const first = results[0] as (typeof results)[number];
  const agree = results.every((r) => r.v.verdict === first.v.verdict);
  const dnatInfo = { service: dnat.service, backend: first.t.backend, ...(first.t.packet.dstPort !== undefined ? { port: first.t.packet.dstPort } : {}) };
  if (agree) return { ...first.v, dnat: dnatInfo };
  const notes = results.map((r) => `via backend ${r.t.backend}: ${r.v.verdict}`);
  return { ...first.v, verdict: 'unknown', dnat: dnatInfo, notes: ['the Service backends disagree; the verdict depends on which one kube-proxy picks', ...notes] };
}

/** Evaluates a packet after DNAT, exploring every assumption about missing facts. */
function evaluateDirect(model: PolicyModel, pkt: Packet): Verdict {
  const src = resolvePeer(model, pkt.src);
  const dst = resolvePeer(model, pkt.dst);
  if (src.pod !== undefined && src.pod === dst.pod) {
    return selfTrafficVerdict(src.label, dst.label);
  }
  const undeclared = undeclaredNamespaces(model);
  const run = (a: Assumptions): Verdict => {
    const c: MatchCtx = { model, undeclared, a, pkt, src, dst };
    const egress = evaluateSide(c, model, src, 'egress');
    const ingress = evaluateSide(c, model, dst, 'ingress');
    return { verdict: combine(egress.action, ingress.action), egress, ingress };
  };
  const { leaves, complete } = exploreAssumptions(run);
  const base = (leaves[0] as (typeof leaves)[number]).value;
  if (leaves.length === 1) return base;
  const reasons = [...new Set(leaves.flatMap((l) => l.reasons))];
  if (complete && leaves.every((l) => l.value.verdict === base.verdict)) {
    return { ...base, egress: settle(base.egress, leaves.map((l) => l.value.egress), reasons), ingress: settle(base.ingress, leaves.map((l) => l.value.ingress), reasons) };
  }
  const egress = settle(base.egress, leaves.map((l) => l.value.egress), reasons);
  const ingress = settle(base.ingress, leaves.map((l) => l.value.ingress), reasons);
  const notes = complete ? reasons : [...reasons, 'too many open questions: exploration stopped'];
  return { verdict: 'unknown', egress, ingress, notes };
}

/** A side keeps its all-false-assumptions explanation when every exploration agrees on its action. */
function settle(base: SideExplanation, all: readonly SideExplanation[], reasons: readonly string[]): SideExplanation {
  if (all.every((s) => s.action === base.action)) return base;
  return { decided: 'unknown', action: 'unknown', endpoint: base.endpoint, reasons, trail: base.trail };
}

function combine(egress: Outcome, ingress: Outcome): Outcome {
  if (egress === 'deny' || ingress === 'deny') return 'deny';
  if (egress === 'unknown' || ingress === 'unknown') return 'unknown';
  return 'allow';
}
