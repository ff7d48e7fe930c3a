// compile: a whole packet explained from the compiled state, in the reference's Verdict shape — Service
// DNAT first, traffic to itself, then the source's egress and the destination's ingress. Pairs touching an
// uncertain class, and packets with a source port, go to the reference evaluator itself.
import { selfTrafficVerdict } from '../../../model/policy/eval/fixed-sides.js';
import type { PolicyModel } from '../../../model/policy/types.js';
import { applyDnat } from '../../../model/policy/eval/dnat.js';
import { evaluateReference } from '../../../model/policy/eval/evaluate-reference.js';
import { resolvePeer } from '../../../model/policy/eval/peer-info.js';
import type { Outcome, Packet, SideExplanation, Verdict } from '../../../model/policy/eval/types.js';
import { explainSide } from './explain-side.js';
import type { PolicyCore } from '../matrix/policy-core.js';
import { classOfEndpoint, classOfIp } from '../classes/universe.js';
import type { Peer } from '../../../model/policy/eval/types.js';

/** The class of a packet end. */
export function classOfPeer(core: PolicyCore, peer: Peer): number {
  return 'endpoint' in peer ? classOfEndpoint(core.u, peer.endpoint) : classOfIp(core.u, peer.ip >>> 0);
}

/** The pod a packet end is (-1 for none): an endpoint, or the first non-hostNetwork pod with the address. */
export function podOfPeer(core: PolicyCore, peer: Peer): number {
  return 'endpoint' in peer ? peer.endpoint : (core.u.podByIp.get(peer.ip >>> 0) ?? -1);
}

/** Explains a packet exactly as evaluateReference(model, pkt) would. */
export function explainPacket(core: PolicyCore, model: PolicyModel, pkt: Packet): Verdict {
  if (pkt.srcPort !== undefined) return evaluateReference(model, pkt);
  const dnat = applyDnat(model, pkt);
  if (dnat === undefined) return explainDirect(core, model, pkt);
  if ('failure' in dnat) {
    const na = (endpoint: string): SideExplanation => ({ decided: 'not-applicable', action: 'deny', endpoint, reasons: [dnat.failure], trail: [] });
    return { verdict: 'deny', egress: na('-'), ingress: na(dnat.service), notes: [dnat.failure] };
  }
  const results = dnat.targets.map((t) => ({ t, v: explainDirect(core, model, t.packet) }));
  const first = results[0] as (typeof results)[number];
  const agree = results.every((r) => r.v.verdict === first.v.verdict);
  const dnatInfo = { service: dnat.service, backend: first.t.backend, ...(first.t.packet.dstPort !== undefined ? { port: first.t.packet.dstPort } : {}) };
  if (agree) return { ...first.v, dnat: dnatInfo };
  const notes = results.map((r) => `via backend ${r.t.backend}: ${r.v.verdict}`);
  return { ...first.v, verdict: 'unknown', dnat: dnatInfo, notes: ['the Service backends disagree; the verdict depends on which one kube-proxy picks', ...notes] };
}

function explainDirect(core: PolicyCore, model: PolicyModel, pkt: Packet): Verdict {
  const a = classOfPeer(core, pkt.src);
  const b = classOfPeer(core, pkt.dst);
  const { uncertain } = core.u.classes;
  if (uncertain[a] === 1 || uncertain[b] === 1) return evaluateReference(model, pkt);
  const src = resolvePeer(model, pkt.src);
  const dst = resolvePeer(model, pkt.dst);
  if (src.pod !== undefined && src.pod === dst.pod) {
    return selfTrafficVerdict(src.label, dst.label);
  }
  const rs = core.ruleState(pkt);
  const egress = explainSide(core, rs, src, a, b, 'egress');
  const ingress = explainSide(core, rs, dst, b, a, 'ingress');
  return { verdict: combine(egress.action, ingress.action), egress, ingress };
}

export function combine(egress: Outcome, ingress: Outcome): Outcome {
  if (egress === 'deny' || ingress === 'deny') return 'deny';
  if (egress === 'unknown' || ingress === 'unknown') return 'unknown';
  return 'allow';
}
