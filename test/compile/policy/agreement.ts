// test helper: compares the compiled policies with the reference evaluator on every pair of packet ends
// (all pods, sample outside addresses and every class representative) for given packets; returns the
// first disagreement as text.
import { isDeepStrictEqual } from 'node:util';
import { parseIpv4 } from '../../../src/lib/ipv4.js';
import type { PolicyModel } from '../../../src/model/policy/types.js';
import type { CompiledPolicies } from '../../../src/compile/policy/compiled-policies.js';
import type { PolicyMatrix } from '../../../src/compile/policy/matrix/policy-matrix.js';
import type { PacketSpec } from '../../../src/compile/policy/rules/packet-class.js';
import { evaluateReference } from '../../../src/model/policy/eval/evaluate-reference.js';
import type { Direction } from '../../../src/model/policy/types.js';
import { Assumptions } from '../../../src/model/policy/eval/assumptions.js';
import { resolvePeer, undeclaredNamespaces } from '../../../src/model/policy/eval/peer-info.js';
import { ruleMatches, type MatchCtx } from '../../../src/model/policy/eval/rule-match.js';
import type { Outcome, Packet, Peer, SideExplanation } from '../../../src/model/policy/eval/types.js';
import { PROBE_IPS } from '../../arbitraries/vocabulary.js';

/** Packets the agreement checks pick from. */
export const PACKETS: readonly PacketSpec[] = [
  { protocol: 6, dstPort: 80 },
  { protocol: 6, dstPort: 81 },
  { protocol: 6, dstPort: 8080 },
  { protocol: 6, dstPort: 1500 },
  { protocol: 6, dstPort: 22 },
  { protocol: 6, dstPort: 9090 },
  { protocol: 17, dstPort: 53 },
  { protocol: 17, dstPort: 80 },
  { protocol: 132, dstPort: 80 },
  { protocol: 1, icmpType: 8, icmpCode: 0 },
  { protocol: 1, icmpType: 3, icmpCode: 1 },
  { protocol: 47 },
];

/** Every pod plus the sample outside addresses. */
export function probeEnds(model: PolicyModel): Peer[] {
  return [...model.endpoints.map((e) => ({ endpoint: e.index })), ...PROBE_IPS.map((ip) => ({ ip: parseIpv4(ip) }))];
}

/**
 * The matrix's verdict for a packet between two ends (pods or addresses), or undefined where the matrix does
 * not speak: traffic to itself and packets to a Service address (DNAT happens before policy).
 */
export function matrixVerdict(model: PolicyModel, cp: CompiledPolicies, mx: PolicyMatrix, pkt: Packet): Outcome | undefined {
  const pod = (p: Peer): number => ('endpoint' in p ? p.endpoint : (model.endpoints.find((e) => !e.hostNetwork && e.ip === p.ip)?.index ?? -1));
  if (pod(pkt.src) >= 0 && pod(pkt.src) === pod(pkt.dst)) return undefined;
  const dst = pkt.dst;
  if ('ip' in dst && model.services.some((s) => s.clusterIP === dst.ip)) return undefined;
  return mx.classVerdict(cp.classOf(pkt.src), cp.classOf(pkt.dst));
}

/** True when the deciding rule an explanation names matches the packet (the reference's rule matcher). */
export function namedRuleMatches(model: PolicyModel, pkt: Packet, side: SideExplanation, dir: Direction): boolean {
  const ref = side.policy;
  const policy = model.policies.find((p) => p.kind === ref?.kind && p.name === ref.name && p.namespace === ref.namespace);
  const rule = policy?.[dir].find((r) => r.index === side.ruleIndex);
  if (!policy || !rule || policy.tier !== side.tier || rule.action !== side.ruleAction) return false;
  const c: MatchCtx = { model, undeclared: undeclaredNamespaces(model), a: new Assumptions([]), pkt, src: resolvePeer(model, pkt.src), dst: resolvePeer(model, pkt.dst) };
  return ruleMatches(c, rule);
}

function show(p: Peer): string {
  return 'endpoint' in p ? `pod#${p.endpoint}` : `ip ${p.ip >>> 24}.${(p.ip >>> 16) & 255}.${(p.ip >>> 8) & 255}.${p.ip & 255}`;
}

/**
 * The first disagreement between the compiled paths and the reference for `packets`, or undefined: `cp`
 * answers from its matrices, `fresh` (a compilation without matrices) from per-pair rule walks.
 */
export function disagreement(model: PolicyModel, cp: CompiledPolicies, fresh: CompiledPolicies, packets: readonly PacketSpec[], explain = true): string | undefined {
  const ends = probeEnds(model);
  for (const spec of packets) {
    const mx = cp.matrix(spec);
    for (const src of ends) {
      for (const dst of ends) {
        const pkt: Packet = { src, dst, ...spec };
        const ref = evaluateReference(model, pkt);
        const where = `${show(src)} -> ${show(dst)} ${JSON.stringify(spec)}`;
        for (const [what, c] of [['matrix verdict', cp], ['walk verdict', fresh]] as const) {
          const v = c.verdict(pkt);
          if (v !== ref.verdict) return `${what} ${where}: compiled ${v}, reference ${ref.verdict}\n${JSON.stringify(ref, null, 1)}`;
        }
        const m = matrixVerdict(model, cp, mx, pkt);
        if (m !== undefined && m !== ref.verdict) return `matrix ${where}: matrix ${m}, reference ${ref.verdict}\n${JSON.stringify(ref, null, 1)}`;
        if (explain) {
          const e = fresh.explain(pkt);
          if (!isDeepStrictEqual(e, ref)) return `explain ${where}:\ncompiled ${JSON.stringify(e)}\nreference ${JSON.stringify(ref)}`;
          if (e.dnat === undefined && e.verdict !== 'unknown') {
            for (const [dir, side] of [['egress', e.egress], ['ingress', e.ingress]] as const) {
              if (side.decided === 'rule' && !namedRuleMatches(model, pkt, side, dir)) return `explain ${where}: ${dir} names a rule that does not match`;
            }
          }
        }
      }
    }
  }
  return undefined;
}
